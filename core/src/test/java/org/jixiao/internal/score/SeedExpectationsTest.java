package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.model.Assessment;
import org.jixiao.model.Comparator;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FundKind;
import org.jixiao.model.Measure;
import org.jixiao.model.NarrativeFigure;
import org.jixiao.model.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.jixiao.internal.score.TestForms.assertNone;
import static org.jixiao.internal.score.TestForms.date;
import static org.jixiao.internal.score.TestForms.findings;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outcomes DOMAIN.md §6 and issue 5 expect on the four seed forms, on records built by hand
 * from {@code src/test/resources/corpus/<folder>/expected.json} (measures as a parser should read them).
 */
class SeedExpectationsTest {

    private static final String OUT = "产出指标";
    private static final String BEN = "效益指标";
    private static final String SAT = "满意度指标";
    private static final String SAT2 = "服务对象满意度指标";

    private final Scorer scorer = new Scorer(RuleProfile.builtIn("shanxi-2020").orElseThrow(), TestForms.DICTIONARY);

    // ---- 000 信息化运行维护费 (shanxi-2020-it-ops) ----

    private static TestForms.FormBuilder itOps() {
        return shanxiLines(form().name("信息化运行维护费")
                .funds("17049.23", "17049.23", "11601.09", "68.04", "10", "8.95"), "17049.23", "17049.23", "11601.09")
                .indicator(indicator(OUT, "数量指标", "运维项目数")
                        .target(qty("大于等于350个", Comparator.GE, "350", "个")).actual(pct("100")).scored("11.25", "11.25"))
                .indicator(indicator(OUT, "质量指标", "异常处理能力")
                        .target(labelled("异常响应时间≤1小时", "异常响应时间", Comparator.LE, "1", "小时"))
                        .actual(pct("100")).scored("11.25", "11.25"))
                .indicator(indicator(OUT, "时效指标", "项目完成时间").target(date("2021年6月底", 2021, 6, 30))
                        .actual(none()).scored("11.25", "0"))
                .indicator(indicator(OUT, "成本指标", "平均运维成本")
                        .target(qty("小于48.71万元", Comparator.LT, "48.71", "万元")).actual(pct("100")).scored("11.25", "11.25"))
                .indicator(indicator(BEN, "经济效益", "促进政务集约化运维效果").target(word("显著", 1))
                        .actual(pct("100")).scored("11.25", "11.25"))
                .indicator(indicator(BEN, "社会效益", "年故障（业务中断）时间")
                        .target(qty("小于等于12小时", Comparator.LE, "12", "小时")).actual(pct("100")).scored("11.25", "11.25"))
                .indicator(indicator(BEN, "可持续影响指标", "运维服务质量的提升程度").target(word("明显", 1))
                        .actual(pct("50")).scored("11.25", "5.63"))
                .indicator(indicator(SAT, SAT2, SAT2)
                        .target(labelled("主服务投诉事件≤3件", "主服务投诉事件", Comparator.LE, "3", "件"))
                        .actual(pct("100")).scored("11.25", "11.25"))
                .totalWeight("100").total("82.08");
    }

    @Test
    void itOpsBudgetScoreTotalAndGradeDisagreeWithTheRules() {
        Assessment a = scorer.assess(itOps().build());

        assertEquals("68.04", shown(a.executionRateComputed()));
        assertNone(a, FindingCode.EXECUTION_RATE_MISMATCH);
        Finding budget = only(a, FindingCode.BUDGET_SCORE_MISMATCH);
        assertEquals(Severity.ERROR, budget.severity());
        assertEquals("8.95", budget.reported());
        assertEquals("6.80", budget.computed());

        assertEquals("79.93", shown(a.totalScoreComputed()));
        assertNone(a, FindingCode.TOTAL_MISMATCH); // 8.95 + 73.13 = 82.08: the form's own sum holds
        Finding total = only(a, FindingCode.TOTAL_RECOMPUTED_MISMATCH);
        assertEquals("82.08", total.reported());
        assertEquals("79.93", total.computed());

        assertEquals(Optional.of("中"), a.gradeComputed());
        Finding grade = only(a, FindingCode.GRADE_MISMATCH);
        assertEquals("grade_computed", grade.field());
        assertEquals("良", grade.reported());
        assertEquals("中", grade.computed());
        assertEquals(Severity.ERROR, grade.severity());

        assertEquals("100.00", shown(a.weightSum()));
        assertNone(a, FindingCode.WEIGHT_SUM_MISMATCH);
        assertNone(a, FindingCode.FUNDS_SUM_MISMATCH);
    }

