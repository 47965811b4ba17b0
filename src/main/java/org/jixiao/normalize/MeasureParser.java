package org.jixiao.normalize;

import org.jixiao.model.Comparator;
import org.jixiao.model.Measure;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target or actual value as written into a {@link Measure}.
 *
 * <pre>
 * "≥98%"      -> PERCENT  GE 98 "%"
 * "20平方米"   -> QUANTITY    20 "平方米"
 * "90"        -> NUMBER      90
 * "--"        -> EMPTY
 * </pre>
 *
 * <p>Input is text already folded by {@link TextNormalizer}. Whatever cannot be read stays
 * {@code TEXT}, never a guessed number. Thread-safe.
 */
public final class MeasureParser {

    private static final Pattern PLACEHOLDER = Pattern.compile("^(?:-+|—+|/|\\\\)$");
    private static final Pattern SIMPLE = Pattern.compile(
            "^(?<cmp>>=|<=|[≥≤><=])?\\s*(?<num>[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|[+-]?\\d+(?:\\.\\d+)?)\\s*(?<unit>%|[^\\d\\s]{1,6})?$");

    /** Reads {@code text}; never throws for any input. */
    public Measure parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || PLACEHOLDER.matcher(s).matches()) {
            return Measure.of(s, Measure.Kind.EMPTY);
        }
        Matcher m = SIMPLE.matcher(s);
        if (!m.matches()) {
            return Measure.of(s, Measure.Kind.TEXT);
        }
        BigDecimal value = new BigDecimal(m.group("num").replace(",", ""));
        String unit = m.group("unit") == null ? "" : m.group("unit");
        Measure.Kind kind = unit.isEmpty() ? Measure.Kind.NUMBER
                : unit.equals("%") ? Measure.Kind.PERCENT : Measure.Kind.QUANTITY;
        return new Measure(s, kind, comparator(m.group("cmp")), Optional.of(value), unit, "",
                Optional.empty(), Optional.empty());
    }

    /** A plain number as a form writes one in a numeric cell ({@code 17049.23}, {@code 1,250}); empty otherwise. */
    public Optional<BigDecimal> number(String text) {
        Measure m = parse(text);
        return m.kind() == Measure.Kind.NUMBER && m.comparator().isEmpty() ? m.value() : Optional.empty();
    }

    private static Optional<Comparator> comparator(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        return Optional.of(switch (symbol) {
            case "≥", ">=" -> Comparator.GE;
            case "≤", "<=" -> Comparator.LE;
            case ">" -> Comparator.GT;
            case "<" -> Comparator.LT;
            default -> Comparator.EQ;
        });
    }
}
