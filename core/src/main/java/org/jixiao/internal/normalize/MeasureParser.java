package org.jixiao.internal.normalize;

import org.jixiao.model.Comparator;
import org.jixiao.model.Measure;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target or actual value as written into a {@link Measure}.
 *
 * <pre>
 * "≥98%"              -> PERCENT   GE 98 "%"
 * "大于等于350个"       -> QUANTITY  GE 350 "个"
 * "异常响应时间≤1小时"   -> QUANTITY  LE 1 "小时", label "异常响应时间"
 * "小于48.71万元"       -> QUANTITY  LT 48.71 "万元"
 * "95%以上"            -> PERCENT   GE 95 "%"
 * "700元/人次"          -> QUANTITY  700 "元/人次"
 * "1,250"             -> NUMBER    1250
 * "３万"               -> NUMBER    30000        (万 and 亿 multiply, except before 元)
 * "三次"               -> QUANTITY  3 "次"
 * "百分之九十"          -> PERCENT   90 "%"
 * "2021年6月底"         -> DATE      deadline 2021-06-30
 * "显著"               -> QUALITATIVE tier 1;  "基本完成" tier 2;  "不及时" tier 3
 * "同比下降5%"          -> RELATIVE  5 "%"
 * "资产总额*5%"         -> FORMULA   (no value: 5% is not the target)
 * "--", "/", "无"       -> EMPTY
 * "更加有序"            -> TEXT      (DOMAIN.md 2.7: not computable)
 * </pre>
 *
 * <p>Contract: the input is folded by {@link TextNormalizer} first (so full-width and traditional
 * text read the same) and {@link Measure#raw()} is that folded text. Percentages are in percent
 * (98 for 98%; {@code 百分比} and {@code 百分之} also give unit {@code %}); {@code ‰} stays a
 * {@code QUANTITY} in per mille. Money stays in the unit written ({@link #toWanYuan} converts).
 * Without a comparator the measure has none: defaults by indicator type are the scorer's call.
 * A date's deadline is the last day the text allows ({@code 前} counts the named day as on time);
 * a date without a year has a deadline only through {@link #parse(String, int)}. {@code 按时} and
 * {@code 及时} are tier-1 {@code QUALITATIVE}, not dates. Whatever cannot be read is {@code TEXT}
 * with no value, never a guessed number. All words come from {@code measure-words.tsv}.
 *
 * <p>Never throws for any input, {@code null} included. Immutable and thread-safe.
 */
public final class MeasureParser {

    private static final Pattern ARABIC = Pattern.compile("^[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    /** A unit after an Arabic number that is not listed: letters only, e.g. {@code 个工作日}. */
    private static final Pattern FREE_UNIT = Pattern.compile("[\\p{IsHan}A-Za-z/]{1,8}");
    private static final Pattern DASHES = Pattern.compile("[-\\u2010-\\u2015/\\\\_.\\u2026\\u00B7]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\u3002;,]+$");

    private final TextNormalizer normalizer = new TextNormalizer();
    private final Memo<Measure> memo = new Memo<>(16_384, text -> read(text, OptionalInt.empty()));

    /** Loaded on first use. */
    private static final class Words {
        static final Vocabulary V = Vocabulary.load();
    }

    /** Reads {@code text}; dates without a year get no deadline. Never throws. */
    public Measure parse(String text) {
        return text == null ? read(null, OptionalInt.empty()) : memo.get(text);
    }

    /**
     * Reads {@code text} as {@link #parse(String)} does, completing dates written without a year
     * ({@code 12月底前}, {@code 年底}) with {@code formYear}: {@code 12月底前} with 2020 has deadline 2020-12-31.
     */
    public Measure parse(String text, int formYear) {
        Measure m = parse(text);
        // The year changes only a date written without one (a DATE with no deadline), which is rare:
        // everything else is the memoized reading.
        return text != null && m.kind() == Measure.Kind.DATE && m.deadline().isEmpty()
                ? read(text, OptionalInt.of(formYear)) : m;
    }

    /**
     * A plain number as a form writes one in a numeric cell ({@code 17049.23}, {@code 1,250},
     * {@code 3万} = 30000); empty for anything with a comparator, unit or words.
     */
    public Optional<BigDecimal> number(String text) {
        Optional<BigDecimal> plain = plainAscii(text);
        if (plain.isPresent()) {
            return plain;
        }
        Measure m = parse(text);
        return m.kind() == Measure.Kind.NUMBER && m.comparator().isEmpty() ? m.value() : Optional.empty();
    }

    /**
     * The comparator a cell is, whole ({@code 大于等于}, {@code ≥}, {@code 等于}); empty for anything
     * else, a direction word ({@code 正向}) or a figure included.
     */
    public Optional<Comparator> comparator(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(Words.V.comparators.get(compact(text)));
    }

    /**
     * Whether a cell is a unit alone, as a 计量单位 column writes one: a unit, money unit or percent
     * sign of the vocabulary ({@code 个}, {@code 人次}, {@code 万元}, {@code %}). Only listed ones:
     * after a number any short word passes for a unit, which would make 是 or 定性 one.
     */
    public boolean isUnit(String text) {
        if (text == null) {
            return false;
        }
        String s = compact(text);
        Vocabulary v = Words.V;
        return s.equals("%") || v.units.containsKey(s) || v.money.containsKey(s) || v.percentUnits.contains(s);
    }

    /** A cell's text as the vocabulary is written: normalized, without spaces. */
    private String compact(String text) {
        return SPACES.matcher(normalizer.apply(text)).replaceAll("");
    }

    /**
     * {@code amount} in 万元, converted exactly from the money unit written ({@code 元}, {@code 千元},
     * {@code 万元}, {@code 亿元}, as listed in {@code measure-words.tsv}); empty if {@code unit} is
     * not a money unit. Never rounds: 387664.62 元 is 38.766462 万元; 1.2 亿元 is 12000 万元.
     */
    public static Optional<BigDecimal> toWanYuan(BigDecimal amount, String unit) {
        Objects.requireNonNull(amount, "amount");
        if (unit == null) {
            return Optional.empty();
        }
        Integer shift = Words.V.money.get(unit.strip());
        return shift == null ? Optional.empty() : Optional.of(amount.movePointRight(shift));
    }

    private Measure read(String text, OptionalInt formYear) {
        String raw = text == null ? "" : normalizer.apply(text);
        String s = TRAILING_PUNCTUATION.matcher(SPACES.matcher(raw).replaceAll("")).replaceFirst("");
        Vocabulary v = Words.V;
        if (s.isEmpty() || DASHES.matcher(s).matches() || v.placeholders.contains(s)) {
            return Measure.of(raw, Measure.Kind.EMPTY);
        }
        Optional<Measure> m = relative(raw, s, v);
        if (m.isEmpty()) {
            m = qualitative(raw, s, v);
        }
        if (m.isEmpty()) {
            m = date(raw, s, v, formYear);
        }
        if (m.isEmpty() && v.formulaOperators.stream().anyMatch(s::contains)) {
            m = Optional.of(Measure.of(raw, Measure.Kind.FORMULA));
        }
        if (m.isEmpty()) {
            m = quantity(raw, s, v);
        }
        return m.orElseGet(() -> Measure.of(raw, Measure.Kind.TEXT));
    }

    private static Optional<Measure> relative(String raw, String s, Vocabulary v) {
        Optional<String> prefix = v.longestPrefix(v.relative, s);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String rest = s.substring(prefix.get().length());
        Optional<String> direction = v.longestPrefix(v.directions, rest);
        if (direction.isPresent()) {
            rest = rest.substring(direction.get().length());
        }
        Optional<Reading> r = value(rest, v);
        return Optional.of(new Measure(raw, Measure.Kind.RELATIVE, Optional.empty(),
                r.map(Reading::value), r.map(Reading::unit).orElse(""), "", Optional.empty(), Optional.empty()));
    }

    private static Optional<Measure> qualitative(String raw, String s, Vocabulary v) {
        Integer tier = v.tiers.get(s);
        if (tier == null) {
            tier = v.longestPrefix(v.tierPrefixes, s).map(v.tierPrefixes::get).orElse(null);
        }
        if (tier == null) {
            Optional<String> negation = v.longestPrefix(v.negations, s);
            if (negation.isPresent() && Integer.valueOf(1).equals(v.tiers.get(s.substring(negation.get().length())))) {
                tier = v.negations.get(negation.get());
            }
        }
        return tier == null ? Optional.empty() : Optional.of(new Measure(raw, Measure.Kind.QUALITATIVE,
                Optional.empty(), Optional.empty(), "", "", Optional.of(tier), Optional.empty()));
    }

    private static Optional<Measure> date(String raw, String s, Vocabulary v, OptionalInt formYear) {
        for (DateRule rule : v.dates) {
            Matcher m = rule.pattern().matcher(s);
            if (!m.matches()) {
                continue;
            }
            Optional<LocalDate> deadline = Optional.empty();
            OptionalInt year = rule.group(m, "y").map(g -> integer(g, v)).orElse(formYear);
            Optional<String> monthText = rule.group(m, "m");
            OptionalInt month = monthText.isPresent() ? integer(monthText.get(), v) : OptionalInt.of(12);
            Optional<String> dayText = rule.group(m, "d");
            if (year.isPresent() && month.isPresent()) {
                try {
                    YearMonth ym = YearMonth.of(year.getAsInt(), month.getAsInt());
                    if (dayText.isPresent()) {
                        OptionalInt day = integer(dayText.get(), v);
                        if (day.isEmpty()) {
                            return Optional.empty();
                        }
                        deadline = Optional.of(ym.atDay(day.getAsInt()));
                    } else {
                        deadline = Optional.of(ym.atEndOfMonth());
                    }
                } catch (DateTimeException e) {
                    // 2021年13月: not a date, so not read as one.
                    return Optional.empty();
                }
            }
            return Optional.of(new Measure(raw, Measure.Kind.DATE, Optional.empty(), Optional.empty(),
                    "", "", Optional.empty(), deadline));
        }
        return Optional.empty();
    }

    private static OptionalInt integer(String digits, Vocabulary v) {
        Optional<BigDecimal> n = digits.chars().allMatch(Character::isDigit)
                ? Optional.of(new BigDecimal(digits)) : ChineseNumeral.parse(digits, v);
        return n.isPresent() && n.get().signum() >= 0 && n.get().scale() <= 0 && n.get().compareTo(BigDecimal.valueOf(10_000)) < 0
                ? OptionalInt.of(n.get().intValueExact()) : OptionalInt.empty();
    }

    /** [label] [comparator] value [unit] [suffix comparator]; a label needs a comparator after it. */
    private static Optional<Measure> quantity(String raw, String s, Vocabulary v) {
        for (int at = 0; at < s.length(); at++) {
            Optional<String> cmp = v.longestAt(v.comparators, s, at);
            if (at > 0 && cmp.isEmpty()) {
                continue;
            }
            String label = s.substring(0, at);
            if (at > 0 && !label.codePoints().anyMatch(Character::isLetter)) {
                continue;
            }
            String rest = s.substring(at + cmp.map(String::length).orElse(0));
            Optional<Reading> r = value(rest, v);
            if (r.isEmpty()) {
                continue;
            }
            Optional<Comparator> before = cmp.map(v.comparators::get);
            Optional<Comparator> after = r.get().suffix();
            if (before.isPresent() && after.isPresent() && before.get() != after.get()) {
                return Optional.empty();
            }
            Reading reading = r.get();
            return Optional.of(new Measure(raw, reading.kind(), before.or(() -> after), Optional.of(reading.value()),
                    reading.unit(), label, Optional.empty(), Optional.empty()));
        }
        return Optional.empty();
    }

    /** A number with its unit and suffix comparator, the whole of {@code text}, or empty. */
    private static Optional<Reading> value(String text, Vocabulary v) {
        String s = text;
        Optional<Comparator> suffix = Optional.empty();
        Optional<String> sw = v.longestSuffix(v.suffixComparators, s);
        if (sw.isPresent()) {
            suffix = Optional.of(v.suffixComparators.get(sw.get()));
            s = s.substring(0, s.length() - sw.get().length());
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> fraction = v.longestPrefix(v.fractionPrefixes, s);
        if (fraction.isPresent()) {
            // 百分之九十: the whole rest is the number, the prefix is the unit.
            String digits = s.substring(fraction.get().length());
            Optional<BigDecimal> n = ARABIC.matcher(digits).matches()
                    ? Optional.of(new BigDecimal(digits.replace(",", ""))) : ChineseNumeral.parse(digits, v);
            String unit = v.fractionPrefixes.get(fraction.get());
            Optional<Comparator> after = suffix;
            return n.map(value -> new Reading(value, unit, kindOf(unit), after));
        }
        Matcher arabic = ARABIC.matcher(s);
        BigDecimal value;
        String unit;
        if (arabic.find()) {
            value = new BigDecimal(arabic.group().replace(",", ""));
            unit = s.substring(arabic.end());
            Optional<String> magnitude = v.longestPrefix(v.magnitudes, unit);
            if (magnitude.isPresent() && !v.money.containsKey(unit)) {
                value = value.movePointRight(v.magnitudes.get(magnitude.get()));
                unit = unit.substring(magnitude.get().length());
            }
            if (!unit.isEmpty() && !v.units.containsKey(unit) && !v.percentUnits.contains(unit)
                    && !v.money.containsKey(unit) && !FREE_UNIT.matcher(unit).matches()) {
                return Optional.empty();
            }
        } else {
            int end = ChineseNumeral.runEnd(s, v);
            if (end == 0) {
                return Optional.empty();
            }
            String numeral = s.substring(0, end);
            unit = s.substring(end);
            if (!unit.isEmpty() && !v.units.containsKey(unit) && !v.percentUnits.contains(unit)
                    && !v.money.containsKey(unit)) {
                return Optional.empty();
            }
            // 三万元 reads as 3 万元, like 3万元: before 元 the magnitude belongs to the money unit.
            String last = numeral.substring(numeral.length() - 1);
            if (numeral.length() > 1 && v.magnitudes.containsKey(last) && v.money.containsKey(last + unit)) {
                numeral = numeral.substring(0, numeral.length() - 1);
                unit = last + unit;
            }
            Optional<BigDecimal> n = ChineseNumeral.parse(numeral, v);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            value = n.get();
        }
        if (v.percentUnits.contains(unit)) {
            unit = "%";
        }
        return Optional.of(new Reading(value, unit, kindOf(unit), suffix));
    }

    private static Measure.Kind kindOf(String unit) {
        return unit.isEmpty() ? Measure.Kind.NUMBER : unit.equals("%") ? Measure.Kind.PERCENT : Measure.Kind.QUANTITY;
    }

    private record Reading(BigDecimal value, String unit, Measure.Kind kind, Optional<Comparator> suffix) {}

    private record DateRule(Pattern pattern, String meaning) {
        Optional<String> group(Matcher m, String name) {
            if (!pattern.pattern().contains("(?<" + name + ">")) {
                return Optional.empty();
            }
            return Optional.ofNullable(m.group(name));
        }
    }

    /**
     * Chinese numerals by hand (LIBRARIES.md: ICU's RBNF stops at units, misreads 二零二一 and cannot
     * read 百分之): digits 〇零一二两…九 and financial 壹贰…玖, places 十百千 (拾佰仟) and 万 亿, the
     * decimal point 点. {@code 十二} = 12, {@code 一万七千零四十九} = 17049, {@code 二零二一} = 2021
     * (digit by digit when no place is written), {@code 三点五} = 3.5.
     */
    static final class ChineseNumeral {
        private ChineseNumeral() {
        }

        /** The length of the run of numeral characters at the start of {@code s}. */
        static int runEnd(String s, Vocabulary v) {
            int i = 0;
            while (i < s.length()) {
                String c = s.substring(i, i + 1);
                if (!v.digits.containsKey(c) && !v.places.containsKey(c) && !v.decimalPoints.contains(c)) {
                    break;
                }
                i++;
            }
            return i;
        }

        static Optional<BigDecimal> parse(String s, Vocabulary v) {
            if (s.isEmpty() || runEnd(s, v) != s.length()) {
                return Optional.empty();
            }
            String point = v.decimalPoints.stream().filter(s::contains).findFirst().orElse(null);
            String whole = point == null ? s : s.substring(0, s.indexOf(point));
            String fraction = point == null ? "" : s.substring(s.indexOf(point) + point.length());
            Optional<BigDecimal> w = integerPart(whole, v);
            if (w.isEmpty()) {
                return Optional.empty();
            }
            if (point == null) {
                return w;
            }
            Optional<String> f = digitByDigit(fraction, v);
            return f.isEmpty() || f.get().isEmpty() ? Optional.empty()
                    : Optional.of(new BigDecimal(w.get().toPlainString() + "." + f.get()));
        }

        private static Optional<BigDecimal> integerPart(String s, Vocabulary v) {
            if (s.isEmpty()) {
                return Optional.empty();
            }
            boolean hasPlace = s.chars().anyMatch(c -> v.places.containsKey(String.valueOf((char) c)));
            if (!hasPlace) {
                return digitByDigit(s, v).map(BigDecimal::new);
            }
            return grouped(s, v).map(BigDecimal::valueOf);
        }

        private static Optional<String> digitByDigit(String s, Vocabulary v) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                Integer d = v.digits.get(s.substring(i, i + 1));
                if (d == null) {
                    return Optional.empty();
                }
                out.append(d);
            }
            return Optional.of(out.toString());
        }

        /** Split at the largest place of 10000 or more (亿, then 万): left × place + right. */
        private static Optional<Long> grouped(String s, Vocabulary v) {
            long biggest = 0;
            int at = -1;
            for (int i = 0; i < s.length(); i++) {
                Long place = v.places.get(s.substring(i, i + 1));
                if (place != null && place >= 10_000 && place > biggest) {
                    biggest = place;
                    at = i;
                }
            }
            if (at < 0) {
                return section(s, v);
            }
            if (at == 0) {
                return Optional.empty();
            }
            Optional<Long> left = grouped(s.substring(0, at), v);
            String rightText = s.substring(at + 1);
            Optional<Long> right = rightText.isEmpty() ? Optional.of(0L) : grouped(rightText, v);
            if (left.isEmpty() || right.isEmpty() || right.get() >= biggest) {
                return Optional.empty();
            }
            return Optional.of(left.get() * biggest + right.get());
        }

        /** Below 10000: digits each followed by 千, 百 or 十; a leading 十 means 10; 零 only fills gaps. */
        private static Optional<Long> section(String s, Vocabulary v) {
            long total = 0;
            Integer pending = null;
            long lastPlace = Long.MAX_VALUE;
            for (int i = 0; i < s.length(); i++) {
                String c = s.substring(i, i + 1);
                Integer d = v.digits.get(c);
                if (d != null) {
                    if (pending != null && pending != 0 && d != 0) {
                        return Optional.empty();
                    }
                    pending = d;
                    continue;
                }
                long place = v.places.get(c);
                if (place >= lastPlace) {
                    return Optional.empty();
                }
                if (pending == null) {
                    if (i != 0 || place != 10) {
                        return Optional.empty();
                    }
                    pending = 1;
                }
                if (pending == 0) {
                    return Optional.empty();
                }
                total += pending * place;
                lastPlace = place;
                pending = null;
            }
            if (pending != null) {
                total += pending;
            }
            return Optional.of(total);
        }
    }

    /** The contents of {@code measure-words.tsv}. */
    static final class Vocabulary {
        static final String RESOURCE = "measure-words.tsv";

        final List<String> placeholders = new ArrayList<>();
        final Map<String, Comparator> comparators = new HashMap<>();
        final Map<String, Comparator> suffixComparators = new HashMap<>();
        final Map<String, Integer> tiers = new HashMap<>();
        final Map<String, Integer> tierPrefixes = new HashMap<>();
        final Map<String, Integer> negations = new HashMap<>();
        final Map<String, String> relative = new HashMap<>();
        final Map<String, String> directions = new HashMap<>();
        final List<String> formulaOperators = new ArrayList<>();
        final Map<String, Integer> digits = new HashMap<>();
        final Map<String, Long> places = new HashMap<>();
        final List<String> decimalPoints = new ArrayList<>();
        final Map<String, String> fractionPrefixes = new HashMap<>();
        final Map<String, Integer> magnitudes = new HashMap<>();
        final Map<String, Integer> money = new HashMap<>();
        final List<String> percentUnits = new ArrayList<>();
        final Map<String, String> units = new HashMap<>();
        final List<DateRule> dates = new ArrayList<>();

        static Vocabulary load() {
            Vocabulary v = new Vocabulary();
            for (TsvResource.Line line : TsvResource.read(RESOURCE, "kind\tword\tmeaning")) {
                if (line.field(1).isEmpty()) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: the word is empty",
                            RESOURCE, line.number()));
                }
                try {
                    v.add(line.field(0), line.field(1), line.field(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: %s",
                            RESOURCE, line.number(), e.getMessage()), e);
                }
            }
            return v;
        }

        private void add(String kind, String word, String meaning) {
            switch (kind) {
                case "placeholder" -> placeholders.add(word);
                case "comparator" -> comparators.put(word, Comparator.valueOf(meaning));
                case "comparator_suffix" -> suffixComparators.put(word, Comparator.valueOf(meaning));
                case "quality" -> tiers.put(word, Integer.valueOf(meaning));
                case "quality_prefix" -> tierPrefixes.put(word, Integer.valueOf(meaning));
                case "negation" -> negations.put(word, Integer.valueOf(meaning));
                case "relative" -> relative.put(word, meaning);
                case "relative_direction" -> directions.put(word, meaning);
                case "formula_operator" -> formulaOperators.add(word);
                case "digit" -> digits.put(word, Integer.valueOf(meaning));
                case "place" -> places.put(word, Long.valueOf(meaning));
                case "decimal_point" -> decimalPoints.add(word);
                case "fraction_prefix" -> fractionPrefixes.put(word, meaning);
                case "magnitude" -> magnitudes.put(word, Integer.valueOf(meaning));
                case "money" -> money.put(word, Integer.valueOf(meaning));
                case "percent" -> percentUnits.add(word);
                case "unit" -> units.put(word, meaning);
                case "date" -> dates.add(new DateRule(Pattern.compile(word), meaning));
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
            }
        }

        <T> Optional<String> longestPrefix(Map<String, T> words, String s) {
            return longestAt(words, s, 0);
        }

        /** The longest word of {@code words} that occurs in {@code s} at {@code at}. */
        <T> Optional<String> longestAt(Map<String, T> words, String s, int at) {
            String best = null;
            for (String w : words.keySet()) {
                if (s.startsWith(w, at) && (best == null || w.length() > best.length())) {
                    best = w;
                }
            }
            return Optional.ofNullable(best);
        }

        <T> Optional<String> longestSuffix(Map<String, T> words, String s) {
            String best = null;
            for (String w : words.keySet()) {
                if (s.endsWith(w) && (best == null || w.length() > best.length())) {
                    best = w;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /**
     * Most numeric cells are plain ASCII numbers ({@code 17049.23}, {@code 0.5}); reading them
     * directly spares the whole value grammar, which the extractor would otherwise run on every
     * cell it classifies. Anything else (thousands separators, Chinese numerals, units) takes the
     * full parse.
     */
    private static Optional<BigDecimal> plainAscii(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        int n = s.length();
        if (n == 0 || n > 24) {
            return Optional.empty();
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean digit = false;
        boolean point = false;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point && i > start && i < n - 1) {
                point = true;
            } else {
                return Optional.empty();
            }
        }
        return digit ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }
}