    @Test
    void itOpsIndicatorsAgreeExceptTheMissingActual() {
        Assessment a = scorer.assess(itOps().build());
        assertEquals("completion", a.forIndicator(7).orElseThrow().rule());
        assertEquals(0, new BigDecimal("5.625").compareTo(a.forIndicator(7).orElseThrow().scoreComputed().orElseThrow()));
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
        assertEquals("unscorable: actual missing", a.forIndicator(3).orElseThrow().rule());
        assertEquals("indicators[3].actual", only(a, FindingCode.ACTUAL_MISSING).field());
        assertEquals(List.of("completion", "completion", "unscorable: actual missing", "completion", "completion",
                "completion", "completion", "completion"), a.indicators().stream().map(i -> i.rule()).toList());
    }

    // ---- 002 忻州市政府信息化建设经费 (xinzhou-2020-it-build) ----

    private static TestForms.FormBuilder xinzhou() {
        TestForms.FormBuilder f = form().name("忻州市政府信息化建设经费")
                .funds("3130.4", "2428.53", "2428.53", "100", "10", "0");
        String[][] rows = {
                {OUT, "数量指标", "1.各级各部门业务上云数2.信息资源融合部门数", "90", "90", "10"},
                {OUT, "质量指标", "1.建成统一的基础设施资源池2.建立全市信息资源共享体系", "91", "91", "10"},
                {OUT, "成本指标", "项目建设总费用按合同支付", "100", "100", "10"},
                {BEN, "经济效益", "节省开支率", "50", "50", "10"},
                {BEN, "社会效益", "提高办事效率", "70", "70", "10"},
                {BEN, "生态效益", "减少出行，提高空气质量率", "50", "50", "10"},
                {BEN, "可持续影响指标", "项目持续发挥作用", "90", "90", "10"},
                {SAT, SAT2, "业务使用部门以及群众满意度", "80", "80", "10"},
        };
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            f.indicator(indicator(r[0], r[1], r[2]).target(num(r[3])).actual(pct(r[4])).scored("10", r[5])
                    .completion("100.00%"));
            if (i == 1) {
                f.indicator(indicator(OUT, "时效指标", "保障全市各类信息系统安全、稳定、可靠地运行").target(word("持续", 1))
                        .actual(pct("95")).scored("10", "9.5").completion("95%"));
            }
        }
        return f.total("89.5").grade("良好")
                .narrative(NarrativeFigure.Kind.TOTAL_SCORE, "89.5")
                .narrative(NarrativeFigure.Kind.GRADE, "良好");
    }

    @Test
    void xinzhouBudgetScoreZeroAgainstAFullyExecutedBudget() {
        Assessment a = scorer.assess(xinzhou().build());
        assertEquals("100.00", shown(a.executionRateComputed()));
        Finding budget = only(a, FindingCode.BUDGET_SCORE_MISMATCH);
        assertEquals("0", budget.reported());
        assertEquals("10.00", budget.computed());
        assertEquals(Severity.ERROR, budget.severity());

        assertEquals("99.50", shown(a.totalScoreComputed()));
        Finding total = only(a, FindingCode.TOTAL_RECOMPUTED_MISMATCH);
        assertEquals("89.5", total.reported());
        assertEquals("99.50", total.computed());
        assertNone(a, FindingCode.TOTAL_MISMATCH);

        assertEquals(Optional.of("优"), a.gradeComputed());
        Finding grade = only(a, FindingCode.GRADE_MISMATCH);
        assertEquals("良好", grade.reported());
        assertEquals("优", grade.computed());

        assertEquals(Severity.INFO, only(a, FindingCode.BUDGET_CHANGED).severity());
        assertEquals("100.00", shown(a.weightSum()));
        assertNone(a, FindingCode.WEIGHT_SUM_MISMATCH);
        assertNone(a, FindingCode.NARRATIVE_FIGURE_MISMATCH);
    }

    @Test
    void xinzhouRowsUseTheirCompletionRateColumn() {
        Assessment a = scorer.assess(xinzhou().build());
        assertTrue(a.indicators().stream().allMatch(i -> i.rule().equals("completion_reported")), a.indicators()::toString);
        assertEquals("9.50", shown(a.forIndicator(3).orElseThrow().scoreComputed()));
        assertNone(a, FindingCode.COMPLETION_RATE_MISMATCH);
        assertNone(a, FindingCode.INDICATOR_SCORE_MISMATCH);
    }

    // ---- 004-A 云资源租赁费 (shanxi-2020-cloud-rent) ----

    private static TestForms.FormBuilder cloudRent() {
        return shanxiLines(form().name("云资源租赁费")
                .funds("378.65", "378.65", "269.78", "71.25", "10", "7.12"), "378.65", "378.65", "269.78")
                .goals(null, "2020年度，云资源租赁服务运行稳定")
                .indicator(indicator(OUT, "数量指标", "平均日维护数（次/日）").target(qty(Comparator.GE, "1", "次"))
                        .actual(pct("100")).scored("9", "9"))
                .indicator(indicator(OUT, "质量指标", "异常处理能力（%）").target(pct("100")).actual(pct("100")).scored("9", "9"))
                .indicator(indicator(OUT, "时效指标", "业务处理及时性").target(pct(Comparator.GE, "98"))
                        .actual(pct("100")).scored("9", "9"))
                .indicator(indicator(OUT, "成本指标", "项目成本与同类项目类比").target(pct("100")).actual(pct("100"))
                        .scored("9", "9"))
                .indicator(indicator(BEN, "经济效益", "系统建设完成后运维费用的合理性").target(pct("100")).actual(pct("100"))
                        .scored("9", "9"))
                .indicator(indicator(BEN, "社会效益", "年故障（业务中断）时间").target(qty(Comparator.LE, "12", "小时"))
                        .actual(pct("100")).scored("9", "9"))
                .indicator(indicator(BEN, "可持续影响指标", "系统建设对政务公开的促进程度").target(pct("95")).actual(pct("95"))
                        .scored("9", "9"))
                .indicator(indicator(SAT, SAT2, "通用设备运行（或应用软件）的满意率").target(pct("100")).actual(pct("100"))
                        .scored("9", "9"))
                .indicator(indicator(SAT, SAT2, "第三方服务满意度").target(pct(Comparator.GE, "95")).actual(pct("100"))
                        .scored("9", "9"))
                .indicator(indicator(SAT, SAT2, "服务对象满意度（%）").target(pct("90")).actual(pct("90")).scored("9", "9"))
                .totalWeight("100").total("97.12")
                .narrative(NarrativeFigure.Kind.EXECUTION_RATE, "71.24");
    }

    @Test
    void cloudRentHasNoErrorAndATruncatedRateInItsProse() {
        Assessment a = scorer.assess(cloudRent().build());
        assertEquals(List.of(), a.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
        assertEquals("7.12", shown(a.budgetScoreComputed()));
        assertEquals("97.12", shown(a.totalScoreComputed()));
        assertEquals(Optional.of("优"), a.gradeComputed());

        Finding prose = only(a, FindingCode.NARRATIVE_FIGURE_MISMATCH);
        assertEquals(Severity.INFO, prose.severity());
        assertEquals("71.24", prose.reported());
        assertEquals("71.25", prose.computed());
        assertEquals("goals.expected", only(a, FindingCode.GOAL_TEXT_MISSING).field());
    }

    // ---- 004-B 业务专项经费 (shanxi-2020-trading-center) ----

    private static TestForms.FormBuilder tradingCenter() {
        TestForms.FormBuilder f = shanxiLines(form().name("业务专项经费")
                .funds("735.59", "675.92", "493.49", "73.01", "10", "7.3"), "735.59", "675.92", "493.49");
        String q = "数量指标";
        f.indicator(indicator(OUT, q, "开展业务调研次数").target(qty("10", "次")).actual(qty("6", "次")).scored("1", "0.6"));
        f.indicator(indicator(OUT, q, "完成公告信息推送数量").target(qty("1725", "次")).adjusted(qty("500", "次"))
                .actual(qty("391", "次")).scored("0.5", "0.39"));
        f.indicator(indicator(OUT, q, "购置LED显示屏").target(qty("20", "平方米")).actual(qty("33.82", "平方米"))
                .scored("5", "5"));
        f.indicator(indicator(OUT, q, "完成核对、下载、刻录开评标现场音像资料").target(qty("4140", "次"))
                .adjusted(qty("1000", "次")).actual(qty("934", "次")).scored("0.5", "0.47"));
        f.indicator(indicator(OUT, q, "招标文件印制数量").target(qty("8280", "本")).adjusted(qty("2400", "本"))
                .actual(qty("1284", "本")).scored("1", "0.53"));
        f.indicator(indicator(OUT, q, "购买档案托管服务").target(qty("1", "年")).actual(qty("1", "年")).scored("2", "2"));
        f.indicator(indicator(OUT, q, "内部审计抽查项目数").target(qty("80", "个")).actual(qty("52", "个")).scored("3", "1.95"));
        f.indicator(indicator(OUT, q, "购置专家身份识别设备").target(qty("1", "套")).actual(qty("1", "套")).scored("5", "5"));
        f.indicator(indicator(OUT, q, "完成政府集中采购项目开评标次数").target(qty("690", "次")).adjusted(qty("200", "次"))
                .actual(qty("166", "次")).scored("2", "1.66"));
        f.indicator(indicator(OUT, q, "完成专家咨询、论证次数").target(qty("20", "次")).actual(qty("4", "次")).scored("1", "0.2"));
        f.indicator(indicator(OUT, q, "内部审计财务收支情况").target(qty("1", "次")).actual(qty("1", "次")).scored("1", "1"));
        f.indicator(indicator(OUT, q, "组织业务培训次数").target(qty("2", "次")).actual(qty("2", "次")).scored("1", "1"));
        f.indicator(indicator(OUT, q, "购置密集架").target(qty("100", "个")).actual(qty("15", "个")).scored("0.5", "0.08"));
        f.indicator(indicator(OUT, q, "聘请法律顾问服务").target(qty("1", "年")).actual(qty("1", "年")).scored("1", "1"));
        f.indicator(indicator(OUT, q, "批量购置桌椅等其他设备").target(qty("1", "批")).actual(qty("1", "批")).scored("5", "5"));
        f.indicator(indicator(OUT, q, "购置资料推车").target(qty("50", "个")).actual(qty("0", "个")).scored("0.5", "0"));
        f.indicator(indicator(OUT, "质量指标", "政府采购项目废标率").target(relative("同比下降5%")).actual(pct("100"))
                .scored("1", "1"));
        f.indicator(indicator(OUT, "时效指标", "档案归档及时率").target(pct("90")).actual(pct("90")).scored("2", "2"));
        f.indicator(indicator(OUT, "时效指标", "内部审计完成率").target(pct("90")).actual(pct("100")).scored("2", "2"));
        f.indicator(indicator(OUT, "时效指标", "政府集中采购项目按时完成率").target(pct("90")).actual(pct("100"))
                .scored("3", "3"));
        String c = "成本指标";
        f.indicator(indicator(OUT, c, "评审专家平均劳务报酬").target(qty("700", "元/人次")).actual(qty("700", "元/人次"))
                .scored("1", "1"));
        f.indicator(indicator(OUT, c, "密集架").target(qty("500", "元/个")).actual(qty("1250", "元/个")).scored("1", "1"));
        f.indicator(indicator(OUT, c, "专家身份识别设备").target(qty("550000", "元/套")).actual(qty("469000", "元/套"))
                .scored("1", "1"));
        f.indicator(indicator(OUT, c, "财务收支内部审计费用").target(formula("资产总额*5%")).actual(pct("100"))
                .scored("1", "1"));
        f.indicator(indicator(OUT, c, "资料推车").target(qty("400", "元/个")).actual(qty("400", "元/个")).scored("1", "1"));
        f.indicator(indicator(OUT, c, "核对、下载、刻录开评标现场音像资料").target(qty("15", "元/次"))
                .actual(qty("15", "元/次")).scored("1", "1"));
        f.indicator(indicator(OUT, c, "LED显示屏").target(qty("60000", "元/平方米")).actual(qty("33696.04", "元/平方米"))
                .scored("1", "1"));
        f.indicator(indicator(OUT, c, "公告信息推送").target(qty("15", "元/次")).actual(qty("15", "元/次")).scored("1", "1"));
        f.indicator(indicator(OUT, c, "法律顾问服务费").target(qty("100000", "元/年")).actual(qty("100000", "元/年"))
                .scored("1", "1"));
        f.indicator(indicator(OUT, c, "招标文件印制费").target(qty("0.8", "元/页")).actual(qty("0.8", "元/页")).scored("1", "1"));
        f.indicator(indicator(OUT, c, "抽查项目内部审计费用").target(qty("1000", "元/项目")).actual(qty("1000", "元/项目"))
                .scored("1", "1"));
        f.indicator(indicator(BEN, "经济效益", "财政资金节支率").target(relative("同比提高")).actual(pct("100"))
                .scored("15", "15"));
        f.indicator(indicator(BEN, "社会效益", "公共资源交易管理").target(text("更加有序")).actual(pct("100"))
                .scored("15", "15"));
        f.indicator(indicator(SAT, SAT2, "公共资源交易管理对象满意度").target(pct("80")).actual(pct("80")).scored("5", "5"));
        f.indicator(indicator(SAT, SAT2, "政府集中采购服务对象满意度").target(pct("80")).actual(pct("80")).scored("5", "5"));
        return f.totalWeight("100").total("93.18");
    }

    @Test
    void tradingCenterWeightsAndTotalDoNotAddUp() {
        Assessment a = scorer.assess(tradingCenter().build());
        assertEquals(35, a.indicators().size());

        Finding weights = only(a, FindingCode.WEIGHT_SUM_MISMATCH);
        assertEquals(Severity.ERROR, weights.severity());
        assertEquals("100", weights.reported());
        assertEquals("99", weights.computed());
        assertEquals("99.00", shown(a.weightSum()));

        Finding total = only(a, FindingCode.TOTAL_MISMATCH);
        assertEquals(Severity.ERROR, total.severity());
        assertEquals("93.18", total.reported());
        assertEquals("92.18", total.computed());
        assertTrue(only(a, FindingCode.TOTAL_RECOMPUTED_MISMATCH).message().contains("own parts add up to 92.18"));

        assertEquals("7.30", shown(a.budgetScoreComputed()));
        assertNone(a, FindingCode.BUDGET_SCORE_MISMATCH);
        assertEquals("91.58", shown(a.totalScoreComputed()));
        assertEquals(Optional.of("优"), a.gradeComputed());
        assertNone(a, FindingCode.GRADE_MISMATCH);
    }

    @Test
    void tradingCenterCostOverrunAndRoundingRow() {
        Assessment a = scorer.assess(tradingCenter().build());
        Finding overrun = only(a, FindingCode.COST_OVERRUN_FULL_SCORE);
        assertEquals("indicators[22].score", overrun.field());
        assertEquals("0.40", overrun.computed());
        assertEquals("reverse", a.forIndicator(22).orElseThrow().rule());

        List<Finding> mismatches = findings(a, FindingCode.INDICATOR_SCORE_MISMATCH);
        assertEquals(List.of("indicators[5].score", "indicators[22].score"),
                mismatches.stream().map(Finding::field).toList());
        Finding printing = mismatches.get(0);
        assertEquals(Severity.WARNING, printing.severity(), "0.535 reported as 0.53 is rounding-level");
        assertEquals("0.53", printing.reported());
        assertEquals("0.54", printing.computed());
        assertEquals(Severity.ERROR, mismatches.get(1).severity());

        assertEquals("positive: adjusted target", a.forIndicator(2).orElseThrow().rule());
        assertEquals("completion", a.forIndicator(17).orElseThrow().rule());
        assertEquals("completion", a.forIndicator(24).orElseThrow().rule());
    }

    // ---- helpers ----

    /** The six Shanxi funds lines, with every amount on the provincial line. */
    private static TestForms.FormBuilder shanxiLines(TestForms.FormBuilder f, String initial, String full, String executed) {
        return f.line(FundKind.TOTAL, "年度资金总额", initial, full, executed)
                .line(FundKind.CENTRAL, "其中：中央财政资金", "0", "0", "0")
                .line(FundKind.PROVINCIAL, "省级财政资金", initial, full, executed)
                .line(FundKind.MUNICIPAL, "市县(区)财政资金", "0", "0", "0")
                .line(FundKind.CARRYOVER, "上年结转资金", "0", "0", "0")
                .line(FundKind.OTHER, "其他资金", "0", "0", "0");
    }

    private static Measure labelled(String raw, String label, Comparator c, String value, String unit) {
        return new Measure(raw, Measure.Kind.QUANTITY, Optional.of(c), Optional.of(new BigDecimal(value)), unit, label,
                Optional.empty(), Optional.empty());
    }
}
