package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.model.Assessment;
import org.jixiao.model.Comparator;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FundKind;
import org.jixiao.model.NarrativeFigure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.jixiao.internal.score.TestForms.assertFinding;
import static org.jixiao.internal.score.TestForms.assertNone;
import static org.jixiao.internal.score.TestForms.date;
import static org.jixiao.internal.score.TestForms.findings;
import static org.jixiao.internal.score.TestForms.form;
import static org.jixiao.internal.score.TestForms.indicator;
import static org.jixiao.internal.score.TestForms.only;
import static org.jixiao.internal.score.TestForms.pct;
import static org.jixiao.internal.score.TestForms.qty;
import static org.jixiao.internal.score.TestForms.shown;
import static org.jixiao.internal.score.TestForms.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Form-level figures and findings: funds, weights, totals, grades, prose, missing fields. */
class ScorerTest {

    private final Scorer scorer = new Scorer(RuleProfile.national(), TestForms.DICTIONARY);

    /**
     * A form built to add up exactly under the national profile: 95 of 100 executed (9.5 of 10),
     * indicators 50/30/10 scoring 87.5, total 97 (优秀), prose agreeing.
     */
    static TestForms.FormBuilder consistent() {
        return form()
                .funds("100", "100", "95", "95", "10", "9.5")
                .line(FundKind.TOTAL, "年度资金总额", "100", "100", "95")
                .line(FundKind.CENTRAL, "其中：中央财政资金", "0", "0", "0")
                .line(FundKind.PROVINCIAL, "省级财政资金", "80", "80", "76")
                .line(FundKind.MUNICIPAL, "市县(区)财政资金", "0", "0", "0")
                .line(FundKind.CARRYOVER, "上年结转资金", "20", "20", "19")
                .line(FundKind.OTHER, "其他资金", "0", "0", "0")
                .indicator(indicator("产出指标", "数量指标", "培训人次").target(qty(Comparator.GE, "100", "人次"))
                        .actual(qty("100", "人次")).scored("20", "20"))
                .indicator(indicator("产出指标", "质量指标", "合格率").target(pct(Comparator.GE, "95"))
                        .actual(pct("98")).scored("10", "10"))
                .indicator(indicator("产出指标", "时效指标", "完成时间").target(date("2020年12月底", 2020, 12, 31))
                        .actual(date("2020年11月30日", 2020, 11, 30)).scored("10", "10"))
                .indicator(indicator("产出指标", "成本指标", "培训成本").target(qty(Comparator.LE, "50", "万元"))
                        .actual(qty("48", "万元")).scored("10", "10"))
                .indicator(indicator("效益指标", "社会效益", "服务能力提升").target(word("显著", 1))
                        .actual(pct("90")).scored("15", "13.5"))
                .indicator(indicator("效益指标", "可持续影响指标", "长效机制").target(word("明显", 1))
                        .actual(word("明显", 1)).scored("15", "14"))
                .indicator(indicator("满意度指标", "服务对象满意度指标", "学员满意度").target(pct(Comparator.GE, "90"))
                        .actual(pct("95")).scored("10", "10"))
                .totalWeight("100").total("97").grade("优秀")
                .narrative(NarrativeFigure.Kind.EXECUTION_RATE, "95")
                .narrative(NarrativeFigure.Kind.TOTAL_SCORE, "97")
                .narrative(NarrativeFigure.Kind.GRADE, "优秀");
    }

    @Test
    void consistentFormRaisesNoFinding() {
        Assessment a = scorer.assess(consistent().build());
        assertEquals(List.of(), a.findings());
        assertEquals("95.00", shown(a.executionRateComputed()));
        assertEquals("9.50", shown(a.budgetScoreComputed()));
        assertEquals("100.00", shown(a.weightSum()));
        assertEquals("97.00", shown(a.totalScoreComputed()));
        assertEquals(Optional.of("优"), a.gradeComputed());
        assertEquals(List.of("positive", "positive", "date", "reverse", "completion",
                        "qualitative: tier 1 [12.00, 15.00]", "positive"),
                a.indicators().stream().map(i -> i.rule()).toList());
    }

