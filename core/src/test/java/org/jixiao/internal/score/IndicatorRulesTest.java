package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.model.Assessment;
import org.jixiao.model.Comparator;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.IndicatorAssessment;
import org.jixiao.model.Measure;
import org.jixiao.model.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.jixiao.internal.score.TestForms.assertNone;
import static org.jixiao.internal.score.TestForms.date;
import static org.jixiao.internal.score.TestForms.form;
import static org.jixiao.internal.score.TestForms.formula;
import static org.jixiao.internal.score.TestForms.indicator;
import static org.jixiao.internal.score.TestForms.none;
import static org.jixiao.internal.score.TestForms.num;
import static org.jixiao.internal.score.TestForms.only;
import static org.jixiao.internal.score.TestForms.pct;
import static org.jixiao.internal.score.TestForms.qty;
import static org.jixiao.internal.score.TestForms.relative;
import static org.jixiao.internal.score.TestForms.shown;
import static org.jixiao.internal.score.TestForms.text;
import static org.jixiao.internal.score.TestForms.word;
import static org.jixiao.internal.score.TestForms.wordWithoutTier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One rule per test, each on a form with a single indicator. */
class IndicatorRulesTest {

    private static final String OUTPUT = "产出指标";
    private static final String QUANTITY = "数量指标";
    private static final String COST = "成本指标";
    private static final String TIMELINESS = "时效指标";

    private final Scorer scorer = new Scorer(RuleProfile.national(), TestForms.DICTIONARY);

    // ---- positive ----

    @Test
    void positivePercentScoresActualOverTarget() {
        Assessment a = assess(indicator(OUTPUT, "质量指标", "合格率").target(pct(Comparator.GE, "95")).actual(pct("90"))
                .scored("10", "9.47"));
        assertEquals("positive", rule(a));
        assertEquals("9.47", shown(one(a).scoreComputed()));
        assertEquals("94.74", shown(one(a).completionRate()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    @Test
    void positiveIsCappedAtTheWeight() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "购置LED显示屏").target(qty("20", "平方米"))
                .actual(qty("33.82", "平方米")).scored("5", "5"));
        assertEquals("positive", rule(a));
        assertEquals("5.00", shown(one(a).scoreComputed()));
        assertEquals("100.00", shown(one(a).completionRate()));
    }

