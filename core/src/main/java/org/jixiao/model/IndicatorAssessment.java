package org.jixiao.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scorer made of one indicator.
 *
 * @param indicatorIndex the {@link Indicator#index()} it belongs to
 * @param scoreComputed  the recomputed score, unrounded; empty when no rule applies
 * @param rule           the rule id applied ({@code positive}, {@code reverse}, {@code completion},
 *                       {@code qualitative}, …) or {@code unscorable: <reason>}
 * @param completionRate the completion percentage used (100 means fully achieved), if any
 */
public record IndicatorAssessment(int indicatorIndex, Optional<BigDecimal> scoreComputed, String rule,
                                  Optional<BigDecimal> completionRate) {
    public IndicatorAssessment {
        Objects.requireNonNull(scoreComputed, "scoreComputed");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(completionRate, "completionRate");
    }
}
