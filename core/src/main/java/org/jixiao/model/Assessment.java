package org.jixiao.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scorer's recomputation of one form and the findings it raised. The components are the raw,
 * unrounded figures; the {@code *Rounded()} methods give them as the CSV files show them, rounded to
 * 2 decimals with {@link #rounding()}, the rule profile's mode
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


    /** Decimals of every computed figure as it is written and shown. */
    public static final int SCALE = 2;

    /**
     * {@code raw} rounded as the outputs show it: {@value #SCALE} decimals with {@link #rounding()}
     * ({@code 79.9294656562202520} → {@code 79.93} under HALF_UP).
     */
    public BigDecimal rounded(BigDecimal raw) {
        return raw.setScale(SCALE, rounding);
    }

    /** {@link #executionRateComputed()} rounded as the CSV shows it; the raw value stays in the component. */
    public Optional<BigDecimal> executionRateRounded() {
        return executionRateComputed.map(this::rounded);
    }

    /** {@link #budgetScoreComputed()} rounded as the CSV shows it. */
    public Optional<BigDecimal> budgetScoreRounded() {
        return budgetScoreComputed.map(this::rounded);
    }

    /** {@link #weightSum()} rounded as the CSV shows it. */
    public Optional<BigDecimal> weightSumRounded() {
        return weightSum.map(this::rounded);
    }

    /** {@link #totalScoreComputed()} rounded as the CSV shows it. */
    public Optional<BigDecimal> totalScoreRounded() {
        return totalScoreComputed.map(this::rounded);
    }

    /** The recomputed score of indicator {@code index}, rounded as the CSV shows it. */
    public Optional<BigDecimal> indicatorScoreRounded(int index) {
        return forIndicator(index).flatMap(IndicatorAssessment::scoreComputed).map(this::rounded);
    }

    public Optional<IndicatorAssessment> forIndicator(int index) {
        // A loop, not a stream: asked once per indicator when rows are written.
        for (IndicatorAssessment a : indicators) {
            if (a.indicatorIndex() == index) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
