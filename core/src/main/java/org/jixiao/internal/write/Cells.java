package org.jixiao.internal.write;

import org.jixiao.model.Assessment;
import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How values become CSV cells: reported figures as written, computed figures rounded to 2 decimals
 * with the rule profile's rounding (HALF_UP by default, DOMAIN.md §2.9), absent values as empty
 * cells, text guarded against spreadsheet formula injection.
 *
 * <p>Public for {@link #computed(BigDecimal, RoundingMode)} only, so that every report shows a
 * computed figure exactly as the CSV files do.
 */
public final class Cells {

    /** Decimals of every computed score and rate at output: the same as {@link Assessment#rounded}. */
    private static final int SCALE = Assessment.SCALE;

    private Cells() {
    }

    /** A reported number exactly as the form wrote it ({@code 7.3} stays {@code 7.3}). */
    static String reported(Optional<Sourced<BigDecimal>> value) {
        return value.map(v -> v.value().toPlainString()).orElse("");
    }

    /**
     * A computed number rounded to 2 decimals with {@code rounding}, in plain notation:
     * <pre>
     * 5.625, HALF_UP   -> 5.63
     * 5.625, HALF_EVEN -> 5.62
     * 5.635, HALF_EVEN -> 5.64
     * 5.635, DOWN      -> 5.63
     * 7,     HALF_UP   -> 7.00
     * </pre>
     */
    public static String computed(BigDecimal value, RoundingMode rounding) {
        return value.setScale(SCALE, rounding).toPlainString();
    }

    /** {@link #computed(BigDecimal, RoundingMode)}, or an empty cell when the figure was not computed. */
    static String computed(Optional<BigDecimal> value, RoundingMode rounding) {
        return value.map(v -> computed(v, rounding)).orElse("");
    }

    static String plain(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    static String text(Optional<Sourced<String>> value) {
        return value.map(v -> safeText(v.value())).orElse("");
    }

    /**
     * A value written as a sign, a number and at most a unit or percent: {@code -1.5}, {@code =100%},
     * {@code +5%}, {@code =2500册}, {@code =700元/人次}. Such text is data, not a formula a spreadsheet
     * could run (no function, operator or reference after the number), so it is written as read.
     */
    private static final Pattern SIGNED_VALUE =
            Pattern.compile("[-+=]\\s*\\d+(?:\\.\\d+)?\\s*(?:[%\u2030]|\\p{IsHan}+(?:/\\p{IsHan}+)?)?");

    /**
     * Text that a spreadsheet would run as a formula ({@code = + - @}, or a leading tab or CR) gets
     * a leading apostrophe, which Excel and LibreOffice show as a text marker (OWASP's advice for
     * CSV injection). A comparison value or signed number ({@link #SIGNED_VALUE}) and a lone
     * {@code -} are data and stay as written:
     * <pre>
     * =HYPERLINK("x") -> '=HYPERLINK("x")
     * =1+1            -> '=1+1
     * -2+3+cmd|' /C'  -> '-2+3+cmd|' /C'
     * =86%            -> =86%
     * -1.5            -> -1.5
     * -               -> -
     * </pre>
     */
    static String safeText(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        if (c == '=' || c == '+' || c == '-') {
            if (s.length() == 1 && c == '-' || SIGNED_VALUE.matcher(s).matches()) {
                return s;
            }
            return "'" + s;
        }
        return s;
    }
}
