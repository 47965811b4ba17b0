package org.jixiao.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The six figures of a funds line, as the form reports them.
 *
 * <p>Amounts are in 万元 (converted exactly where the form writes 元; never rounded). The rate is
 * the printed percentage number (68.04 means 68.04 %). Placeholders such as {@code --} are absent.
 */
public record FundFigures(Optional<Sourced<BigDecimal>> initialBudget,
                          Optional<Sourced<BigDecimal>> fullYearBudget,
                          Optional<Sourced<BigDecimal>> executed,
                          Optional<Sourced<BigDecimal>> executionRateReported,
                          Optional<Sourced<BigDecimal>> budgetWeight,
                          Optional<Sourced<BigDecimal>> budgetScoreReported) {
    public FundFigures {
        Objects.requireNonNull(initialBudget, "initialBudget");
        Objects.requireNonNull(fullYearBudget, "fullYearBudget");
        Objects.requireNonNull(executed, "executed");
        Objects.requireNonNull(executionRateReported, "executionRateReported");
        Objects.requireNonNull(budgetWeight, "budgetWeight");
        Objects.requireNonNull(budgetScoreReported, "budgetScoreReported");
    }

    public static FundFigures none() {
        return new FundFigures(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public FundFigures withBudgetWeight(Optional<Sourced<BigDecimal>> weight) {
        return new FundFigures(initialBudget, fullYearBudget, executed, executionRateReported, weight, budgetScoreReported);
    }

    public FundFigures withBudgetScoreReported(Optional<Sourced<BigDecimal>> score) {
        return new FundFigures(initialBudget, fullYearBudget, executed, executionRateReported, budgetWeight, score);
    }
}
