package org.jixiao.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scorer's recomputation of one form and the findings it raised. Figures are unrounded;
 * writers round them to 2 decimals at output with {@link #rounding()}, the rule profile's mode
 * (HALF_UP under the national rules: 5.625 → 5.63; HALF_EVEN gives 5.62, DOWN 5.62).
 *
 * @param rounding how a writer rounds the computed figures to 2 decimals; the findings' display
 *                 strings were already rounded the same way
 */
public record Assessment(Optional<BigDecimal> executionRateComputed,
                         Optional<BigDecimal> budgetScoreComputed,
                         Optional<BigDecimal> weightSum,
                         Optional<BigDecimal> totalScoreComputed,
                         Optional<String> gradeComputed,
                         List<IndicatorAssessment> indicators,
                         List<Finding> findings,
                         RoundingMode rounding) {
    public Assessment {
        Objects.requireNonNull(executionRateComputed, "executionRateComputed");
        Objects.requireNonNull(budgetScoreComputed, "budgetScoreComputed");
        Objects.requireNonNull(weightSum, "weightSum");
        Objects.requireNonNull(totalScoreComputed, "totalScoreComputed");
        Objects.requireNonNull(gradeComputed, "gradeComputed");
        Objects.requireNonNull(rounding, "rounding");
        indicators = List.copyOf(indicators);
        findings = List.copyOf(findings);
    }


    public Optional<IndicatorAssessment> forIndicator(int index) {
        return indicators.stream().filter(a -> a.indicatorIndex() == index).findFirst();
    }
}