    @Test
    void scorerIsSafeToShareBetweenThreads() {
        ProjectRecord record = consistent().total("90").build();
        Assessment expected = scorer.assess(record);
        List<Assessment> parallel = IntStream.range(0, 64).parallel().mapToObj(i -> scorer.assess(record)).toList();
        parallel.forEach(a -> assertEquals(expected, a));
    }

    // ---- funds ----

    @Test
    void executionRateOffBeyondToleranceIsAnError() {
        Assessment a = scorer.assess(consistent().funds("100", "100", "95", "97", "10", "9.5").build());
        Finding f = only(a, FindingCode.EXECUTION_RATE_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("execution_rate", f.field());
        assertEquals("97", f.reported());
        assertEquals("95.00", f.computed());
        assertEquals(Optional.of(SourceRef.InTable.of(1, 5, 7)), f.source());
    }

    @Test
    void aSourceLineWhoseOwnRateIsNotItsFiguresIsAWarningNamingTheLine() {
        // Inner Mongolia 2024: 其他资金 | 0 | 1.8 | 1.8 | —— | 0 | ——.
        Assessment a = scorer.assess(form().funds("0", "2.38", "2.38", "100", "10", "10")
                .line(FundKind.TOTAL, "年度资金总额", "0", "2.38", "2.38", "100")
                .line(FundKind.FISCAL, "其中:财政拨款", "0", "0.58", "0.58", "100")
                .line(FundKind.OTHER, "其他资金", "0", "1.8", "1.8", "0")
                .build());
        assertFinding(only(a, FindingCode.EXECUTION_RATE_MISMATCH), Severity.WARNING, "funds[其他资金].execution_rate",
                "0", "100.00");
    }

    @Test
    void aSourceLineRateWrittenToWholePercentOrLeftOutIsNoFinding() {
        Assessment a = scorer.assess(form().funds("43.2", "43.2", "37.24", "86.20", "10", "8.62")
                .line(FundKind.FISCAL, "其中:财政拨款", "43.2", "43.2", "37.24", "86")
                .line(FundKind.OTHER, "其他资金", "0", "0", "0", "0")
                .build());
        assertNone(a, FindingCode.EXECUTION_RATE_MISMATCH);
    }

    @Test
    void executionRateOffByRoundingIsAWarning() {
        // 11601.09 / 17049.23 = 68.0443%: 68.05 is one hundredth off the rounded 68.04.
        Assessment a = scorer.assess(form().funds("17049.23", "17049.23", "11601.09", "68.05", "10", "6.8").build());
        assertEquals(Severity.WARNING, only(a, FindingCode.EXECUTION_RATE_MISMATCH).severity());
        assertNone(a, FindingCode.BUDGET_SCORE_MISMATCH);
    }

    @Test
    void executionRateWrittenToWholePercentIsRoundingNotError() {
        // 37.24 / 43.2 = 86.2037%: a form that writes rates without decimals writes 86%.
        Assessment a = scorer.assess(form().funds("43.2", "43.2", "37.24", "86", "10", "8.62").build());
        assertEquals(Severity.WARNING, only(a, FindingCode.EXECUTION_RATE_MISMATCH).severity());
    }

    @Test
    void executionRateWrittenToWholePercentButOffIsAnError() {
        Assessment a = scorer.assess(form().funds("43.2", "43.2", "37.24", "87", "10", "8.62").build());
        assertEquals(Severity.ERROR, only(a, FindingCode.EXECUTION_RATE_MISMATCH).severity());
    }

    @Test
    void budgetScoreWrittenToOneDecimalIsRoundingNotError() {
        // 94 / 650 = 14.46%; 20 × 14.46% = 2.89, which a form keeping one decimal writes 2.9.
        Assessment a = scorer.assess(form().funds("650", "650", "94", "14.46", "20", "2.9").build());
        assertEquals(Severity.WARNING, only(a, FindingCode.BUDGET_SCORE_MISMATCH).severity());
    }

    @Test
    void budgetScoreUsesTheUnroundedRate() {
        // 269.78 / 378.65 = 71.2465%: 7.12, where the printed 71.25 would give 7.13.
        Assessment a = scorer.assess(form().funds("378.65", "378.65", "269.78", "71.25", "10", "7.12").build());
        assertEquals("7.12", shown(a.budgetScoreComputed()));
        assertNone(a, FindingCode.BUDGET_SCORE_MISMATCH);
        assertNone(a, FindingCode.EXECUTION_RATE_MISMATCH);
    }

    @Test
    void budgetScoreOffIsAnErrorNamingTheRateItWouldNeed() {
        Assessment a = scorer.assess(consistent().funds("100", "100", "95", "95", "10", "8").build());
        Finding f = only(a, FindingCode.BUDGET_SCORE_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("8", f.reported());
        assertEquals("9.50", f.computed());
        assertTrue(f.message().contains("80.00%"), f.message());
    }

    @Test
    void rateOverHundredIsInfoAndTheScoreIsCapped() {
        Assessment a = scorer.assess(form().funds("100", "100", "110", "110", "10", "10").build());
        assertEquals(Severity.INFO, only(a, FindingCode.RATE_OVER_100).severity());
        assertEquals("10.00", shown(a.budgetScoreComputed()));
    }

    @Test
    void uncappedProfileLetsTheBudgetScorePassItsWeight() {
        Scorer uncapped = new Scorer(RuleProfile.builder().capRate(false).build(), TestForms.DICTIONARY);
        Assessment a = uncapped.assess(form().funds("100", "100", "110", "110", "10", "11").build());
        assertEquals("11.00", shown(a.budgetScoreComputed()));
        assertEquals(Severity.ERROR, only(a, FindingCode.SCORE_EXCEEDS_WEIGHT, "budget_score").severity());
    }

    @Test
    void changedBudgetIsInfoWithTheRateAgainstTheInitialBudget() {
        // Seed 002: 3130.4 initial, 2428.53 full-year and executed.
        Assessment a = scorer.assess(form().funds("3130.4", "2428.53", "2428.53", "100", "10", "10").build());
        Finding f = only(a, FindingCode.BUDGET_CHANGED);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("3130.4", f.reported());
        assertEquals("2428.53", f.computed());
        assertTrue(f.message().contains("77.58%"), f.message());
    }

    @Test
    void budgetWeightWrittenOnTheFormWins() {
        Assessment a = scorer.assess(form().funds("100", "100", "50", "50", "20", "10").build());
        assertEquals("10.00", shown(a.budgetScoreComputed()));
        assertEquals(Severity.INFO, only(a, FindingCode.DEFAULT_WEIGHTS_DEVIATE, "budget_weight").severity());
    }

    @Test
    void missingBudgetWeightFallsBackToTheProfile() {
        Scorer twenty = new Scorer(RuleProfile.builder().budgetWeight(new BigDecimal("20")).build(),
                TestForms.DICTIONARY);
        Assessment a = twenty.assess(form().funds("100", "100", "50", "50", null, "10").build());
        assertEquals("10.00", shown(a.budgetScoreComputed()));
        assertEquals(Severity.INFO, only(a, FindingCode.MISSING_FIELD, "budget_weight").severity());
    }

    @Test
    void fundLinesThatDoNotAddUpAreAnErrorPerColumn() {
        Assessment a = scorer.assess(form().funds("100", "100", "95", "95", "10", "9.5")
                .line(FundKind.TOTAL, "年度资金总额", "100", "100", "95")
                .line(FundKind.PROVINCIAL, "省级财政资金", "80", "80", "70")
                .line(FundKind.CARRYOVER, "上年结转资金", "20", "20", "20")
                .build());
        Finding f = only(a, FindingCode.FUNDS_SUM_MISMATCH);
        assertEquals("funds.executed", f.field());
        assertEquals("95", f.reported());
        assertEquals("90", f.computed());
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void fiscalSubtotalLinesAddUpWithoutTheDetailedSplit() {
        Assessment a = scorer.assess(form().funds("100", "100", "95", "95", "10", "9.5")
                .line(FundKind.TOTAL, "年度资金总额", "100", "100", "95")
                .line(FundKind.FISCAL, "其中：当年财政拨款", "70", "70", "66")
                .line(FundKind.CARRYOVER, "上年结转资金", "20", "20", "20")
                .line(FundKind.OTHER, "其他资金", "10", "10", "9")
                .build());
        assertNone(a, FindingCode.FUNDS_SUM_MISMATCH);
    }

    @Test
    void blankTotalLineWithFilledSourcesIsAMismatch() {
        // Seed 002: amounts only in the municipal column, 年度总金额 blank.
        Assessment a = scorer.assess(form().funds("3130.4", "2428.53", "2428.53", "100", "10", "0")
                .line(FundKind.TOTAL, "年度总金额", null, null, null)
                .line(FundKind.MUNICIPAL, "市级", "3130.4", "2428.53", "2428.53")
                .build());
        assertEquals(3, findings(a, FindingCode.FUNDS_SUM_MISMATCH).size());
        assertEquals("2428.53", only(a, FindingCode.FUNDS_SUM_MISMATCH, "funds.executed").computed());
    }

    @Test
    void zeroFullYearBudgetWithMoneyExecutedIsAnError() {
        Assessment a = scorer.assess(form().funds("100", "0", "12.5", null, "10", "10").build());
        assertTrue(a.executionRateComputed().isEmpty());
        Finding f = only(a, FindingCode.FULL_YEAR_BUDGET_NOT_POSITIVE);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("funds.full_year_budget", f.field());
        assertEquals("0", f.reported());
        assertEquals(Optional.of(SourceRef.InTable.of(1, 5, 4)), f.source());
        assertTrue(f.message().contains("is 0 (table 1, row 5, col 4)"), f.message());
        assertTrue(f.message().contains("12.5"), f.message());
    }

    @Test
    void zeroFullYearBudgetWithAReportedBudgetScoreIsAWarning() {
        Assessment a = scorer.assess(form().funds("0", "0", "0", null, "10", "10").build());
        Finding f = only(a, FindingCode.FULL_YEAR_BUDGET_NOT_POSITIVE);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("budget score 10"), f.message());
    }

    @Test
    void zeroFullYearBudgetWithZeroReportedRateAndScoreRaisesNoBudgetFinding() {
        Assessment a = scorer.assess(form().funds("0", "0", "0", "0", "10", "0").build());
        assertNone(a, FindingCode.FULL_YEAR_BUDGET_NOT_POSITIVE);
    }

    @Test
    void negativeFullYearBudgetIsAnError() {
        Assessment a = scorer.assess(form().funds("100", "-5", "0", null, "10", "0").build());
        Finding f = only(a, FindingCode.FULL_YEAR_BUDGET_NOT_POSITIVE);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("-5", f.reported());
    }

    @Test
    void zeroFullYearBudgetWithNothingExecutedOrScoredRaisesNoBudgetFinding() {
        Assessment a = scorer.assess(form().funds("0", "0", "0", null, "10", null).build());
        assertNone(a, FindingCode.FULL_YEAR_BUDGET_NOT_POSITIVE);
    }

    @Test
    void assessmentCarriesTheProfilesRoundingForTheWriters() {
        Scorer halfEven = new Scorer(RuleProfile.builder().rounding(RoundingMode.HALF_EVEN).build(),
                TestForms.DICTIONARY);
        ProjectRecord form = consistent().build();
        assertEquals(RoundingMode.HALF_UP, scorer.assess(form).rounding());
        assertEquals(RoundingMode.HALF_EVEN, halfEven.assess(form).rounding());
    }

    @Test
    void missingFundAmountsAreMissingFields() {
        Assessment a = scorer.assess(form().funds(null, null, null, null, "10", null).build());
        assertTrue(a.executionRateComputed().isEmpty());
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "funds.full_year_budget").severity());
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "funds.executed").severity());
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "budget_score").severity());
    }

    // ---- weights ----

    @Test
    void weightsThatMissTheTotalRowAreAnError() {
        Assessment a = scorer.assess(consistent().totalWeight("110").build());
        assertFinding(only(a, FindingCode.WEIGHT_SUM_MISMATCH), Severity.ERROR, "weight_sum", "110", "100");
    }

    @Test
    void weightsThatMissHundredAreAnErrorWhenNoTotalRowIsWritten() {
        Assessment a = scorer.assess(form().funds("100", "100", "100", "100", "10", "10")
                .indicator(indicator("产出指标", "数量指标", "x").target(qty("1", "个")).actual(qty("1", "个"))
                        .scored("80", "80"))
                .total("90").build());
        Finding f = only(a, FindingCode.WEIGHT_SUM_MISMATCH);
        assertEquals("90", f.computed());
        assertEquals("", f.reported());
        assertEquals("90.00", shown(a.weightSum()));
    }

    @Test
    void totalRowOutOfOtherThanHundredIsAnError() {
        Assessment a = scorer.assess(form().funds("100", "100", "100", "100", "10", "10")
                .indicator(indicator("产出指标", "数量指标", "x").target(qty("1", "个")).actual(qty("1", "个"))
                        .scored("80", "80"))
                .totalWeight("90").total("90").build());
        Finding f = only(a, FindingCode.WEIGHT_SUM_MISMATCH);
        assertEquals("total_weight", f.field());
        assertEquals("90", f.reported());
        assertEquals("100", f.computed());
    }

    @Test
    void level1SplitOtherThanTheDefaultIsInfo() {
        // Seed 000: 45 / 33.75 / 11.25.
        Assessment a = scorer.assess(form().funds("100", "100", "100", "100", "10", "10")
                .indicator(indicator("产出指标", "数量指标", "a").target(qty("1", "个")).actual(qty("1", "个"))
                        .scored("45", "45"))
                .indicator(indicator("效益指标", "社会效益", "b").target(qty("1", "个")).actual(qty("1", "个"))
                        .scored("33.75", "33.75"))
                .indicator(indicator("满意度指标", "服务对象满意度指标", "c").target(pct("90")).actual(pct("90"))
                        .scored("11.25", "11.25"))
                .totalWeight("100").total("100").build());
        Finding f = only(a, FindingCode.DEFAULT_WEIGHTS_DEVIATE, "weights.level1");
        assertEquals(Severity.INFO, f.severity());
        assertEquals("output 45, benefit 33.75, satisfaction 11.25", f.reported());
        assertEquals("output 50, benefit 30, satisfaction 10", f.computed());
    }

    // ---- totals ----

    @Test
    void totalThatIsNotTheSumOfItsPartsIsAnError() {
        Assessment a = scorer.assess(consistent().total("98").grade(null).build());
        Finding f = only(a, FindingCode.TOTAL_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("total_score", f.field());
        assertEquals("98", f.reported());
        assertEquals("97.00", f.computed());
        assertTrue(f.message().contains("form's own sum"), f.message());
        // The recomputed parts equal the reported ones, so the recomputed total says the same.
        assertEquals("97.00", only(a, FindingCode.TOTAL_RECOMPUTED_MISMATCH).computed());
    }

    @Test
    void totalOffByLessThanTheSumToleranceIsAWarning() {
        Assessment a = scorer.assess(consistent().total("97.02").build());
        assertEquals(Severity.WARNING, only(a, FindingCode.TOTAL_MISMATCH).severity());
        assertEquals(Severity.INFO, only(a, FindingCode.TOTAL_RECOMPUTED_MISMATCH).severity());
    }

    @Test
    void recomputedTotalDiffersWhenAPartIsRecomputedDifferently() {
        // Budget score reported 10 of a 95% rate: the form's sum holds (97.5), the rules give 97.
        Assessment a = scorer.assess(consistent().funds("100", "100", "95", "95", "10", "10").total("97.5").build());
        assertNone(a, FindingCode.TOTAL_MISMATCH);
        Finding f = only(a, FindingCode.TOTAL_RECOMPUTED_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("total_score_computed", f.field());
        assertEquals("97.5", f.reported());
        assertEquals("97.00", f.computed());
        assertTrue(f.message().contains("budget_score 10 → 9.50"), f.message());
    }

    @Test
    void unscorableIndicatorsCountWithTheirReportedScore() {
        Assessment a = scorer.assess(form().funds("100", "100", "100", "100", "10", "10")
                .indicator(indicator("产出指标", "质量指标", "废标率").target(TestForms.relative("同比下降5%"))
                        .actual(qty("3", "次")).scored("90", "85"))
                .totalWeight("100").total("95").build());
        assertEquals("95.00", shown(a.totalScoreComputed()));
        Finding f = only(a, FindingCode.TOTAL_USES_REPORTED_SCORES);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("indicators[1].score"), f.message());
    }

    // ---- grades ----

    @Test
    void gradeThatDoesNotFitTheReportedTotalIsAnError() {
        Assessment a = scorer.assess(consistent().grade("良好").build());
        Finding f = only(a, FindingCode.GRADE_MISMATCH, "grade");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("良好", f.reported());
        assertEquals("优", f.computed());
    }

    @Test
    void recomputedTotalCrossingABandIsAGradeMismatch() {
        // The form says 10 + 80 = 90 (优); the rules give 9.5 + 90 x 80/100 = 81.5 (良).
        Assessment a = scorer.assess(form().funds("100", "100", "95", "95", "10", "10")
                .indicator(indicator("产出指标", "数量指标", "a").target(qty("100", "个")).actual(qty("80", "个"))
                        .scored("90", "80"))
                .totalWeight("100").total("90").grade("优").build());
        assertEquals(Optional.of("良"), a.gradeComputed());
        Finding f = only(a, FindingCode.GRADE_MISMATCH, "grade_computed");
        assertEquals("优", f.reported());
        assertEquals("良", f.computed());
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void unwrittenGradeIsImpliedByTheReportedTotal() {
        Assessment a = scorer.assess(form().funds("100", "100", "50", "50", "10", "10")
                .indicator(indicator("产出指标", "数量指标", "a").target(qty("100", "个")).actual(qty("100", "个"))
                        .scored("90", "75"))
                .totalWeight("100").total("85").build());
        Finding f = only(a, FindingCode.GRADE_MISMATCH, "grade_computed");
        assertEquals("良", f.reported());
        assertEquals("优", f.computed());
        assertTrue(f.message().contains("implied by its total 85"), f.message());
    }

    @Test
    void unknownGradeWordIsFlagged() {
        Assessment a = scorer.assess(consistent().grade("甲等").build());
        assertEquals(Severity.WARNING, only(a, FindingCode.GRADE_UNRECOGNIZED).severity());
    }

    // ---- prose ----

    @Test
    void proseRateWithinToleranceIsInfo() {
        Assessment a = scorer.assess(consistent().narrative(NarrativeFigure.Kind.EXECUTION_RATE, "94.99").build());
        Finding f = only(a, FindingCode.NARRATIVE_FIGURE_MISMATCH);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("narrative.execution_rate", f.field());
        assertEquals(Optional.of(new SourceRef.InText(43)), f.source());
    }

    @Test
    void proseTotalBeyondToleranceIsAWarning() {
        Assessment a = scorer.assess(consistent().narrative(NarrativeFigure.Kind.TOTAL_SCORE, "92").build());
        Finding f = only(a, FindingCode.NARRATIVE_FIGURE_MISMATCH);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("92", f.reported());
        assertEquals("97.00", f.computed());
    }

    @Test
    void proseGradeDifferingFromTheFormIsAWarning() {
        Assessment a = scorer.assess(consistent().narrative(NarrativeFigure.Kind.GRADE, "良好").build());
        Finding f = only(a, FindingCode.NARRATIVE_FIGURE_MISMATCH, "narrative.grade");
        assertEquals(Severity.WARNING, f.severity());
    }

    // ---- missing fields and goals ----

    @Test
    void missingProjectNameTotalAndIndicatorsAreMissingFields() {
        Assessment a = scorer.assess(form().name(null).funds("100", "100", "100", "100", "10", "10").build());
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "project_name").severity());
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "total_score").severity());
        assertEquals(Severity.ERROR, only(a, FindingCode.MISSING_FIELD, "indicators").severity());
    }

    @Test
    void emptyGoalTextIsFlagged() {
        Assessment a = scorer.assess(consistent().goals(null, "已完成").build());
        Finding f = only(a, FindingCode.GOAL_TEXT_MISSING);
        assertEquals("goals.expected", f.field());
        assertEquals(Severity.WARNING, f.severity());
    }
}