    @Test
    void bareNumberTargetAndPercentActualAreTheSameUnit() {
        // Seed 002: target 90, actual 90%.
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "业务上云数").target(num("90")).actual(pct("90"))
                .scored("10", "10"));
        assertEquals("positive", rule(a));
        assertEquals("10.00", shown(one(a).scoreComputed()));
    }

    @Test
    void bareNumberTargetTakesTheActualsUnit() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "调研次数").target(num("10")).actual(qty("6", "次"))
                .scored("1", "0.6"));
        assertEquals("0.60", shown(one(a).scoreComputed()));
    }

    @Test
    void adjustedTargetIsUsedWhereWritten() {
        // Seed 004-B: 1725次 adjusted to 500次, 391次 done, weight 0.5 -> 0.391 (0.11 against 1725).
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "完成公告信息推送数量").target(qty("1725", "次"))
                .adjusted(qty("500", "次")).actual(qty("391", "次")).scored("0.5", "0.39"));
        assertEquals("positive: adjusted target", rule(a));
        assertEquals("0.39", shown(one(a).scoreComputed()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    @Test
    void zeroActualScoresZero() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "购置资料推车").target(qty("50", "个")).actual(qty("0", "个"))
                .scored("0.5", "0"));
        assertEquals("0.00", shown(one(a).scoreComputed()));
    }

    @Test
    void actualTwiceTheTargetIsOverAchievementInfo() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "培训人次").target(qty("20", "人次"))
                .actual(qty("45", "人次")).scored("5", "5"));
        assertEquals(Severity.INFO, only(a, FindingCode.OVER_ACHIEVEMENT).severity());
    }

    @Test
    void equalsZeroTargetIsMetOnlyByZero() {
        Assessment met = assess(indicator(OUTPUT, "质量指标", "安全事故").target(qty(Comparator.EQ, "0", "次"))
                .actual(qty("0", "次")).scored("5", "5"));
        Assessment missed = assess(indicator(OUTPUT, "质量指标", "安全事故").target(qty(Comparator.EQ, "0", "次"))
                .actual(qty("2", "次")).scored("5", "0"));
        assertEquals("5.00", shown(one(met).scoreComputed()));
        assertEquals("0.00", shown(one(missed).scoreComputed()));
    }

    @Test
    void bareZeroTargetIsMetOnlyByZero() {
        // 安全事故 0次 with no comparator is a zero-incident target (§2.3 "= with T = 0"), not "at least 0".
        for (Measure target : List.of(num("0"), qty("0", "次"))) {
            Assessment met = assess(indicator(OUTPUT, "质量指标", "安全事故").target(target)
                    .actual(qty("0", "次")).scored("5", "5"));
            Assessment missed = assess(indicator(OUTPUT, "质量指标", "安全事故").target(target)
                    .actual(qty("2", "次")).scored("5", "5"));
            assertEquals("5.00", shown(one(met).scoreComputed()), target.raw());
            assertEquals("0.00", shown(one(missed).scoreComputed()), target.raw());
            assertEquals("0.00", shown(one(missed).completionRate()), target.raw());
            assertEquals(Severity.ERROR, only(missed, FindingCode.INDICATOR_SCORE_MISMATCH).severity(), target.raw());
        }
    }

    @Test
    void atLeastZeroTargetIsMetByAnyActual() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "新增用户").target(qty(Comparator.GE, "0", "户"))
                .actual(qty("2", "户")).scored("5", "5"));
        assertEquals("5.00", shown(one(a).scoreComputed()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    @Test
    void aboveZeroTargetIsNotMetByZero() {
        Assessment none = assess(indicator(OUTPUT, QUANTITY, "新增用户").target(qty(Comparator.GT, "0", "户"))
                .actual(qty("0", "户")).scored("5", "0"));
        Assessment some = assess(indicator(OUTPUT, QUANTITY, "新增用户").target(qty(Comparator.GT, "0", "户"))
                .actual(qty("1", "户")).scored("5", "5"));
        assertEquals("0.00", shown(one(none).scoreComputed()));
        assertEquals("5.00", shown(one(some).scoreComputed()));
    }

    // ---- reverse ----

    @Test
    void costIndicatorWithoutComparatorIsReverse() {
        // Seed 004-B 密集架: 500元/个 target, 1250元/个 actual -> 1 x 500/1250 = 0.40.
        Assessment a = assess(indicator(OUTPUT, COST, "密集架").target(qty("500", "元/个"))
                .actual(qty("1250", "元/个")).scored("1", "0.4"));
        assertEquals("reverse", rule(a));
        assertEquals("0.40", shown(one(a).scoreComputed()));
        assertEquals("40.00", shown(one(a).completionRate()));
    }

    @Test
    void lessOrEqualComparatorIsReverseWithinTheLimit() {
        Assessment a = assess(indicator("效益指标", "社会效益", "年故障时间").target(qty(Comparator.LE, "12", "小时"))
                .actual(qty("10", "小时")).scored("9", "9"));
        assertEquals("reverse", rule(a));
        assertEquals("9.00", shown(one(a).scoreComputed()));
    }

    @Test
    void reverseOverTheLimitScoresTargetOverActual() {
        Assessment a = assess(indicator("效益指标", "社会效益", "年故障时间").target(qty(Comparator.LE, "12", "小时"))
                .actual(qty("15", "小时")).scored("9", "7.2"));
        assertEquals("7.20", shown(one(a).scoreComputed()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    @Test
    void linearReverseProfileDeductsByTheOverrun() {
        Scorer linear = new Scorer(RuleProfile.builder().reverseFormula(RuleProfile.ReverseFormula.LINEAR).build(),
                TestForms.DICTIONARY);
        Assessment within = linear.assess(form().indicator(indicator(OUTPUT, COST, "密集架")
                .target(qty("500", "元/个")).actual(qty("600", "元/个")).scored("1", "0.8")).build());
        Assessment doubled = linear.assess(form().indicator(indicator(OUTPUT, COST, "密集架")
                .target(qty("500", "元/个")).actual(qty("1250", "元/个")).scored("1", "0")).build());
        assertEquals("reverse_linear", one(within).rule());
        assertEquals("0.80", shown(one(within).scoreComputed()));
        assertEquals("0.00", shown(one(doubled).scoreComputed()));
    }

    @Test
    void timelinessLimitInTimeUnitsIsReverse() {
        Assessment a = assess(indicator(OUTPUT, TIMELINESS, "办结时限").target(qty("3", "天")).actual(qty("4", "天"))
                .scored("4", "3"));
        assertEquals("reverse", rule(a));
        assertEquals("3.00", shown(one(a).scoreComputed()));
    }

    @Test
    void moneyUnitsConvertBeforeComparing() {
        Assessment a = assess(indicator(OUTPUT, COST, "资料推车").target(qty("0.05", "万元/个"))
                .actual(qty("400", "元/个")).scored("1", "1"));
        assertEquals("reverse", rule(a));
        assertEquals("1.00", shown(one(a).scoreComputed()));
    }

    @Test
    void costOverrunWithFullScoreIsFlagged() {
        Assessment a = assess(indicator(OUTPUT, COST, "密集架").target(qty("500", "元/个"))
                .actual(qty("1250", "元/个")).scored("1", "1"));
        Finding overrun = only(a, FindingCode.COST_OVERRUN_FULL_SCORE);
        assertEquals(Severity.WARNING, overrun.severity());
        assertEquals("indicators[1].score", overrun.field());
        assertEquals("1", overrun.reported());
        assertEquals("0.40", overrun.computed());
        assertTrue(overrun.message().contains("1250元/个"), overrun.message());
        assertEquals(Severity.ERROR, only(a, FindingCode.INDICATOR_SCORE_MISMATCH).severity());
    }

    // ---- completion ----

    @Test
    void percentActualAgainstAWordIsACompletionRate() {
        // Seed 000: 明显 vs 50%, weight 11.25 -> 5.625, shown 5.63.
        Assessment a = assess(indicator("效益指标", "可持续影响指标", "运维服务质量的提升程度").target(word("明显", 1))
                .actual(pct("50")).scored("11.25", "5.63"));
        assertEquals("completion", rule(a));
        assertEquals(0, new BigDecimal("5.625").compareTo(one(a).scoreComputed().orElseThrow()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    @Test
    void percentActualAgainstAQuantityIsACompletionRate() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "运维项目数")
                .target(qty("大于等于350个", Comparator.GE, "350", "个")).actual(pct("100")).scored("11.25", "11.25"));
        assertEquals("completion", rule(a));
        assertEquals("11.25", shown(one(a).scoreComputed()));
    }

    @Test
    void percentActualAgainstADateFormulaOrRelativeTargetIsACompletionRate() {
        for (Measure target : List.of(date("2021年6月底", 2021, 6, 30), formula("资产总额*5%"),
                relative("同比下降5%"), text("更加有序"))) {
            Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(target).actual(pct("80")).scored("5", "4"));
            assertEquals("completion", rule(a), target.raw());
            assertEquals("4.00", shown(one(a).scoreComputed()), target.raw());
        }
    }

    @Test
    void completionAboveHundredIsCapped() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(qty("10", "个")).actual(pct("120"))
                .scored("5", "5"));
        assertEquals("5.00", shown(one(a).scoreComputed()));
    }

    // ---- completion_reported ----

    @Test
    void writtenCompletionRateIsUsedAndAgreesWithActualOverTarget() {
        // Seed 002: 持续 vs 95%, 完成率 95% -> 9.5.
        Assessment a = assess(indicator(OUTPUT, TIMELINESS, "系统稳定运行").target(word("持续", 1)).actual(pct("95"))
                .completion("95%").scored("10", "9.5"));
        assertEquals("completion_reported", rule(a));
        assertEquals("9.50", shown(one(a).scoreComputed()));
        assertEquals("95.00", shown(one(a).completionRate()));
        assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
    }

    @Test
    void writtenCompletionRateThatContradictsTheValuesIsFlagged() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "业务上云数").target(num("90")).actual(pct("90"))
                .completion("80.00%").scored("10", "8"));
        assertEquals("completion_reported", rule(a));
        Finding f = only(a, FindingCode.COMPLETION_RATE_MISMATCH);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("80.00%", f.reported());
        assertEquals("100.00", f.computed());
    }

    @Test
    void writtenCompletionRateAboveHundredAgreesWithOverAchievement() {
        // 120个 done against 100个: the form's 完成率 120% is A/T; the score stays capped at the weight.
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "培训人次").target(qty("100", "个")).actual(qty("120", "个"))
                .completion("120%").scored("5", "5"));
        assertEquals("completion_reported", rule(a));
        assertEquals("5.00", shown(one(a).scoreComputed()));
        assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
    }

    @Test
    void writtenCompletionRateCappedAtHundredIsAccepted() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "培训人次").target(qty("100", "个")).actual(qty("120", "个"))
                .completion("100%").scored("5", "5"));
        assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
    }

    @Test
    void writtenCompletionRateBetweenCappedAndUncappedIsFlaggedWithTheUncappedRatio() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "培训人次").target(qty("100", "个")).actual(qty("120", "个"))
                .completion("110%").scored("5", "5"));
        Finding f = only(a, FindingCode.COMPLETION_RATE_MISMATCH);
        assertEquals("110%", f.reported());
        assertEquals("120.00", f.computed());
        assertTrue(f.message().contains("100.00% when capped"), f.message());
    }

    @Test
    void writtenCompletionRateAboveHundredAgreesWithAPercentActual() {
        // 实际完成值 120% against 10个 is itself the completion; the column may repeat it or cap it.
        for (String written : List.of("120%", "100%")) {
            Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(qty("10", "个")).actual(pct("120"))
                    .completion(written).scored("5", "5"));
            assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
        }
    }

    @Test
    void writtenCompletionRateOfAReverseIndicatorUnderItsLimitIsTargetOverActual() {
        // ≤12小时 limit, 10小时 actual: T/A = 120%, or 100% capped; the score is the full weight.
        for (String written : List.of("120%", "100%")) {
            Assessment a = assess(indicator("效益指标", "社会效益", "年故障时间").target(qty(Comparator.LE, "12", "小时"))
                    .actual(qty("10", "小时")).completion(written).scored("9", "9"));
            assertEquals("9.00", shown(one(a).scoreComputed()), written);
            assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
        }
        Assessment wrong = assess(indicator("效益指标", "社会效益", "年故障时间").target(qty(Comparator.LE, "12", "小时"))
                .actual(qty("10", "小时")).completion("80%").scored("9", "7.2"));
        assertEquals("120.00", only(wrong, FindingCode.COMPLETION_RATE_MISMATCH).computed());
    }

    @Test
    void underTheLinearReverseFormulaTheAchievementWithinTheLimitIsStillTargetOverActual() {
        // The linear formula (§2.4) only says how the score falls beyond the limit; within it a
        // written 120% is T/A, not the 116.67% that extending 1 − (A − T)/T below the limit gives.
        Scorer linear = new Scorer(RuleProfile.builder().reverseFormula(RuleProfile.ReverseFormula.LINEAR).build(),
                TestForms.DICTIONARY);
        Assessment a = linear.assess(form().indicator(indicator("效益指标", "社会效益", "年故障时间")
                .target(qty(Comparator.LE, "12", "小时")).actual(qty("10", "小时")).completion("120%").scored("9", "9"))
                .build());
        assertEquals("9.00", shown(one(a).scoreComputed()));
        assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
    }

    @Test
    void writtenCompletionRateOfAReverseIndicatorOverItsLimitIsTargetOverActual() {
        Assessment a = assess(indicator("效益指标", "社会效益", "年故障时间").target(qty(Comparator.LE, "12", "小时"))
                .actual(qty("15", "小时")).completion("80%").scored("9", "7.2"));
        assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
    }

    // ---- qualitative ----

    @Test
    void qualitativeScoreInsideItsTierIsAccepted() {
        Assessment a = assess(indicator("效益指标", "社会效益", "群众获得感").target(word("显著", 1))
                .actual(word("较好", 1)).scored("10", "9"));
        assertEquals("qualitative: tier 1 [8.00, 10.00]", rule(a));
        assertEquals("9.00", shown(one(a).scoreComputed()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    @Test
    void qualitativeScoreOutsideItsTierIsAMismatch() {
        Assessment a = assess(indicator("效益指标", "社会效益", "群众获得感").target(word("显著", 1))
                .actual(word("基本达成", 2)).scored("10", "9"));
        assertEquals("qualitative: tier 2 [6.00, 8.00]", rule(a));
        Finding f = only(a, FindingCode.INDICATOR_SCORE_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("8.00", f.computed());
    }

    @Test
    void actualRepeatingTheTargetWordIsTierOne() {
        Assessment a = assess(indicator("效益指标", "社会效益", "提升程度").target(word("明显", 1))
                .actual(wordWithoutTier("明显"))
                .scored("10", "10"));
        assertEquals("qualitative: tier 1 [8.00, 10.00]", rule(a));
    }

    @Test
    void wordOfNoKnownTierIsUnscorable() {
        Assessment a = assess(indicator("效益指标", "社会效益", "x").target(word("显著", 1))
                .actual(wordWithoutTier("尚可")).scored("10", "9"));
        assertEquals("unscorable: qualitative tier unknown", rule(a));
        assertEquals("尚可", only(a, FindingCode.UNITS_NOT_COMPARABLE).reported());
    }

    @Test
    void qualitativeTierBoundsFollowTheProfile() {
        Scorer variant = new Scorer(RuleProfile.builder()
                .qualitativeTiers(new BigDecimal("0.8"), new BigDecimal("0.5")).build(), TestForms.DICTIONARY);
        Assessment a = variant.assess(form().indicator(indicator("效益指标", "社会效益", "x").target(word("显著", 1))
                .actual(word("部分达成预期指标", 2)).scored("10", "5")).build());
        assertEquals("qualitative: tier 2 [5.00, 8.00]", one(a).rule());
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    // ---- date ----

    @Test
    void dateOnOrBeforeTheDeadlineScoresFull() {
        Assessment a = assess(indicator(OUTPUT, TIMELINESS, "项目完成时间").target(date("2021年6月底", 2021, 6, 30))
                .actual(date("2021年6月30日", 2021, 6, 30)).scored("5", "5"));
        assertEquals("date", rule(a));
        assertEquals("5.00", shown(one(a).scoreComputed()));
    }

    @Test
    void dateAfterTheDeadlineScoresZero() {
        Assessment a = assess(indicator(OUTPUT, TIMELINESS, "项目完成时间").target(date("2021年6月底", 2021, 6, 30))
                .actual(date("2021年8月", 2021, 8, 31)).scored("5", "5"));
        assertEquals("0.00", shown(one(a).scoreComputed()));
        assertEquals(Severity.ERROR, only(a, FindingCode.INDICATOR_SCORE_MISMATCH).severity());
    }

    // ---- unscorable ----

    @Test
    void emptyActualIsUnscorableAndFlagged() {
        // Seed 000 项目完成时间: actual empty, score 0.
        Assessment a = assess(indicator(OUTPUT, TIMELINESS, "项目完成时间").target(date("2021年6月底", 2021, 6, 30))
                .actual(none()).scored("11.25", "0"));
        assertEquals("unscorable: actual missing", rule(a));
        assertTrue(one(a).scoreComputed().isEmpty());
        Finding f = only(a, FindingCode.ACTUAL_MISSING);
        assertEquals("indicators[1].actual", f.field());
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void relativeTargetWithANonPercentActualIsNotComputable() {
        Assessment a = assess(indicator(OUTPUT, "质量指标", "废标率").target(relative("同比下降5%"))
                .actual(qty("3", "次")).scored("1", "1"));
        assertEquals("unscorable: target relative to last year", rule(a));
        Finding f = only(a, FindingCode.TARGET_NOT_COMPUTABLE);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("同比下降5%", f.reported());
    }

    @Test
    void differentUnitsAreNotComparable() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(qty("350", "个")).actual(qty("20", "平方米"))
                .scored("5", "5"));
        assertEquals("unscorable: units differ", rule(a));
        assertEquals(Severity.INFO, only(a, FindingCode.UNITS_NOT_COMPARABLE).severity());
    }

    @Test
    void missingWeightIsUnscorableAndAMissingField() {
        Assessment a = scorer.assess(form()
                .indicator(indicator(OUTPUT, QUANTITY, "x").target(qty("10", "个")).actual(qty("10", "个")).score("5"))
                .indicator(indicator(OUTPUT, QUANTITY, "y").target(qty("10", "个")).actual(qty("10", "个")).scored("10", "10"))
                .build());
        assertEquals("unscorable: weight missing", rule(a));
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "indicators[1].weight").severity());
    }

    @Test
    void aFormWhoseRowsStateNoWeightSaysSoOnceAndSumsNoWeights() {
        // 年度绩效目标 (80分) | 年初目标值(A) | 实际完成值(B) | 得分: the block has a weight, the rows only scores.
        Assessment a = scorer.assess(form()
                .indicator(indicator(OUTPUT, QUANTITY, "x").target(qty("10", "个")).actual(qty("10", "个")).score("40"))
                .indicator(indicator(OUTPUT, QUANTITY, "y").target(qty("10", "个")).actual(qty("8", "个")).score("32"))
                .build());
        assertEquals("unscorable: weight missing", rule(a));
        assertEquals(Severity.INFO, only(a, FindingCode.MISSING_FIELD, "indicators.weight").severity());
        assertTrue(a.findings().stream().noneMatch(f -> f.field().startsWith("indicators[")), a.findings().toString());
        assertTrue(a.findings().stream().noneMatch(f -> f.code().equals(FindingCode.WEIGHT_SUM_MISMATCH.id())),
                a.findings().toString());
    }

    // ---- reported score checks ----

    @Test
    void scoreAboveItsWeightIsAnError() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(qty("10", "个")).actual(qty("10", "个"))
                .scored("10", "12"));
        Finding f = only(a, FindingCode.SCORE_EXCEEDS_WEIGHT);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("12", f.reported());
        assertEquals("10", f.computed());
    }

    @Test
    void negativeScoreIsAnError() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(relative("同比提高")).actual(text("提高了"))
                .scored("10", "-1"));
        assertEquals(Severity.ERROR, only(a, FindingCode.SCORE_NEGATIVE).severity());
    }

    @Test
    void scoreOffByMoreThanTheToleranceIsAnError() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "内部审计抽查项目数").target(qty("80", "个"))
                .actual(qty("52", "个")).scored("3", "2.5"));
        Finding f = only(a, FindingCode.INDICATOR_SCORE_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("indicators[1].score", f.field());
        assertEquals("2.5", f.reported());
        assertEquals("1.95", f.computed());
        assertTrue(f.message().contains("3 × min(52 / 80, 1)"), f.message());
    }

    @Test
    void scoreOffByRoundingIsAWarning() {
        // Seed 004-B 招标文件印制数量: 1 x 1284/2400 = 0.535 -> 0.54, reported 0.53.
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "招标文件印制数量").target(qty("8280", "本"))
                .adjusted(qty("2400", "本")).actual(qty("1284", "本")).scored("1", "0.53"));
        Finding f = only(a, FindingCode.INDICATOR_SCORE_MISMATCH);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("0.54", f.computed());
    }

    @Test
    void missingReportedScoreIsAMissingField() {
        Assessment a = assess(indicator(OUTPUT, QUANTITY, "x").target(qty("10", "个")).actual(qty("10", "个"))
                .weight("5"));
        assertEquals("5.00", shown(one(a).scoreComputed()));
        assertEquals(Severity.WARNING, only(a, FindingCode.MISSING_FIELD, "indicators[1].score").severity());
    }

    private Assessment assess(TestForms.IndicatorBuilder indicator) {
        return scorer.assess(form().indicator(indicator).build());
    }

    private static IndicatorAssessment one(Assessment a) {
        return a.forIndicator(1).orElseThrow();
    }

    private static String rule(Assessment a) {
        return one(a).rule();
    }
}
