package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a reported figure agrees with a recomputed one.
 *
 * <pre>
 * reported 5.63 vs computed 5.625   -> EXACT     (5.625 rounds to 5.63)
 * reported 0.53 vs computed 0.535   -> ROUNDING  (0.54 - 0.53 = 0.01 &lt;= tolerance 0.01)
 * reported 8.95 vs computed 6.80443 -> BEYOND
 * reported 86 vs computed 86.2037  -> ROUNDING  (ofWritten: written to whole percent)
 * </pre>
 */
enum Agreement {
    /** The reported figure is the computed one, or the computed one rounded to 2 decimals. */
    EXACT,
    /** Off by no more than the tolerance after rounding: a rounding or truncation habit. */
    ROUNDING,
    /** Off by more than the tolerance. */
    BEYOND;

    static Agreement of(BigDecimal reported, BigDecimal computed, BigDecimal tolerance, RuleProfile profile) {
        if (reported.compareTo(computed) == 0 || reported.compareTo(profile.round(computed)) == 0) {
            return EXACT;
        }
        BigDecimal gap = reported.subtract(profile.round(computed)).abs();
        return gap.compareTo(tolerance) <= 0 ? ROUNDING : BEYOND;
    }

    /**
     * As {@link #of}, but a figure written with fewer than 2 decimals (a rate of 86% for 86.20%)
     * that is the computed one rounded to its own decimals agrees by rounding: the form chose its
     * precision, it did not state something else.
     */
    static Agreement ofWritten(BigDecimal reported, BigDecimal computed, BigDecimal tolerance, RuleProfile profile) {
        Agreement a = of(reported, computed, tolerance, profile);
        if (a == BEYOND && reported.scale() >= 0 && reported.scale() < 2
                && computed.setScale(reported.scale(), RoundingMode.HALF_UP).compareTo(reported) == 0) {
            return ROUNDING;
        }
        return a;
    }
}
