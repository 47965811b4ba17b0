package org.jixiao.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The reading of one target or actual value of an indicator.
 *
 * <p>Examples: {@code 大于等于350个} is {@code QUANTITY, GE, 350, "个"}; {@code ≥98%} is
 * {@code PERCENT, GE, 98, "%"}; {@code 显著} is {@code QUALITATIVE} tier 1; {@code 2021年6月底}
 * is {@code DATE} with deadline 2021-06-30; {@code 同比下降5%} is {@code RELATIVE};
 * {@code 资产总额*5%} is {@code FORMULA}. Anything that cannot be read is {@code TEXT}, never a
 * guessed number.
 *
 * @param raw        the text the measure was read from (after text normalization)
 * @param kind       what sort of value this is
 * @param comparator the relation stated, if any
 * @param value      the number, if the text carries one; percentages are in percent (98 for 98%)
 * @param unit       the unit as written ({@code 个}, {@code 万元}, {@code 元/人次}, {@code %}); empty if none
 * @param label      text before the comparator that names the quantity ({@code 异常响应时间} in
 *                   {@code 异常响应时间≤1小时}); empty if none
 * @param tier       for qualitative values: 1 achieved, 2 partly achieved, 3 not achieved
 * @param deadline   for dates: the last day the text allows
 */
public record Measure(String raw, Kind kind, Optional<Comparator> comparator, Optional<BigDecimal> value,
                      String unit, String label, Optional<Integer> tier, Optional<LocalDate> deadline) {

    /** What sort of value a target or actual is. */
    public enum Kind {
        /** Nothing written, or a placeholder such as {@code --}. */
        EMPTY,
        /** A plain number without unit ({@code 90}). */
        NUMBER,
        /** A number with a unit other than percent ({@code 350个}, {@code 48.71万元}, {@code 700元/人次}). */
        QUANTITY,
        /** A percentage ({@code 98%}). */
        PERCENT,
        /** A deadline ({@code 2021年6月底}). */
        DATE,
        /** A word judged by tiers ({@code 显著}, {@code 良好}, {@code 按时}). */
        QUALITATIVE,
        /** A change against last year ({@code 同比下降5%}, {@code 同比提高}). */
        RELATIVE,
        /** An expression of other figures ({@code 资产总额*5%}). */
        FORMULA,
        /** Text that carries no readable value. */
        TEXT
    }

    public Measure {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(deadline, "deadline");
        if (tier.isPresent() && (tier.get() < 1 || tier.get() > 3)) {
            throw new IllegalArgumentException("tier is 1..3, got " + tier.get());
        }
    }

    /** A measure of the given kind with nothing else known. */
    public static Measure of(String raw, Kind kind) {
        return new Measure(raw, kind, Optional.empty(), Optional.empty(), "", "", Optional.empty(), Optional.empty());
    }

    public static Measure empty() {
        return of("", Kind.EMPTY);
    }

    public boolean hasNumber() {
        return value.isPresent();
    }
}
