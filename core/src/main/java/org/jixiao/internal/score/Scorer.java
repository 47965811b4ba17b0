package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.model.Assessment;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Indicator;
import org.jixiao.model.IndicatorAssessment;
import org.jixiao.model.NarrativeFigure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Severity;
import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.jixiao.internal.score.IndicatorRules.plain;

/**
 * Recomputes every figure of a form under a {@link RuleProfile} and reports where the form
 * disagrees with itself or with the rules.
 *
 * <p>Input: a {@link ProjectRecord} as read. Output: an {@link Assessment} whose figures are
 * unrounded (writers round them to 2 decimals with the profile's rounding, which the assessment
 * carries) and whose findings carry stable codes
 * ({@link FindingCode#id()}), display strings rounded by the profile and a source where known.
 *
 * <p>Two totals are checked and kept apart:
 * <ul>
 * <li>{@code total_mismatch} is the form's own arithmetic: the reported total against the reported
 *     budget score plus the reported indicator scores (004-B: 93.18 reported, parts add to 92.18).</li>
 * <li>{@code total_recomputed_mismatch} is the consequence of recomputing: the reported total
 *     against {@code total_score_computed} = recomputed budget score + Σ recomputed indicator scores,
 *     where an indicator no rule can score counts with its reported score (000: 82.08 vs 79.93,
 *     because the budget score is 6.80, not 8.95).</li>
 * </ul>
 * Grades: the reported label against the grade of the reported total is {@code grade_mismatch} on
 * {@code grade}; the grade of the recomputed total (rounded to 2 decimals) against the form's grade
 * (written, or implied by its total where none is written) is {@code grade_mismatch} on
 * {@code grade_computed}, a boundary crossing (000: 良 → 中; 002: 良好 → 优).
 *
 * <p>Severities: {@code error} where a figure is off by more than the tolerance, {@code warning}
 * where it is off by rounding only or a value is missing, {@code info} for what is allowed but worth
 * knowing (changed budget, non-default weights, prose that truncates a rate).
 *
 * <p>Thread-safe and stateless between calls: one instance can serve every worker.
 */
public final class Scorer {

    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

    private final RuleProfile profile;
    private final HeadingDictionary dictionary;
    private final Vocabulary vocabulary;
    private final IndicatorRules rules;
    private final FundsAudit funds;

