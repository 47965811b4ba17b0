package org.jixiao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.ProjectRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three real forms of the corpus that reached us as glued page text (cells run together with
 * no separator: Shanghai one row per line, Ningxia OCR'd with page counters, Hubei one line in
 * traditional characters with pinyin), read against their hand-read answers.
 */
class GluedTextTest {

    private static final Jixiao JIXIAO = Jixiao.withDefaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOLDERS = List.of("n-shanghai-2020-jiuting-town-construction",
            "n-ningxia-2021-yinchuan-school-funds", "s-hubei-2020-huanggang-soil-monitoring");

    @Test
    void theThreeGluedFormsReadAtNinetyNinePercentPrecisionAndEightyFivePercentRecall() throws IOException {
        FieldScore total = FieldScore.NONE;
        StringBuilder report = new StringBuilder();
        for (String folder : FOLDERS) {
            FieldScore s = FieldScore.of(answer(folder)).scored(FieldScore.of(read(folder)));
            report.append(folder).append(": ").append(s).append('\n');
            total = total.plus(s);
        }
        assertTrue(total.precision() >= 0.99 && total.recall() >= 0.85, "together " + total + "\n" + report);
    }

    @Test
    void aCellWithTwoReadingsIsBlankWithAnAmbiguousCellFindingHoldingTheText() throws IOException {
        ProjectRecord ningxia = read("n-ningxia-2021-yinchuan-school-funds");
        // 可行性2实际工作需求2: one text for two columns (指标值, 全年实际值); either could hold it.
        Indicator feasibility = ningxia.indicators().stream().filter(i -> i.level3().equals("可行性")).findFirst().orElseThrow();
        assertTrue(feasibility.target().isEmpty() && feasibility.actual().isEmpty(), feasibility.toString());
        assertEquals(2, feasibility.weight().orElseThrow().value().intValue());
        assertTrue(ningxia.readingFindings().stream().anyMatch(f -> f.code().equals("ambiguous_cell")
                && f.reported().contains("实际工作需求")), ningxia.readingFindings().toString());
    }

    @Test
    void aFigureOcrGarbledStaysBlankWithItsFindingAndNothingIsRepaired() throws IOException {
        ProjectRecord ningxia = read("n-ningxia-2021-yinchuan-school-funds");
        Indicator people = ningxia.indicators().stream().filter(i -> i.level3().equals("保障人数")).findFirst().orElseThrow();
        assertTrue(people.scoreReported().isEmpty(), "IO is not 10");
        assertEquals("2370人", people.target().orElseThrow().value());
        Finding io = ningxia.readingFindings().stream().filter(f -> f.reported().equals("IO")).findFirst().orElseThrow();
        assertEquals("ambiguous_cell", io.code());
        // Written as OCR gave it: 项Fl实施, M.8万元.
        assertTrue(ningxia.indicators().stream().anyMatch(i -> i.level2().equals("项Fl实施")));
        assertTrue(ningxia.indicators().stream().anyMatch(i -> i.target().map(t -> t.value().equals("M.8万元")).orElse(false)));
    }

    @Test
    void valuesOfGluedTextCiteTheirLine() throws IOException {
        ProjectRecord shanghai = read("n-shanghai-2020-jiuting-town-construction");
        Indicator first = shanghai.indicators().get(0);
        assertEquals("项目计划完成率", first.level3());
        // The file's line 18 (blank lines counted) holds 产出指标数量指标项目计划完成率100%100%1515.
        assertEquals("line 18", first.weight().orElseThrow().source().describe());
        assertEquals("line 18", first.target().orElseThrow().source().describe());
    }

