package org.jixiao.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scorer's recomputation of one form and the findings it raised. Figures are unrounded;
 * writers round them HALF_UP to 2 decimals at output.
 */
public record Assessment(Optional<BigDecimal> executionRateComputed,
                         Optional<BigDecimal> budgetScoreComputed,
                         Optional<BigDecimal> weightSum,
                         Optional<BigDecimal> totalScoreComputed,
                         Optional<String> gradeComputed,
                         List<IndicatorAssessment> indicators,
                         List<Finding> findings) {
    public Assessment {
        Objects.requireNonNull(executionRateComputed, "executionRateComputed");
        Objects.requireNonNull(budgetScoreComputed, "budgetScoreComputed");
        Objects.requireNonNull(weightSum, "weightSum");
        Objects.requireNonNull(totalScoreComputed, "totalScoreComputed");
        Objects.requireNonNull(gradeComputed, "gradeComputed");
        indicators = List.copyOf(indicators);
        findings = List.copyOf(findings);
    }

    /** No recomputation (used where scoring is switched off). */
    public static Assessment none() {
        return new Assessment(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of());
    }

    public Optional<IndicatorAssessment> forIndicator(int index) {
        return indicators.stream().filter(a -> a.indicatorIndex() == index).findFirst();
    }
}
