package org.jixiao.write;

import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How values become CSV cells: reported figures as written, computed figures rounded HALF_UP to
 * 2 decimals, absent values as empty cells, text guarded against spreadsheet formula injection.
 */
final class Cells {

    private Cells() {
    }

    /** A reported number exactly as the form wrote it ({@code 7.3} stays {@code 7.3}). */
    static String reported(Optional<Sourced<BigDecimal>> value) {
        return value.map(v -> v.value().toPlainString()).orElse("");
    }

    /** A computed number, rounded HALF_UP to 2 decimals ({@code 5.625} becomes {@code 5.63}). */
    static String computed(Optional<BigDecimal> value) {
        return value.map(v -> v.setScale(2, RoundingMode.HALF_UP).toPlainString()).orElse("");
    }

    static String plain(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    static String text(Optional<Sourced<String>> value) {
        return value.map(v -> safeText(v.value())).orElse("");
    }

    /**
     * Text that a spreadsheet would run as a formula ({@code = + - @}, or a leading tab or CR) gets
     * a leading apostrophe, which Excel and LibreOffice show as a text marker (OWASP's advice for
     * CSV injection). Numbers are never passed through here, so they stay numbers.
     */
    static String safeText(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }
}