    @Test
    void pageCountersOfASharingSiteAreDroppedAndTheRowTheyCutIsJoined() throws IOException {
        ProjectRecord hubei = read("s-hubei-2020-huanggang-soil-monitoring");
        // 进度指标取得2018-2022 / 2、监测资料100%100%10: the counter 2、 cut the indicator's name.
        assertTrue(hubei.indicators().stream().anyMatch(i -> i.level3().equals("取得2018-2022监测资料")),
                hubei.indicators().stream().map(Indicator::level3).toList().toString());
        assertEquals(Map.of("year", 2020, "total", "99.6"), Map.of("year", hubei.year().orElseThrow().value(),
                "total", hubei.totalScoreReported().orElseThrow().value().toPlainString()));
        // No 分值 column: the budget's weight is printed in the block's label, 项目预算执行情况(万元)(20分).
        assertEquals("20", hubei.funds().summary().budgetWeight().orElseThrow().value().toPlainString());
    }

    @Test
    void aRowThatScoredItsFullWeightLeavesTheWordsAfterItToTheNextName() {
        // 及时 begins a name here and is a value's word too (及时 is an actual): the row before scored
        // its full 10, so it has no shortfall to explain, and 及时 is no reason of its.
        String text = "绩效目标自评表(2022年度)项目名称水标尺安装工程主管部门县水利局实施单位县水利局"
                + "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10"
                + "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
                + "产出指标(90分)时效指标及时(按期)开工率45≥90%≥90%45及时(按期)完工率45≥90%≥90%45总分100100";
        FileResult result = processText("glued-row.txt", text);
        ProjectRecord form = result.records().get(0).record();

        assertEquals(List.of("及时(按期)开工率", "及时(按期)完工率"), form.indicators().stream().map(Indicator::level3).toList());
        assertTrue(form.readingFindings().stream().noneMatch(f -> f.code().equals("ambiguous_cell")), form.readingFindings().toString());
    }

    @Test
    void aGluedTotalLineIsReadWhereOnlyOneSplitGivesItsRateAndAWanUnitIsOneUnit() {
        // 310.2154.741050%5 under 年初预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 得分计算方法: only
        // 310.2 | 154.74 | 10 | 50% | 5 makes the rate executed ÷ budget; a reading that leaves an
        // amount empty must not escape that check, and the 得分计算方法 column holds no amount.
        String text = "项目支出绩效自评表(2016年度)项目名称道路清扫保洁外包经费主管部门及代码街道办事处实施单位:城市运行服务中心"
                + "项目资金(万元)年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法"
                + "年度资金总额:310.2154.741050%5执行率*该指标分值,最高不得超过分值上限。"
                + "绩效指标一级指标二级指标三级指标分值年度指标值(A)全年实际值(B)得分未完成原因分析"
                + "产出指标数量指标道路保洁面积4520万平方米20万平方米45效益指标社会效益指标群众满意度4590%95%45总分10095";
        FileResult result = processText("glued-funds.txt", text);
        var funds = result.records().get(0).record().funds().summary();

        assertEquals(List.of("310.2", "154.74", "50", "10", "5"), List.of(
                funds.initialBudget().orElseThrow().value().toPlainString(),
                funds.executed().orElseThrow().value().toPlainString(),
                funds.executionRateReported().orElseThrow().value().toPlainString(),
                funds.budgetWeight().orElseThrow().value().toPlainString(),
                funds.budgetScoreReported().orElseThrow().value().toPlainString()));
        // 万平方米 is a unit of its own: 45 | 20万平方米 | 20万平方米 | 45, not two rows.
        Indicator area = result.records().get(0).record().indicators().get(0);
        assertEquals(List.of("道路保洁面积", "20万平方米", "20万平方米"),
                List.of(area.level3(), area.target().orElseThrow().value(), area.actual().orElseThrow().value()));
    }