    public Scorer(RuleProfile profile, HeadingDictionary dictionary) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.vocabulary = Vocabulary.load(dictionary);
        this.rules = new IndicatorRules(profile, dictionary, vocabulary);
        this.funds = new FundsAudit(profile, vocabulary);
    }

    /** Recomputes {@code record}; never throws for inconsistent or incomplete forms. */
    public Assessment assess(ProjectRecord record) {
        Objects.requireNonNull(record, "record");
        Findings out = new Findings();
        checkFields(record, out);
        if (!record.layout().hasScores()) {
            FundsAudit.Budget budget = funds.auditAmounts(record.funds(), out);
            // A 绩效目标 table has no weights or scores: nothing to recompute from; the
            // extractor's scores_absent finding says so.
            List<Finding> findings = new ArrayList<>(record.readingFindings());
            findings.addAll(out.list());
            return new Assessment(budget.rate(), budget.score(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(), findings, profile.rounding());
        }
        FundsAudit.Budget budget = funds.audit(record.funds(), out);

        List<IndicatorAssessment> assessed = new ArrayList<>();
        List<IndicatorRules.Outcome> outcomes = new ArrayList<>();
        // The list is taken once: the checks below walk it, and the total's loop indexes it.
        List<Indicator> scored = scored(record);
        boolean weightColumn = hasWeightColumn(scored);
        for (Indicator indicator : scored) {
            IndicatorRules.Outcome outcome = rules.assess(indicator, weightColumn, out);
            checkScore(indicator, outcome, out);
            outcomes.add(outcome);
            assessed.add(new IndicatorAssessment(indicator.index(), outcome.score(), outcome.rule(),
                    outcome.completion()));
        }
        BigDecimal weightSum = checkWeights(record, scored, budget, out);
        Optional<BigDecimal> reportedParts = checkFormArithmetic(record, scored, out);
        Optional<BigDecimal> total = recomputeTotal(record, scored, budget, outcomes, reportedParts, out);
        Optional<Grade> grade = total.map(t -> Grade.of(profile.round(t), profile));
        checkGrades(record, total, grade, out);
        checkNarrative(record, budget, out);
        List<Finding> findings = new ArrayList<>(record.readingFindings());
        findings.addAll(out.list());
        return new Assessment(budget.rate(), budget.score(), Optional.of(weightSum), total,
                grade.map(vocabulary::label), assessed, findings, profile.rounding());
    }

    /**
     * False when the form's indicators state scores but no weight at all: a template that gives
     * its blocks a weight (年度绩效目标 (80分)) and each row only a 得分.
     */
    private static boolean hasWeightColumn(List<Indicator> scored) {
        return scored.stream().anyMatch(i -> i.weight().isPresent())
                || scored.stream().noneMatch(i -> i.scoreReported().isPresent());
    }

    /** The indicators that are scored and summed: 其中 sub-rows detail their parent and are neither. */
    private static List<Indicator> scored(ProjectRecord record) {
        return record.indicators().stream().filter(i -> !i.isSubRow()).toList();
    }

    private void checkFields(ProjectRecord record, Findings out) {
        if (record.projectName().filter(n -> !n.value().isBlank()).isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, "project_name", "", "",
                    "the form has no project name (%s)".formatted(vocabulary.heading(Field.PROJECT_NAME)),
                    Optional.empty());
        }
        if (record.indicators().isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.ERROR, "indicators", "", "",
                    "no indicator rows were read; only the budget part can be checked", Optional.empty());
        }
        if (record.totalScoreReported().isEmpty() && record.layout().hasScores()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, "total_score", "", "",
                    "the form states no total score (%s), so only the recomputed total is given"
                            .formatted(vocabulary.heading(Field.TOTAL_SCORE)),
                    Optional.empty());
        }
        if (record.goals().expected().filter(g -> !g.value().isBlank()).isEmpty()) {
            out.add(FindingCode.GOAL_TEXT_MISSING, Severity.WARNING, "goals.expected", "", "",
                    "the annual goal (%s) has no expected-goal text (%s)".formatted(
                            vocabulary.heading(Field.ANNUAL_GOAL), vocabulary.heading(Field.GOAL_EXPECTED)),
                    Findings.sourceOf(record.goals().expected()));
        }
        if (record.goals().achieved().filter(g -> !g.value().isBlank()).isEmpty()) {
            out.add(FindingCode.GOAL_TEXT_MISSING, Severity.WARNING, "goals.achieved", "", "",
                    "the annual goal (%s) has no text on what was achieved (%s)".formatted(
                            vocabulary.heading(Field.ANNUAL_GOAL), vocabulary.heading(Field.GOAL_ACTUAL)),
                    Findings.sourceOf(record.goals().achieved()));
        }
    }

    /** The reported score against its weight and against the rule's score. */
    private void checkScore(Indicator indicator, IndicatorRules.Outcome outcome, Findings out) {
        String at = IndicatorRules.field(indicator) + ".score";
        // Concatenation, not formatted(): this runs for every indicator, finding or not.
        String name = "indicator " + indicator.index() + " '" + indicator.level3() + "'";
        if (indicator.scoreReported().isEmpty()) {
            out.add(FindingCode.MISSING_FIELD, Severity.WARNING, at, "", outcome.score().map(profile::display).orElse(""),
                    "%s has no reported score (%s)".formatted(name, vocabulary.heading(Field.SCORE)),
                    Optional.of(indicator.source()));
            return;
        }
        Sourced<BigDecimal> reported = indicator.scoreReported().get();
        BigDecimal r = reported.value();
        Optional<BigDecimal> weight = indicator.weight().map(Sourced::value);
        if (weight.isPresent() && r.compareTo(weight.get().add(profile.tolerance())) > 0) {
            out.add(FindingCode.SCORE_EXCEEDS_WEIGHT, Severity.ERROR, at, plain(r), plain(weight.get()),
                    "%s scores %s, above its weight %s (a score may not exceed its weight)"
                            .formatted(name, plain(r), plain(weight.get())),
                    Optional.of(reported.source()));
        }
        if (r.signum() < 0) {
            out.add(FindingCode.SCORE_NEGATIVE, Severity.ERROR, at, plain(r), "0",
                    "%s scores %s, below zero".formatted(name, plain(r)), Optional.of(reported.source()));
        }
        if (outcome.score().isEmpty()) {
            return;
        }
        BigDecimal computed = outcome.score().get();
        Agreement agreement = Agreement.ofWritten(r, computed, profile.tolerance(), profile);
        if (agreement == Agreement.EXACT) {
            return;
        }
        String message = outcome.qualitative()
                ? "%s scores %s, outside the range its actual allows: %s".formatted(name, plain(r), outcome.workingText())
                : "%s scores %s but rule %s gives %s = %s%s".formatted(name, plain(r), outcome.rule(),
                outcome.workingText(), profile.display(computed),
                agreement == Agreement.ROUNDING ? " (rounding-level: the form rounds differently)" : "");
        out.add(FindingCode.INDICATOR_SCORE_MISMATCH,
                agreement == Agreement.ROUNDING ? Severity.WARNING : Severity.ERROR, at, plain(r),
                profile.display(computed), message, Optional.of(reported.source()));
    }

    /** Budget weight + Σ indicator weights must be the 总分 weight, and a form is out of 100. */
    private BigDecimal checkWeights(ProjectRecord record, List<Indicator> scored, FundsAudit.Budget budget,
                                    Findings out) {
        BigDecimal sum = budget.weight();
        if (!hasWeightColumn(scored)) {
            out.add(FindingCode.MISSING_FIELD, Severity.INFO, "indicators.weight", "", "",
                    "no indicator states a weight (%s), only a score: the weights cannot be summed and the scores are kept as reported"
                            .formatted(vocabulary.heading(Field.WEIGHT)),
                    Optional.empty());
            return sum;
        }
        Map<Field, BigDecimal> byLevel1 = new EnumMap<>(Field.class);
        for (Indicator indicator : scored) {
            if (indicator.weight().isEmpty()) {
                continue;
            }
            BigDecimal w = indicator.weight().get().value();
            sum = sum.add(w);
            dictionary.lookup(indicator.level1()).filter(Field::isLevel1Value)
                    .ifPresent(f -> byLevel1.merge(f, w, BigDecimal::add));
        }
        int rows = scored.size() + 1;
        BigDecimal tolerance = profile.sumTolerance(rows);
        Optional<Sourced<BigDecimal>> written = record.totalWeightReported();
        if (written.isPresent()) {
            BigDecimal w = written.get().value();
            if (w.subtract(sum).abs().compareTo(tolerance) > 0) {
                out.add(FindingCode.WEIGHT_SUM_MISMATCH, Severity.ERROR, "weight_sum", plain(w), plain(sum),
                        String.format(Locale.ROOT, "the weights add up to %s (budget %s + %d indicators %s) but the total row (%s, %s) says %s",
                                plain(sum), plain(budget.weight()), scored.size(),
                                        plain(sum.subtract(budget.weight())), vocabulary.heading(Field.TOTAL_SCORE),
                                        vocabulary.heading(Field.WEIGHT), plain(w)),
                        Optional.of(written.get().source()));
            } else if (w.subtract(FULL_MARKS).abs().compareTo(tolerance) > 0) {
                out.add(FindingCode.WEIGHT_SUM_MISMATCH, Severity.ERROR, "total_weight", plain(w), plain(FULL_MARKS),
                        "the form is scored out of %s, not out of 100".formatted(plain(w)),
                        Optional.of(written.get().source()));
            }
        } else if (sum.subtract(FULL_MARKS).abs().compareTo(tolerance) > 0) {
            out.add(FindingCode.WEIGHT_SUM_MISMATCH, Severity.ERROR, "weight_sum", "", plain(sum),
                    String.format(Locale.ROOT, "the weights add up to %s (budget %s + %d indicators %s), not 100",
                            plain(sum), plain(budget.weight()), scored.size(),
                                    plain(sum.subtract(budget.weight()))),
                    Optional.empty());
        }
        checkDefaultWeights(record, budget, byLevel1, out);
        return sum;
    }

    private void checkDefaultWeights(ProjectRecord record, FundsAudit.Budget budget, Map<Field, BigDecimal> byLevel1,
                                     Findings out) {
        if (budget.weightIsForm() && budget.weight().compareTo(profile.budgetWeight()) != 0) {
            out.add(FindingCode.DEFAULT_WEIGHTS_DEVIATE, Severity.INFO, "budget_weight", plain(budget.weight()),
                    plain(profile.budgetWeight()),
                    "budget execution weighs %s; profile %s expects %s"
                            .formatted(plain(budget.weight()), profile.name(), plain(profile.budgetWeight())),
                    Findings.sourceOf(record.funds().summary().budgetWeight()));
        }
        if (byLevel1.isEmpty()) {
            return;
        }
        List<Field> order = List.of(Field.LEVEL1_OUTPUT, Field.LEVEL1_BENEFIT, Field.LEVEL1_SATISFACTION);
        List<String> names = List.of("output", "benefit", "satisfaction");
        boolean deviates = false;
        List<String> reported = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            BigDecimal w = byLevel1.getOrDefault(order.get(i), BigDecimal.ZERO);
            BigDecimal e = profile.level1Weights().get(i);
            deviates |= w.compareTo(e) != 0;
            reported.add(names.get(i) + " " + plain(w));
            expected.add(names.get(i) + " " + plain(e));
        }
        if (deviates) {
            out.add(FindingCode.DEFAULT_WEIGHTS_DEVIATE, Severity.INFO, "weights.level1",
                    String.join(", ", reported), String.join(", ", expected),
                    "level-1 weights are %s; profile %s suggests %s (allowed in special cases)"
                            .formatted(String.join(", ", reported), profile.name(), String.join(", ", expected)),
                    Optional.empty());
        }
    }

    /**
     * The form's own arithmetic: reported total vs reported budget score + Σ reported indicator
     * scores. Returns that sum of reported parts when it differs from the reported total.
     */
    private Optional<BigDecimal> checkFormArithmetic(ProjectRecord record, List<Indicator> scored, Findings out) {
        Optional<Sourced<BigDecimal>> total = record.totalScoreReported();
        Optional<Sourced<BigDecimal>> budgetScore = record.funds().summary().budgetScoreReported();
        if (total.isEmpty() || budgetScore.isEmpty()
                || scored.stream().anyMatch(i -> i.scoreReported().isEmpty())) {
            return Optional.empty();
        }
        BigDecimal indicators = scored.stream().map(i -> i.scoreReported().get().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal parts = budgetScore.get().value().add(indicators);
        BigDecimal reported = total.get().value();
        BigDecimal gap = reported.subtract(parts).abs();
        if (gap.signum() == 0) {
            return Optional.empty();
        }
        boolean beyond = gap.compareTo(profile.sumTolerance(scored.size() + 1)) > 0;
        out.add(FindingCode.TOTAL_MISMATCH, beyond ? Severity.ERROR : Severity.WARNING, "total_score",
                plain(reported), profile.display(parts),
                String.format(Locale.ROOT, "the form's own sum does not hold: it reports a total of %s, but its budget score %s plus its %d indicator scores %s make %s (off by %s)",
                        plain(reported), plain(budgetScore.get().value()), scored.size(),
                                plain(indicators), profile.display(parts), profile.display(reported.subtract(parts))),
                Optional.of(total.get().source()));
        return Optional.of(parts);
    }

    /**
     * total_score_computed = recomputed budget score + Σ recomputed indicator scores; a part no rule
     * can compute counts as reported (and is named in a {@code total_uses_reported_scores} finding).
     */
    private Optional<BigDecimal> recomputeTotal(ProjectRecord record, List<Indicator> scored, FundsAudit.Budget budget,
                                                List<IndicatorRules.Outcome> outcomes,
                                                Optional<BigDecimal> reportedParts, Findings out) {
        List<String> kept = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Optional<BigDecimal> budgetPart = budget.score();
        Optional<Sourced<BigDecimal>> budgetReported = record.funds().summary().budgetScoreReported();
        if (budgetPart.isEmpty()) {
            budgetPart = budgetReported.map(Sourced::value);
            kept.add("budget_score");
        } else if (budgetReported.isPresent() && differs(budgetReported.get().value(), budgetPart.get())) {
            changed.add("budget_score %s → %s".formatted(plain(budgetReported.get().value()),
                    profile.display(budgetPart.get())));
        }
        if (budgetPart.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = budgetPart.get();
        for (int i = 0; i < outcomes.size(); i++) {
            Indicator indicator = scored.get(i);
            Optional<BigDecimal> reported = indicator.scoreReported().map(Sourced::value);
            Optional<BigDecimal> part = outcomes.get(i).score();
            String at = IndicatorRules.field(indicator) + ".score";
            if (part.isEmpty()) {
                part = reported;
                kept.add(at);
            } else if (reported.isPresent() && differs(reported.get(), part.get())) {
                changed.add("%s %s → %s".formatted(at, plain(reported.get()), profile.display(part.get())));
            }
            if (part.isEmpty()) {
                return Optional.empty();
            }
            total = total.add(part.get());
        }
        if (!kept.isEmpty()) {
            out.add(FindingCode.TOTAL_USES_REPORTED_SCORES, Severity.INFO, "total_score_computed", "",
                    profile.display(total),
                    "the recomputed total %s counts these parts as reported, as no rule could recompute them: %s"
                            .formatted(profile.display(total), String.join(", ", kept)),
                    Optional.empty());
        }
        BigDecimal finalTotal = total;
        record.totalScoreReported().ifPresent(reported -> {
            BigDecimal gap = reported.value().subtract(profile.round(finalTotal)).abs();
            if (gap.signum() == 0) {
                return;
            }
            boolean beyond = gap.compareTo(profile.sumTolerance(scored.size() + 1)) > 0;
            out.add(FindingCode.TOTAL_RECOMPUTED_MISMATCH, beyond ? Severity.ERROR : Severity.INFO,
                    "total_score_computed", plain(reported.value()), profile.display(finalTotal),
                    "recomputing the parts changes the total: the form reports %s, the rules give %s (budget score + indicator scores, recomputed)%s%s"
                            .formatted(plain(reported.value()), profile.display(finalTotal),
                                    changed.isEmpty() ? "" : "; parts that change: " + String.join(", ", changed),
                                    reportedParts.map(p -> "; besides, the form's own parts add up to %s, not %s (see total_mismatch)"
                                            .formatted(profile.display(p), plain(reported.value()))).orElse("")),
                    Optional.of(reported.source()));
        });
        return Optional.of(total);
    }

    private boolean differs(BigDecimal reported, BigDecimal computed) {
        return Agreement.of(reported, computed, profile.tolerance(), profile) != Agreement.EXACT;
    }

    private void checkGrades(ProjectRecord record, Optional<BigDecimal> total, Optional<Grade> computed, Findings out) {
        Optional<Sourced<String>> written = record.gradeReported().filter(g -> !g.value().isBlank());
        Optional<Grade> writtenGrade = written.flatMap(g -> gradeOf(g.value()));
        if (written.isPresent() && writtenGrade.isEmpty()) {
            out.add(FindingCode.GRADE_UNRECOGNIZED, Severity.WARNING, "grade", written.get().value(), "",
                    "the grade '%s' is not a known grade word".formatted(written.get().value()),
                    Optional.of(written.get().source()));
        }
        Optional<Sourced<BigDecimal>> reportedTotal = record.totalScoreReported();
        Optional<Grade> implied = reportedTotal.map(t -> Grade.of(t.value(), profile));
        if (writtenGrade.isPresent() && implied.isPresent() && writtenGrade.get() != implied.get()) {
            out.add(FindingCode.GRADE_MISMATCH, Severity.ERROR, "grade", written.get().value(),
                    vocabulary.label(implied.get()),
                    "the form grades itself '%s', but its own total %s is %s under bands %s"
                            .formatted(written.get().value(), plain(reportedTotal.get().value()),
                                    vocabulary.label(implied.get()), bands()),
                    Optional.of(written.get().source()));
        }
        Optional<Grade> formGrade = writtenGrade.or(() -> implied);
        if (computed.isEmpty() || formGrade.isEmpty() || computed.get() == formGrade.get()) {
            return;
        }
        String formSays = writtenGrade.isPresent()
                ? "'%s'".formatted(written.get().value())
                : "%s (implied by its total %s; no grade is written)".formatted(vocabulary.label(formGrade.get()),
                plain(reportedTotal.orElseThrow().value()));
        out.add(FindingCode.GRADE_MISMATCH, Severity.ERROR, "grade_computed",
                written.map(Sourced::value).orElse(vocabulary.label(formGrade.get())),
                vocabulary.label(computed.get()),
                "the recomputed total %s falls in grade %s, while the form's grade is %s: the recomputation crosses a grade boundary (bands %s)"
                        .formatted(profile.display(total.orElseThrow()), vocabulary.label(computed.get()), formSays,
                                bands()),
                written.map(Sourced::source).or(() -> reportedTotal.map(Sourced::source)));
    }

    private Optional<Grade> gradeOf(String label) {
        return dictionary.lookup(label).flatMap(Grade::of);
    }

    private String bands() {
        List<BigDecimal> b = profile.gradeBands();
        return "%s ≥ %s > %s ≥ %s > %s ≥ %s > %s".formatted(vocabulary.label(Grade.EXCELLENT), plain(b.get(0)),
                vocabulary.label(Grade.GOOD), plain(b.get(1)), vocabulary.label(Grade.FAIR), plain(b.get(2)),
                vocabulary.label(Grade.POOR));
    }

    /**
     * Prose against table: equal is silent; within the tolerance (a truncated 71.24 for 71.2465) is
     * info; beyond it a warning, as the prose is not the scored document but contradicts it.
     */
    private void checkNarrative(ProjectRecord record, FundsAudit.Budget budget, Findings out) {
        for (NarrativeFigure figure : record.narrative()) {
            switch (figure.kind()) {
                case EXECUTION_RATE -> compareProse(figure, "execution rate",
                        record.funds().summary().executionRateReported().map(Sourced::value).or(budget::rate), out);
                case TOTAL_SCORE -> compareProse(figure, "total score",
                        record.totalScoreReported().map(Sourced::value), out);
                case GRADE -> compareProseGrade(record, figure, out);
                default -> throw new IllegalStateException("unhandled narrative kind " + figure.kind());
            }
        }
    }

    private void compareProse(NarrativeFigure figure, String what, Optional<BigDecimal> table, Findings out) {
        Optional<BigDecimal> prose = IndicatorRules.percentOf(figure.text());
        if (prose.isEmpty() || table.isEmpty()) {
            return;
        }
        BigDecimal tableShown = profile.round(table.get());
        BigDecimal gap = prose.get().subtract(tableShown).abs();
        if (prose.get().compareTo(table.get()) == 0 || gap.signum() == 0) {
            return;
        }
        boolean within = gap.compareTo(profile.tolerance()) <= 0;
        out.add(FindingCode.NARRATIVE_FIGURE_MISMATCH, within ? Severity.INFO : Severity.WARNING,
                "narrative." + what.replace(' ', '_'), figure.text(), profile.display(table.get()),
                "the prose states the %s as %s while the table gives %s%s".formatted(what, figure.text(),
                        profile.display(table.get()), within ? " (within tolerance: truncated or rounded)" : ""),
                Optional.of(figure.source()));
    }

    private void compareProseGrade(ProjectRecord record, NarrativeFigure figure, Findings out) {
        Optional<Grade> prose = gradeOf(figure.text());
        Optional<Grade> table = record.gradeReported().flatMap(g -> gradeOf(g.value()))
                .or(() -> record.totalScoreReported().map(t -> Grade.of(t.value(), profile)));
        if (prose.isEmpty() || table.isEmpty() || prose.get() == table.get()) {
            return;
        }
        out.add(FindingCode.NARRATIVE_FIGURE_MISMATCH, Severity.WARNING, "narrative.grade", figure.text(),
                vocabulary.label(table.get()),
                "the prose states the grade as '%s' while the form's grade is %s".formatted(figure.text(),
                        vocabulary.label(table.get())),
                Optional.of(figure.source()));
    }
}
