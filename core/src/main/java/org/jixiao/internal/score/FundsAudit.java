package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.internal.normalize.Field;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundKind;
import org.jixiao.model.FundLine;
import org.jixiao.model.Funds;
import org.jixiao.model.Severity;
import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.jixiao.internal.score.IndicatorRules.plain;

/**
 * Recomputes the execution rate and the budget score of a funds block and checks its lines
 * (DOMAIN.md §2.1, §6 FUND_ROWS_SUM, EXEC_RATE, BUDGET_SCORE, BUDGET_CHANGED). A full-year budget of 0 or
 * less gives no rate; it is a finding when money was executed or a rate or budget score is reported.
 *
 * <pre>
 * executed 11601.09, full-year 17049.23, W_b 10 -> rate 68.0443…%, budget score 6.80443…
 * executed 269.78,   full-year 378.65,   W_b 10 -> rate 71.2465…%, budget score 7.12465… (7.12, not 7.13)
 * </pre>
 * The rate is executed / 全年预算数 (the full-year, adjusted budget), never the rounded printed rate.
 */
final class FundsAudit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * 16 significant digits, far beyond the 2 decimals written: a quotient of that size stays a
     * compact long inside BigDecimal, where DECIMAL128's 34 digits made every exact quotient (1284 /
     * 2400 = 0.535) strip 31 trailing zeros one BigInteger division at a time, ten times slower.
     */
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final Set<FundKind> DETAILED = EnumSet.of(FundKind.CENTRAL, FundKind.PROVINCIAL, FundKind.MUNICIPAL);

    /**
     * The budget part of an assessment.
     *
     * @param rate         executed / full-year budget in percent, unrounded; empty if the amounts are missing
     * @param score        W_b × min(rate, 1), unrounded; empty without a rate
     * @param weight       W_b: the form's 分值, else the profile's
     * @param weightIsForm true if the form wrote the budget weight
     */
    record Budget(Optional<BigDecimal> rate, Optional<BigDecimal> score, BigDecimal weight, boolean weightIsForm) {
    }

    private final RuleProfile profile;
    private final Vocabulary vocabulary;

    FundsAudit(RuleProfile profile, Vocabulary vocabulary) {
        this.profile = profile;
        this.vocabulary = vocabulary;
    }

    Budget audit(Funds funds, Findings out) {
        FundFigures s = funds.summary();
        Optional<BigDecimal> rate = amounts(funds, out);

        boolean weightIsForm = s.budgetWeight().isPresent();
        BigDecimal weight = s.budgetWeight().map(Sourced::value).orElse(profile.budgetWeight());
        if (!weightIsForm) {
            out.add(FindingCode.MISSING_FIELD, Severity.INFO, "budget_weight", "", plain(weight),
                    "the form writes no weight for budget execution; the profile's %s is used".formatted(plain(weight)),
                    Optional.empty());
        }
        Optional<BigDecimal> score = rate.map(r -> {
            BigDecimal fraction = r.divide(HUNDRED, MC);
            return weight.multiply(profile.capRate() ? fraction.min(BigDecimal.ONE) : fraction);
        });
        checkScore(s, weight, rate, score, out);
        return new Budget(rate, score, weight, weightIsForm);
    }

    /**
     * The money alone, for a form without scores: the lines' sums, the execution rate and the
     * budget change. No budget score is computed, since the form gives it no weight.
     */
    Budget auditAmounts(Funds funds, Findings out) {
        return new Budget(amounts(funds, out), Optional.empty(), BigDecimal.ZERO, false);
    }

    private Optional<BigDecimal> amounts(Funds funds, Findings out) {
        FundFigures s = funds.summary();
        checkLines(funds.lines(), out);
        checkLineRates(funds.lines(), out);
        Optional<BigDecimal> rate = rate(s, out);
        rate.ifPresent(r -> checkRate(s, r, out));
        checkChange(s, out);
        return rate;
    }

    private Optional<BigDecimal> rate(FundFigures s, Findings out) {
        if (s.fullYearBudget().isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, "funds.full_year_budget", "", "",
                    "the funds block has no full-year budget (%s), so the execution rate cannot be recomputed"
                            .formatted(vocabulary.heading(Field.FULL_YEAR_BUDGET)),
                    Optional.empty());
        }
        if (s.executed().isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, "funds.executed", "", "",
                    "the funds block has no executed amount (%s), so the execution rate cannot be recomputed"
                            .formatted(vocabulary.heading(Field.EXECUTED)),
                    Optional.empty());
        }
        if (s.fullYearBudget().isPresent() && s.fullYearBudget().get().value().signum() <= 0) {
            checkNonPositiveBudget(s, s.fullYearBudget().get(), out);
            return Optional.empty();
        }
        return executionRate(s);
    }

    /** executed / full-year budget in percent, unrounded; empty without both or with a budget of 0 or less. */
    private static Optional<BigDecimal> executionRate(FundFigures f) {
        if (f.fullYearBudget().isEmpty() || f.executed().isEmpty() || f.fullYearBudget().get().value().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(f.executed().get().value().divide(f.fullYearBudget().get().value(), MC).multiply(HUNDRED));
    }

    /**
     * A full-year budget of 0 or less leaves executed / budget undefined. §6 EXEC_RATE requires
     * executed ≤ budget: money executed against it, or a negative budget, is an error; with nothing
     * executed, a reported rate or budget score merely cannot be checked, a warning as for a missing value.
     */
    private void checkNonPositiveBudget(FundFigures s, Sourced<BigDecimal> budget, Findings out) {
        Optional<BigDecimal> executed = s.executed().map(Sourced::value).filter(e -> e.signum() != 0);
        // A project that got no money and spent none can only write 0 for its rate and score:
        // nothing there to question.
        if (executed.isEmpty() && budget.value().signum() == 0 && absentOrZero(s.executionRateReported())
                && absentOrZero(s.budgetScoreReported())) {
            return;
        }
        boolean error = budget.value().signum() < 0 || executed.isPresent();
        StringBuilder what = new StringBuilder();
        executed.ifPresent(e -> what.append("; %s was executed (%s)".formatted(plain(e),
                vocabulary.heading(Field.EXECUTED))));
        s.executionRateReported().ifPresent(r -> what.append("; the reported execution rate %s%% cannot be checked"
                .formatted(plain(r.value()))));
        s.budgetScoreReported().ifPresent(r -> what.append("; the reported budget score %s cannot be checked"
                .formatted(plain(r.value()))));
        out.add(FindingCode.FULL_YEAR_BUDGET_NOT_POSITIVE, error ? Severity.ERROR : Severity.WARNING,
                "funds.full_year_budget", plain(budget.value()), "",
                "the full-year budget (%s) is %s (%s), so there is no execution rate%s"
                        .formatted(vocabulary.heading(Field.FULL_YEAR_BUDGET), plain(budget.value()),
                                budget.source().describe(), what),
                Optional.of(budget.source()));
    }

    private static boolean absentOrZero(Optional<Sourced<BigDecimal>> figure) {
        return figure.map(f -> f.value().signum() == 0).orElse(true);
    }

    /**
     * A source line that reports its own rate ({@code 其他资金 | 1.8 | 1.8 | 0}) should state its
     * executed / full-year budget as the total line does. It enters no score, so a rate beyond
     * rounding is a warning and a rounding habit is left alone.
     */
    private void checkLineRates(List<FundLine> lines, Findings out) {
        for (FundLine line : lines) {
            FundFigures f = line.figures();
            Optional<BigDecimal> computed = executionRate(f);
            if (line.kind() == FundKind.TOTAL || f.executionRateReported().isEmpty() || computed.isEmpty()) {
                continue;
            }
            Sourced<BigDecimal> reported = f.executionRateReported().get();
            BigDecimal rate = computed.get();
            if (Agreement.ofWritten(reported.value(), rate, profile.tolerance(), profile) == Agreement.BEYOND) {
                out.add(FindingCode.EXECUTION_RATE_MISMATCH, Severity.WARNING,
                        "funds[" + line.label() + "].execution_rate", plain(reported.value()), profile.display(rate),
                        "execution rate of the line '%s': the form reports %s%% but executed / full-year budget = %s / %s = %s%%"
                                .formatted(line.label(), plain(reported.value()), plain(f.executed().get().value()),
                                        plain(f.fullYearBudget().get().value()), profile.display(rate)),
                        Optional.of(reported.source()));
            }
        }
    }

    private void checkRate(FundFigures s, BigDecimal rate, Findings out) {
        // Concatenation, not formatted(): this runs for every form with a rate, finding or not.
        String working = plain(s.executed().orElseThrow().value()) + " / "
                + plain(s.fullYearBudget().orElseThrow().value());
        s.executionRateReported().ifPresent(reported -> {
            Agreement agreement = Agreement.ofWritten(reported.value(), rate, profile.tolerance(), profile);
            if (agreement != Agreement.EXACT) {
                out.add(FindingCode.EXECUTION_RATE_MISMATCH,
                        agreement == Agreement.ROUNDING ? Severity.WARNING : Severity.ERROR, "execution_rate",
                        plain(reported.value()), profile.display(rate),
                        "execution rate: the form reports %s%% but executed / full-year budget = %s = %s%%%s"
                                .formatted(plain(reported.value()), working, profile.display(rate),
                                        agreement == Agreement.ROUNDING ? " (rounding-level)" : ""),
                        Optional.of(reported.source()));
            }
        });
        if (rate.compareTo(HUNDRED) > 0) {
            out.add(FindingCode.RATE_OVER_100, Severity.INFO, "execution_rate",
                    s.executionRateReported().map(r -> plain(r.value())).orElse(""), profile.display(rate),
                    "more was executed than budgeted: %s = %s%%; the budget score is %s"
                            .formatted(working, profile.display(rate),
                                    profile.capRate() ? "capped at its weight" : "not capped (profile cap.rate=false)"),
                    Findings.sourceOf(s.executed()));
        }
    }

    private void checkChange(FundFigures s, Findings out) {
        if (s.initialBudget().isEmpty() || s.fullYearBudget().isEmpty()) {
            return;
        }
        BigDecimal initial = s.initialBudget().get().value();
        BigDecimal full = s.fullYearBudget().get().value();
        if (initial.compareTo(full) == 0) {
            return;
        }
        String againstInitial = s.executed().isPresent() && initial.signum() > 0
                ? "; executed against the initial budget would be %s%%".formatted(profile.display(
                s.executed().get().value().divide(initial, MC).multiply(HUNDRED)))
                : "";
        out.add(FindingCode.BUDGET_CHANGED, Severity.INFO, "funds.full_year_budget", plain(initial), plain(full),
                "the budget changed during the year from %s (%s) to %s (%s), by %s; the rate uses the full-year budget%s"
                        .formatted(plain(initial), vocabulary.heading(Field.INITIAL_BUDGET), plain(full),
                                vocabulary.heading(Field.FULL_YEAR_BUDGET), plain(full.subtract(initial)), againstInitial),
                Findings.sourceOf(s.fullYearBudget()));
    }

    private void checkScore(FundFigures s, BigDecimal weight, Optional<BigDecimal> rate, Optional<BigDecimal> score,
                            Findings out) {
        if (s.budgetScoreReported().isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, "budget_score", "",
                    score.map(profile::display).orElse(""),
                    "the form reports no budget-execution score (%s)".formatted(vocabulary.heading(Field.SCORE)),
                    Optional.empty());
            return;
        }
        Sourced<BigDecimal> reported = s.budgetScoreReported().get();
        if (reported.value().compareTo(weight.add(profile.tolerance())) > 0) {
            out.add(FindingCode.SCORE_EXCEEDS_WEIGHT, Severity.ERROR, "budget_score", plain(reported.value()),
                    plain(weight), "the budget-execution score %s is above its weight %s"
                            .formatted(plain(reported.value()), plain(weight)),
                    Optional.of(reported.source()));
        }
        if (reported.value().signum() < 0) {
            out.add(FindingCode.SCORE_NEGATIVE, Severity.ERROR, "budget_score", plain(reported.value()), "0",
                    "the budget-execution score %s is negative".formatted(plain(reported.value())),
                    Optional.of(reported.source()));
        }
        if (score.isEmpty()) {
            return;
        }
        Agreement agreement = Agreement.ofWritten(reported.value(), score.get(), profile.tolerance(), profile);
        if (agreement == Agreement.EXACT) {
            return;
        }
        BigDecimal r = rate.orElseThrow();
        String implied = weight.signum() > 0
                ? "; %s would need a rate of %s%%".formatted(plain(reported.value()),
                profile.display(reported.value().divide(weight, MC).multiply(HUNDRED)))
                : "";
        out.add(FindingCode.BUDGET_SCORE_MISMATCH, agreement == Agreement.ROUNDING ? Severity.WARNING : Severity.ERROR,
                "budget_score", plain(reported.value()), profile.display(score.get()),
                "budget-execution score: the form reports %s but weight × min(rate, 1) = %s × min(%s%%, 100%%) = %s (rate = %s / %s, unrounded)%s%s"
                        .formatted(plain(reported.value()), plain(weight), profile.display(r),
                                profile.display(score.get()), plain(s.executed().orElseThrow().value()),
                                plain(s.fullYearBudget().orElseThrow().value()), implied,
                                agreement == Agreement.ROUNDING ? " (rounding-level)" : ""),
                Optional.of(reported.source()));
    }

    /** Per amount column: the source lines must add up to the 年度资金总额 line. */
    private void checkLines(List<FundLine> lines, Findings out) {
        Optional<FundLine> total = lines.stream().filter(l -> l.kind() == FundKind.TOTAL).findFirst();
        if (total.isEmpty()) {
            return;
        }
        // Either the central/provincial/municipal split or the fiscal subtotal, never both
        // (the fiscal line would count the same money twice).
        boolean detailed = lines.stream().anyMatch(l -> DETAILED.contains(l.kind()));
        List<FundLine> parts = lines.stream()
                .filter(l -> l.kind().isPart())
                .filter(l -> detailed ? l.kind() != FundKind.FISCAL : !DETAILED.contains(l.kind()))
                .toList();
        checkParts(total.get(), parts, out);
        // A department's form splits the same total a second time, by kind of spending.
        checkParts(total.get(), lines.stream().filter(l -> l.kind().isBySpending()).toList(), out);
    }

    private void checkParts(FundLine total, List<FundLine> parts, Findings out) {
        if (parts.isEmpty()) {
            return;
        }
        checkColumn(total, parts, "initial_budget", FundFigures::initialBudget, out);
        checkColumn(total, parts, "full_year_budget", FundFigures::fullYearBudget, out);
        checkColumn(total, parts, "executed", FundFigures::executed, out);
    }

    private void checkColumn(FundLine total, List<FundLine> parts, String column,
                             Function<FundFigures, Optional<Sourced<BigDecimal>>> get, Findings out) {
        List<BigDecimal> values = parts.stream().map(l -> get.apply(l.figures()))
                .flatMap(Optional::stream).map(Sourced::value).toList();
        if (values.isEmpty()) {
            return;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String labels = String.join(" + ", parts.stream().map(l -> "'" + l.label() + "'").toList());
        Optional<Sourced<BigDecimal>> written = get.apply(total.figures());
        if (written.isEmpty()) {
            if (sum.signum() != 0) {
                out.add(FindingCode.FUNDS_SUM_MISMATCH, Severity.ERROR, "funds." + column, "", plain(sum),
                        "funds %s: the total line '%s' is blank while its source lines %s add up to %s"
                                .formatted(column, total.label(), labels, plain(sum)),
                        Optional.of(total.source()));
            }
            return;
        }
        BigDecimal reported = written.get().value();
        if (reported.subtract(sum).abs().compareTo(profile.sumTolerance(values.size() + 1)) > 0) {
            out.add(FindingCode.FUNDS_SUM_MISMATCH, Severity.ERROR, "funds." + column, plain(reported), plain(sum),
                    "funds %s: the total line '%s' says %s but its source lines %s add up to %s"
                            .formatted(column, total.label(), plain(reported), labels, plain(sum)),
                    Optional.of(written.get().source()));
        }
    }
}