    @Test
    void aRubricRowNamedAfterABlockIsARowNotTheBlock() {
        // 预算执行率 begins with 预算执行, a block (二级指标) of the evaluation rubric; with one
        // character left before its weight it is the row's name (no name is one character long).
        // In the rubric that row is the funds' score: weight 10 and score 9 are the budget's.
        String text = String.join("\n", "项目支出绩效自评表", "项目名称公共文化场馆免费开放补助",
                "一级指标二级指标三级指标分值指标解释/评分标准年度指标值实际完成值得分扣分原因",
                "项目管理(20分)资金管理资金到位率2.5资金到位率=实际到位资金/应到位资金×100%,得分=资金到位率×分值。100%100%2.5",
                "预算执行率10预算执行率=全年执行数/调整预算数×100%,得分=执行率×分值。100%90%9",
                "资金使用合规性2.5资金使用合规得满分,否则酌情扣分。资金使用合规资金使用合规2.5",
                "组织实施管理制度健全性5管理制度健全得满分,否则酌情扣分。管理制度健全制度基本健全4项目管理办法未及时修订,扣1分。",
                "合计2018");
        FileResult result = processText("glued-rubric.txt", text);
        ProjectRecord form = result.records().get(0).record();

        assertEquals(List.of("资金管理:资金到位率:2.5", "资金管理:资金使用合规性:2.5", "组织实施:管理制度健全性:5"),
                form.indicators().stream().map(i -> i.level2() + ":" + i.level3() + ":"
                        + i.weight().map(w -> w.value().toPlainString()).orElse("")).toList());
        var funds = form.funds().summary();
        assertEquals(List.of("10", "9"), List.of(funds.budgetWeight().orElseThrow().value().toPlainString(),
                funds.budgetScoreReported().orElseThrow().value().toPlainString()));
    }

    @Test
    void aFundsHeaderOfTwoRowsWithAmountsInYuanAndTheRateAsARatioIsRead() {
        // 预算数 spans 年初预算数 | 全年预算数 on the next line; amounts in 元 with thousands commas;
        // the rate as a ratio (1.00, and 1 on the part line). 1.0010 is 1.00 | 10: a weight of 10
        // scored at the full rate is 10, not 1.001 | 0.
        String text = String.join("\n", "项目支出绩效自评表", "项目名称森林防火物资储备及巡护经费", "单位:元",
                "项目资金分值预算数全年执行数执行率得分", "年初预算数全年预算数",
                "年度资金总额10689,803.40689,803.40689,803.401.0010",
                "其中:当年财政拨款—689,803.40689,803.40689,803.401—",
                "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
                "产出指标数量指标购置防火物资≥6批6批9090", "总分100100");
        FileResult result = processText("glued-yuan.txt", text);
        var funds = result.records().get(0).record().funds().summary();

        assertEquals(List.of("68.98034", "68.98034", "68.98034", "100", "10", "10"), List.of(
                funds.initialBudget().orElseThrow().value().stripTrailingZeros().toPlainString(),
                funds.fullYearBudget().orElseThrow().value().stripTrailingZeros().toPlainString(),
                funds.executed().orElseThrow().value().stripTrailingZeros().toPlainString(),
                funds.executionRateReported().orElseThrow().value().stripTrailingZeros().toPlainString(),
                funds.budgetWeight().orElseThrow().value().toPlainString(),
                funds.budgetScoreReported().orElseThrow().value().toPlainString()));
    }

    /** {@code text} converted as a UTF-8 page text named {@code name}. */
    private static FileResult processText(String name, String text) {
        return JIXIAO.process(new Source(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProjectRecord read(String folder) throws IOException {
        String name = "/corpus/glued/" + folder + "/raw.txt";
        try (InputStream in = GluedTextTest.class.getResourceAsStream(name)) {
            FileResult result = JIXIAO.process(new Source(folder + "/raw.txt", in.readAllBytes()));
            assertTrue(result.failure().isEmpty(), () -> folder + ": " + result.failures());
            return result.records().get(0).record();
        }
    }

    private static JsonNode answer(String folder) throws IOException {
        try (InputStream in = GluedTextTest.class.getResourceAsStream("/corpus/glued/" + folder + "/expected.json")) {
            return JSON.readTree(in);
        }
    }
}
