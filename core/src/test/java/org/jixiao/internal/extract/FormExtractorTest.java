package org.jixiao.internal.extract;

import org.jixiao.Source;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.internal.read.Readers;
import org.jixiao.model.Document;
import org.jixiao.model.Failure;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.Sourced;
import org.jixiao.model.Stage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormExtractorTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final FormExtractor EXTRACTOR =
            new FormExtractor(HeadingDictionary.load(NORMALIZER), new MeasureParser());

    private static Result<ExtractedForms> extract(String name, byte[] bytes) {
        Document d = ((Result.Ok<Document>) Readers.withDefaults().read(new Source(name, bytes))).value();
        return EXTRACTOR.extract(NORMALIZER.apply(d), "k");
    }

    private static List<ProjectRecord> extractFixture(String resource) throws IOException {
        try (InputStream in = FormExtractorTest.class.getResourceAsStream(resource)) {
            Result<ExtractedForms> r = extract(resource, in.readAllBytes());
            return ((Result.Ok<ExtractedForms>) r).value().records();
        }
    }

    @Test
    void findsBothFormsOfSeed004AndNumbersThem() throws IOException {
        List<ProjectRecord> forms = extractFixture("/corpus/seeds/004_562d28581a714b1e.txt");

        assertEquals(2, forms.size());
        assertEquals("k-1", forms.get(0).recordId());
        assertEquals("云资源租赁费", forms.get(0).projectName().orElseThrow().value());
        assertEquals("k-2", forms.get(1).recordId());
        assertEquals("业务专项经费", forms.get(1).projectName().orElseThrow().value());
        assertEquals(2020, forms.get(1).year().orElseThrow().value());
    }

    @Test
    void readsTheReportOnceAndTakesItsBudgetRowIntoFunds() throws IOException {
        List<ProjectRecord> forms = extractFixture("/corpus/seeds/002_e50b47335a0e3ea5.txt");

        assertEquals(1, forms.size(), "the annex repeats the section tables: one form");
        ProjectRecord r = forms.get(0);
        assertEquals(9, r.indicators().size(), "the 预算执行率 row is not an indicator");
        assertEquals(0, r.funds().summary().budgetScoreReported().orElseThrow().value().signum());
        assertNumber("2428.53", r.funds().summary().executed());
        assertEquals("良好", r.gradeReported().orElseThrow().value());
        assertNumber("89.5", r.totalScoreReported());
    }

    @Test
    void flatTextExportKeepsTheLineOfEveryValue() throws IOException {
        List<ProjectRecord> forms = extractFixture("/corpus/shanxi-2020-trading-center/form.txt");

        Indicator first = forms.get(0).indicators().get(0);
        assertEquals("开展业务调研次数", first.level3());
        // LibreOffice's text export holds one cell per line: line 76 names the indicator, line 78 its actual.
        assertEquals("table 1, row 76, col 1", first.source().describe());
        assertEquals("table 1, row 78, col 1", first.actual().orElseThrow().source().describe());
        assertEquals(35, forms.get(0).indicators().size());
    }

    @Test
    void carriesLevelsAcrossATableSplitOverTwoPages() throws IOException {
        List<ProjectRecord> forms = extractFixture("/corpus/shanxi-2020-trading-center/split-table.docx");

        Indicator ninth = forms.get(0).indicators().get(8);
        assertEquals("完成政府集中采购项目开评标次数", ninth.level3());
        assertEquals("产出指标", ninth.level1());
        assertEquals("数量指标", ninth.level2());
    }

    @Test
    void aDocumentWithoutFormFailsWithNoForm() {
        Result<ExtractedForms> r = extract("notes.txt",
                "会议纪要\n\n今天讨论了预算执行率的问题。\n".getBytes(StandardCharsets.UTF_8));

        Failure f = assertInstanceOf(Result.Failed.class, r).failure();
        assertEquals(Stage.EXTRACT, f.stage());
        assertEquals("extract.no_form", f.code());
        assertEquals("no performance self-evaluation form found: no indicator table (a header row naming the "
                + "indicator and its target, actual, weight or score)", f.message());
    }

    @Test
    void aDocumentNamingProjectsWithoutTheirTablesSaysHowManyPartsItSaw() {
        Result<ExtractedForms> r = extract("names.txt",
                "项目名称:甲项目\n说明文字\n\n项目名称:乙项目\n说明文字\n".getBytes(StandardCharsets.UTF_8));

        Failure f = assertInstanceOf(Result.Failed.class, r).failure();
        assertEquals("extract.no_form", f.code());
        assertTrue(f.message().endsWith("; 2 parts of the document name a project, and none holds one"), f.message());
    }

    @Test
    void anIndicatorRowThatFitsNoReadingIsLeftOutWithAFindingAndTheFormKept() {
        String form = String.join("\n",
                "项目名称\t\t测试项目",
                "一级指标\t二级指标\t三级指标\t年度指标值\t调整后指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
                "产出指标\t数量指标\t运维项目数\t350个\t100%\t十\t5\t甲\t乙\t5\t5",
                "\t\t培训人数\t100人\t\t100人\t10\t10",
                "");
        Result<ExtractedForms> r = extract("bad.txt", form.getBytes(StandardCharsets.UTF_8));

        ProjectRecord record = ((ExtractedForms) assertInstanceOf(Result.Ok.class, r).value()).records().get(0);
        assertEquals(List.of("培训人数"), each(record, Indicator::level3));
        Finding finding = record.readingFindings().stream()
                .filter(x -> x.code().equals("indicator_row_unreadable")).findFirst().orElseThrow();
        assertEquals("table 1, row 3, col 1", finding.source().orElseThrow().describe());
    }

    @Test
    void aHeaderWithoutTargetOrActualIsATemplateNoFamilyExplains() {
        String form = String.join("\n",
                "项目名称\t\t测试项目",
                "一级指标\t二级指标\t三级指标\t分值\t得分",
                "产出指标\t数量指标\t运维项目数\t10\t10",
                "");
        Result<ExtractedForms> r = extract("odd.txt", form.getBytes(StandardCharsets.UTF_8));

        Failure f = assertInstanceOf(Result.Failed.class, r).failure();
        assertEquals("extract.template_unmatched", f.code());
        assertTrue(f.message().contains("三级指标"), f.message());
    }

    @Test
    void convertsAmountsInYuanToWanYuanExactly() {
        String form = String.join("\n",
                "项目名称\t\t测试项目",
                "项目资金(元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
                "年度资金总额\t387664.62\t400000\t3786500元\t10\t94.66%\t9.47",
                "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
                "产出指标\t数量指标\t运维项目数\t350个\t350个\t90\t90",
                "");
        Result<ExtractedForms> r = extract("yuan.txt", form.getBytes(StandardCharsets.UTF_8));

        var summary = ((Result.Ok<ExtractedForms>) r).value().records().get(0).funds().summary();
        assertEquals("38.766462", summary.initialBudget().orElseThrow().value().toPlainString());
        assertNumber("40", summary.fullYearBudget());
        assertNumber("378.65", summary.executed());
        assertEquals(0, new BigDecimal("94.66").compareTo(summary.executionRateReported().orElseThrow().value()),
                "a rate is not an amount");
        assertEquals(0, BigDecimal.TEN.compareTo(summary.budgetWeight().orElseThrow().value()), "nor is a weight");
    }

    @Test
    void readsFundLinesWhoseBlockLabelThePageDropped() {
        // Sichuan's 2023 form: 预算执行情况（10分） spans the funds lines on the left of the label
        // column's heading; a page's text keeps it in the header row only, so each line's label
        // and figures sit one column left of their headings.
        String form = String.join("\n",
                "部门预算项目支出绩效自评表(2023年度) | ||||||||||",
                "项目名称 | 测试项目 | |||||||||",
                "项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 | |||||||",
                "按要求购置电脑并支付资金。 | 完成 | |||||||||",
                "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||",
                "总额 | 2.00 | 3.36 | 3.20 | 95.24% | 10 | 9.5 | 1.预算执行率=预算执行数/调整后预算数 | |||",
                "其中:财政资金 | 2.00 | 3.36 | 3.20 | 95.24% | / | / | ||||",
                "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |",
                "产出指标 | 数量指标 | 购置电脑台数 | ≥ | 13 | 台 | 13 | 90 | 90 | ||",
                "");
        Result<ExtractedForms> r = extract("sichuan-2023.txt", form.getBytes(StandardCharsets.UTF_8));

        var summary = ((Result.Ok<ExtractedForms>) r).value().records().get(0).funds().summary();
        assertNumber("2.00", summary.initialBudget());
        assertNumber("3.36", summary.fullYearBudget());
        assertNumber("3.20", summary.executed());
        assertNumber("95.24", summary.executionRateReported());
        assertEquals(0, BigDecimal.TEN.compareTo(summary.budgetWeight().orElseThrow().value()));
        assertNumber("9.5", summary.budgetScoreReported());
        // Its goals header opens with 项目基本情况, not 年度总体目标.
        var goals = ((Result.Ok<ExtractedForms>) r).value().records().get(0).goals();
        assertEquals("按要求购置电脑并支付资金。", goals.expected().orElseThrow().value());
        assertEquals("完成", goals.achieved().orElseThrow().value());
    }

    @Test
    void takesTheComparatorFromTheDirectionColumnBesideANatureColumn() {
        // The 2024 form of the budget-management system (Inner Mongolia): 指标性质 holds 正向 or
        // 反向, 指标方向 the comparator. The first row keeps its empty cells, so it is read by
        // column; the others lost them on the page and are aligned by what each cell reads as.
        String form = String.join("\n",
                "项目支出绩效自评表 (2024年度) | |||",
                "项目名称 | 自然资源业务支出项目 | |||",
                "主管部门 | 市自然资源局 | 实施单位 | 市自然资源局口岸分局 |",
                "项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率(%) | 得分 |",
                "年度资金总额 | 0 | 2.38 | 2.38 | 10 | 100 | 10 |",
                "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 年度指标值 | 实际完成值 | 计量单位 | 分值 | 得分 | 偏差原因分析及改进措施 |",
                " | 产出指标 | 数量指标 | 租车次数 | 正向 | 大于等于 | 1 | 1 | 次 | 45 | 45 | |",
                "宣传品制作个数 | 反向 | 小于等于 | 2 | 1 | 个 | 45 | 45 |",
                "总分 | 100 | 100 |",
                "");
        ProjectRecord p = firstRecord("inner-mongolia-2024.txt", form);
        assertEquals(List.of("大于等于1次", "小于等于2个"),
                each(p, i -> i.target().orElseThrow().value()),
                "正向 and 反向 are no comparators");
        assertEquals(List.of("1次", "1个"), each(p, i -> i.actual().orElseThrow().value()));
    }

    @Test
    void dropsADirectionWordFromTheTargetWhereTheNatureColumnHoldsNoComparator() {
        String form = String.join("\n",
                "项目支出绩效自评表 (2023年度) | |||",
                "项目名称 | 业务支出项目 | |||",
                "项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率(%) | 得分 |",
                "年度资金总额 | 10 | 10 | 10 | 10 | 100 | 10 |",
                "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 年度指标值 | 实际完成值 | 计量单位 | 分值 | 得分 |",
                " | 产出指标 | 数量指标 | 培训人次 | 正向 | 100 | 120 | 人次 | 45 | 45 |",
                " | 产出指标 | 成本指标 | 人均培训成本 | 反向 | 800 | 760 | 元 | 45 | 45 |",
                "总分 | 100 | 100 |",
                "");
        ProjectRecord p = firstRecord("nature-column.txt", form);
        assertEquals(List.of("100人次", "800元"), each(p, i -> i.target().orElseThrow().value()));
    }

    @Test
    void saysATableThatEndsOnALevelHeadingWithoutATotalWasCutOff() {
        // A page's text that stops after a block's heading: no rows under it, no 总分.
        ProjectRecord cut = firstRecord("cut.txt", indicatorTable(
                "效益指标 | 社会效益指标 | 受益人口数量 | 90人 | 90人 | 30 | 30 |",
                "满意度指标 |"));
        Finding f = cut.readingFindings().stream()
                .filter(x -> x.code().equals("indicator_table_cut_off")).findFirst().orElseThrow();
        assertEquals("满意度指标", f.reported());
        assertTrue(f.message().contains("2 indicators read"), f.message());

        // The same heading left empty by the form, its 总分 below: the table is whole.
        ProjectRecord whole = firstRecord("cut.txt", indicatorTable(
                "效益指标 | 社会效益指标 | 受益人口数量 | 90人 | 90人 | 30 | 30 |",
                "满意度指标 |",
                "总分 | 100 | 100 |"));
        assertTrue(whole.readingFindings().stream().noneMatch(x -> x.code().equals("indicator_table_cut_off")));
    }

    @Test
    void aRowOfLevelNamesWithoutAnIndicatorHeadsTheRowsBelow() {
        // 效益指标 | 经济效益指标 with its rows left as filler, then a row under 社会效益指标.
        ProjectRecord p = firstRecord("cut.txt", indicatorTable(
                "效益指标 | 经济效益指标 |",
                "…… | …… |",
                "社会效益指标 | 居民健康素养水平 | 有效提升 | 基本达成 | 40 | 34 |",
                "总分 | 100 | 94 |"));

        Indicator second = p.indicators().get(1);
        assertEquals("效益指标", second.level1());
        assertEquals("社会效益指标", second.level2());
        assertTrue(p.readingFindings().stream().noneMatch(x -> x.code().equals("indicator_table_cut_off")));
    }

    @Test
    void readsAFundsHeaderWhoseSpanOverTheTwoBudgetsThePageLost() {
        // 预算数 spans 年初预算数 | 全年预算数 in the grid; the page's text numbers each row from its
        // first cell, so only the names tell that the second row stands under 预算数.
        ProjectRecord p = firstRecord("form.txt", String.join("\n",
                "项目支出绩效自评表 (2022年度) |",
                "项目名称 | 村道维修项目 |",
                "项目资金（万元） | 分值 | 预算数 | 全年执行数 | 执行率 | 得分 |",
                "年初预算数 | 全年预算数 |",
                "年度资金总额 | 10 | 60 | 64 | 48 | 75% | 7.5 |",
                "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                " | 产出指标 | 数量指标 | 维修里程 | 12公里 | 12公里 | 90 | 90 |",
                "总分 | 100 | 97.5 |",
                ""));

        var funds = p.funds().summary();
        assertNumber("60", funds.initialBudget());
        assertNumber("64", funds.fullYearBudget());
        assertNumber("48", funds.executed());
        assertNumber("75", funds.executionRateReported());
        assertEquals(0, BigDecimal.TEN.compareTo(funds.budgetWeight().orElseThrow().value()));
        assertNumber("7.5", funds.budgetScoreReported());
    }

    @Test
    void readsTheYearThatSingleSpacedRowsCutAtItsSpace() {
        ProjectRecord p = firstRecord("form.txt", String.join("\n",
                "就业技能培训补贴资金项目支出绩效自评表",
                "（2019 年度）",
                "项目名称 就业技能培训补贴资金",
                "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
                "年度资金总额 120 120 114 10 95% 9.5",
                "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
                "产出指标 数量指标 培训人数 ≥100人次 120人次 45 45",
                "质量指标 培训合格率 ≥95% 98% 45 45",
                "总分 100 99.5",
                ""));

        assertEquals(2019, p.year().orElseThrow().value());
        assertEquals(2, p.indicators().size(), "the rows are read as single-spaced cells");
    }

    /** The first record extracted from {@code text}, read as a file called {@code name}. */
    private ProjectRecord firstRecord(String name, String text) {
        Result<ExtractedForms> r = extract(name, text.getBytes(StandardCharsets.UTF_8));
        return ((Result.Ok<ExtractedForms>) r).value().records().get(0);
    }

    /**
     * A form as a page's text with a cell per line and its empty cells gone: the head of a
     * national form for {@code project} (its funds fully spent), then {@code cells}.
     */
    private static String cellsForm(String project, String... cells) {
        List<String> lines = new ArrayList<>(List.of("项目支出绩效自评表", "（2021年度）", "项目名称", project,
                "主管部门", "县水利局", "实施单位", "县供水站",
                "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
                "年度资金总额", "100", "100", "100", "10", "100%", "10"));
        lines.addAll(List.of(cells));
        return String.join("\n", lines) + "\n";
    }

    /** {@code expected} and the figure read, as numbers (12.50 is 12.5). */
    private static void assertNumber(String expected, Optional<Sourced<BigDecimal>> read) {
        assertEquals(0, new BigDecimal(expected).compareTo(read.orElseThrow().value()), () -> "read " + read);
    }

    /** {@code field} of every indicator of {@code record}, in order. */
    private static <T> List<T> each(ProjectRecord record, Function<Indicator, T> field) {
        return record.indicators().stream().map(field).toList();
    }

    /** A national form whose indicator table holds one 产出 row and then {@code rows}. */
    private static String indicatorTable(String... rows) {
        return String.join("\n",
                "项目支出绩效自评表 (2022年度) | |",
                "项目名称 | 村道维修项目 | |",
                "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                " | 产出指标 | 数量指标 | 维修里程 | 12公里 | 12公里 | 60 | 60 |",
                String.join("\n", rows),
                "");
    }

    @Test
    void readsTheIndicatorHeaderAfterAGoalsHeaderWhoseTextsStandApart() {
        // Single-spaced rows; the goal texts, one long line of prose, are no row of the table.
        String form = String.join("\n",
                "项目名称 云资源租赁费",
                "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
                "年度资金总额 378.65 378.65 269.78 10 71.25 7.12",
                "年度总体目标 预期目标 实际完成情况",
                "系统建设完成后运维费用的合理性:100%;业务处理及时性:≥98%;年故障(业务中断)时间:≤12小时;第三方服务满意度:≥95%",
                "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "产出指标 数量指标 平均日维护数 ≥1次 100% 45 45",
                "质量指标 异常处理能力 100% 100% 45 45",
                "总分 100 97.12",
                "");
        ProjectRecord p = firstRecord("goals-apart.txt", form);
        assertEquals(List.of("平均日维护数", "异常处理能力"), each(p, Indicator::level3));
        assertTrue(p.goals().expected().isEmpty() || !p.goals().expected().get().value().contains("指标"),
                "no heading is taken for a goal text");
    }

    @Test
    void readsAFormFlattenedOntoOneLineWhoseEmptyCellsLeftNoTrace() {
        // A document-sharing page's text of a .docx: the whole form on one line, cells separated by
        // single spaces, and the empty 偏差原因 cells gone, so each score is followed directly by
        // the next row's level name or indicator name.
        String form = String.join(" ",
                "项目支出绩效自评表 (2021年度) 项目名称 道路养护项目 主管部门 县交通运输局 实施单位 县公路养护中心",
                "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
                "年度资金总额: 120 120 114 10 95% 9.5 其中:本年财政拨款 120 120 114 上年结转资金 其他资金",
                "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "产出指标(50分) 数量指标 养护里程 ≥120公里 125公里 20 20",
                "质量指标 路面合格率 ≥95% 96% 15 15 验收合格率 100% 100% 15 15",
                "效益指标(30分) 社会效益指标 出行便利程度 明显提升 明显提升 30 30",
                "满意度指标(10分) 服务对象满意度指标 群众满意度 ≥90% 92% 10 10 总分 100 99.5") + "\n";
        ProjectRecord p = firstRecord("flattened.txt", form);
        assertEquals("道路养护项目", p.projectName().orElseThrow().value());
        assertEquals(List.of("数量指标/养护里程", "质量指标/路面合格率", "质量指标/验收合格率",
                        "社会效益指标/出行便利程度", "服务对象满意度指标/群众满意度"),
                each(p, i -> i.level2() + "/" + i.level3()));
        Indicator second = p.indicators().get(1);
        assertEquals("≥95%", second.target().orElseThrow().value());
        assertEquals("96%", second.actual().orElseThrow().value());
        assertNumber("15", second.weight());
        assertTrue(p.indicators().stream().allMatch(i -> i.deviationReason().isEmpty()),
                "no row's name is taken for the reason of the row before");
        var summary = p.funds().summary();
        assertNumber("114", summary.executed());
        assertNumber("9.5", summary.budgetScoreReported());
    }

    @Test
    void readsACellPerLineFormWhoseTwoRowHeaderIsOneRunOfHeadings() {
        // A page's text with every cell on a line of its own and the empty cells gone: the header's
        // second row (the level names under 绩效指标, 指标性质 | 指标值 | 度量单位 under 年度指标值)
        // follows its first row directly, and an empty reason leaves the next row's level name
        // right after the score.
        String form = cellsForm("卫片执法补助经费",
                "绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                "产出指标", "数量指标", "执法图斑核查数", "≥", "1000", "个", "1100个", "40", "40",
                "质量指标", "核查准确率", "=", "90", "%", "88%", "40", "38", "年初指标值设定偏高。",
                "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "92%", "10", "10",
                "总分", "100", "97");
        ProjectRecord p = firstRecord("cells.txt", form);
        assertEquals(List.of("执法图斑核查数", "核查准确率", "群众满意度"),
                each(p, Indicator::level3));
        assertEquals(List.of("≥1000个", "=90%", "≥90%"),
                each(p, i -> i.target().orElseThrow().value()));
        assertEquals(List.of("1100个", "88%", "92%"),
                each(p, i -> i.actual().orElseThrow().value()));
        Indicator second = p.indicators().get(1);
        assertNumber("40", second.weight());
        assertNumber("38", second.scoreReported());
        assertEquals("年初指标值设定偏高。", second.deviationReason().orElseThrow().value());
        assertTrue(p.indicators().get(0).deviationReason().isEmpty(), "the next row's level name is no reason");
    }

    @Test
    void readsACellPerLineDepartmentFormWhoseTasksOpenTheirRows() {
        // 年度主要任务 before the levels, written once for the rows its merged cell spans; no row has
        // a 复核分, and only some a reason, so a row ends where the next one begins.
        String form = String.join("\n", "部门整体支出绩效自评表", "（2021年度）", "部门名称", "县水利局",
                "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
                "年度资金总额", "200", "200", "190", "10", "95%", "9.5",
                "年度主要任务", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评分",
                "复核分", "偏差原因分析及改进措施",
                "保障机关正常运转", "产出指标", "数量指标", "办件量", "≥1000件", "1200件", "30", "30",
                "质量指标", "水质检测达标率", "≥95%", "96%", "30", "30", "无",
                "重点业务工作", "效益指标", "社会效益指标", "服务效率", "明显提升", "提升", "30", "28",
                "受疫情影响,部分工作延期。",
                "总分", "100", "97.5") + "\n";
        ProjectRecord p = firstRecord("department-cells.txt", form);
        assertEquals(List.of("办件量", "水质检测达标率", "服务效率"),
                each(p, Indicator::level3));
        assertEquals(List.of("保障机关正常运转", "保障机关正常运转", "重点业务工作"),
                each(p, i -> i.details().task().orElseThrow().value()));
        assertEquals(List.of("30", "30", "28"),
                each(p, i -> i.scoreReported().orElseThrow().value().toPlainString()));
        assertTrue(p.indicators().stream().allMatch(i -> i.details().reviewScore().isEmpty()), "no row states a 复核分");
        assertEquals("受疫情影响,部分工作延期。", p.indicators().get(2).deviationReason().orElseThrow().value());
    }

    @Test
    void readsACellPerLineGoalsTableWithoutWeightsOrScores() {
        // A 绩效目标 table (no 分值, no 得分) with a cell per line: a row ends at its actual, or at
        // its reason where one is written; with no figure to anchor a row, a sentence or a
        // section heading ends the table.
        String form = String.join("\n", "项目支出绩效自评表", "（2021年度）", "项目名称", "基本公共卫生服务",
                "主管部门", "县卫生健康委员会", "实施单位", "县疾控中心",
                "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率",
                "年度资金总额", "100", "100", "90", "90%",
                "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施",
                "产出指标", "数量指标", "建档人数", "162000人", "177140人",
                "管理人数", "7500人", "6252人", "部分资金年底到位,未能及时支出。",
                "质量指标", "接种率", "≥93%", "88.84%",
                "效益指标", "社会效益指标", "服务水平", "持续提高", "已达成",
                // The report goes on after the table: its lines are no rows.
                "3.分析评价申报内容是否与实际相符", "评价申报内容与实际相符,申报目标合理可行。",
                "(三)项目自评步骤及方法", "围绕绩效目标科学设定评价指标体系。") + "\n";
        ProjectRecord p = firstRecord("goals-cells.txt", form);
        assertEquals(List.of("建档人数", "管理人数", "接种率", "服务水平"),
                each(p, Indicator::level3));
        assertEquals(List.of("162000人", "7500人", "≥93%", "持续提高"),
                each(p, i -> i.target().orElseThrow().value()));
        assertEquals(List.of("177140人", "6252人", "88.84%", "已达成"),
                each(p, i -> i.actual().orElseThrow().value()));
        assertEquals("部分资金年底到位,未能及时支出。", p.indicators().get(1).deviationReason().orElseThrow().value());
        assertTrue(p.indicators().stream().allMatch(i -> i.weight().isEmpty() && i.scoreReported().isEmpty()));
    }

    @Test
    void readsACellPerLineSubRowThatStatesNoWeightOrScore() {
        // A 其中 row details its parent's target and actual; its empty 分值 and 得分 left no lines.
        String form = cellsForm("农村饮水安全工程",
                "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                "产出指标", "数量指标", "受益农村人口", "43000人", "49197人", "50", "50",
                "其中:一期", "21500人", "24598人",
                "质量指标", "水质检测达标率", "96%", "96%", "40", "40", "无",
                "总分", "100", "100");
        ProjectRecord p = firstRecord("sub-row-cells.txt", form);
        assertEquals(List.of("受益农村人口", "其中:一期", "水质检测达标率"),
                each(p, Indicator::level3));
        Indicator sub = p.indicators().get(1);
        assertTrue(sub.isSubRow(), "其中 details the row above");
        assertEquals("21500人", sub.target().orElseThrow().value());
        assertEquals("24598人", sub.actual().orElseThrow().value());
        assertEquals("质量指标", p.indicators().get(2).level2());
        assertNumber("40", p.indicators().get(2).weight());
    }

    @Test
    void readsACellPerLineTableThroughTheTemplateRowsLeftUnfilled() {
        // Rows the template printed and nobody filled (无 | / | / | /, …… | ……, a level alone), a
        // cell per line: they are no indicators, and the rows after them are read.
        String form = cellsForm("农村供水保障",
                "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                "产出指标", "数量指标", "新建集中供水工程", "≥34处", "37处", "30", "30", "无",
                "无", "/", "/", "/", "/",
                "时效指标", "项目完成时间", "2023年10月底前", "100%", "30", "30",
                "……", "……", "……",
                "效益指标", "生态效益指标",
                "社会效益指标", "政策知晓率", "90%", "90%", "30", "30",
                "总分", "100", "100");
        ProjectRecord p = firstRecord("filler-cells.txt", form);
        assertEquals(List.of("新建集中供水工程", "项目完成时间", "政策知晓率"),
                each(p, Indicator::level3));
        assertEquals("无", p.indicators().get(0).deviationReason().orElseThrow().value());
        assertTrue(p.indicators().get(1).deviationReason().isEmpty(), "an unfilled row's …… is no reason");
        assertEquals("社会效益指标", p.indicators().get(2).level2());
    }

    @Test
    void readsASingleSpacedFormWhoseHeadingsASpaceCutInTwo() {
        // Single spaces separate the cells, and also the two lines of a heading's or a level's cell
        // (一级 指标, 社会效益 指标).
        String form = String.join("\n",
                "项目支出绩效自评表",
                "（2020年度）",
                "项目名称 2020年省级自然资源卫片执法补助经费及执法监督能力建设",
                "主管部门 市自然资源局 实施单位 区自然资源局",
                "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
                "年度资金总额 7.29 7.29 7.29 10 100% 10",
                "绩效指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "一级 指标 二级 指标 三级指标 指标性质 指标值 度量单位",
                "产出指标 数量指标 执法补助经费 = 72890 元 72890 50 45",
                "效益指标 社会效益 指标 违法行为责停率 ≥ 95 % 95 40 36",
                "总分 100 91",
                "");
        ProjectRecord p = firstRecord("spaced.txt", form);
        // Too long for a table's lead-in, the name's line is a paragraph: a label, a space, a value.
        assertEquals("2020年省级自然资源卫片执法补助经费及执法监督能力建设", p.projectName().orElseThrow().value());
        assertEquals(List.of("数量指标/执法补助经费", "社会效益指标/违法行为责停率"),
                each(p, i -> i.level2() + "/" + i.level3()));
        assertEquals(List.of("=72890元", "≥95%"),
                each(p, i -> i.target().orElseThrow().value()));
        assertNumber("36", p.indicators().get(1).scoreReported());
    }

    @Test
    void readsASingleSpacedGoalsTableWhoseValuesAreWords() {
        // Daying's 绩效目标 table as a page's single-spaced rows: its values are words (至少全年完成2次宣传,
        // 已完成100%), few of them figures, and still each row is a table row, not glued text.
        String form = String.join("\n",
                "项目支出绩效自评表",
                "（2020年度）",
                "项目名称 双心及文明城市创建专项资金",
                "绩效指标 一级指标 二级指标 三级指标 指标值 实施进度",
                "项目决策 数量指标 宣传次数 至少全年完成2次宣传 已完成100%",
                "质量指标 创建质量 按质按量完成 已完成100%",
                "时效指标 全年 1-12月 已完成100%",
                "成本指标 成本 10万元 已完成100%",
                "项目效益 社会效益指标 提升全县消费者维权意识 不断提升 已完成100%",
                "");
        ProjectRecord p = firstRecord("spaced-goals.txt", form);
        assertEquals(List.of("宣传次数", "创建质量", "全年", "成本", "提升全县消费者维权意识"),
                each(p, Indicator::level3));
        assertEquals(List.of("至少全年完成2次宣传", "按质按量完成", "1-12月", "10万元", "不断提升"),
                each(p, i -> i.target().orElseThrow().value()));
        assertTrue(p.indicators().stream().allMatch(i -> i.actual().orElseThrow().value().equals("已完成100%")));
    }

    @Test
    void readsShandongsHeadFromSingleSpacedRows() {
        // Shandong's head as a page's single-spaced rows: 主管部门(盖章): | 单位:万元 opens the table,
        // and the funds block's label takes three cells.
        String form = String.join("\n",
                "区级部门预算项目支出绩效自评表",
                "( 2019 年度)",
                "主管部门(盖章): 单位:万元",
                "项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局",
                "项目实施单位 济南市历城区文化馆 项目负责人 田延青 联系电话 88894492",
                "项目预算 执行情况 (10分) 年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法",
                "年度资金总额 45 45 10 100% 10 执行率*该指标分值,最高不得超过分值上限。",
                "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "产出指标 数量指标 全年免费开放 100% 100% 50 50",
                "效益指标 社会效益指标 群众满意度 ≥90% 95% 40 40",
                "总分 100 100",
                "");
        ProjectRecord p = firstRecord("stamp-line.txt", form);
        assertEquals("济南市历城区文化和旅游局", p.department().orElseThrow().value());
        assertEquals("商品和服务支出", p.projectName().orElseThrow().value());
        // The funds block's label, cut by the spaces into 项目预算 | 执行情况 | (10分), is one cell
        // again, so the figures stand under their headings.
        var summary = p.funds().summary();
        assertNumber("45", summary.initialBudget());
        assertNumber("45", summary.executed());
        assertEquals(0, BigDecimal.TEN.compareTo(summary.budgetScoreReported().orElseThrow().value()));
    }

    @Test
    void readsAFundsLineWhoseEmptyRateThePageDropped() {
        String form = String.join("\n",
                "    项目支出绩效自评表",
                "    (2022年度)",
                "    项目名称 水旱灾害防御经费",
                "    主管部门 实施单位 市水利局",
                "    项目资金",
                "    (万元)",
                "    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
                "    年度资金总额: 880 880 860 10 9.77",
                "     其中:本年财政拨款 880 880 860 - -",
                "    年度总体目标完成情况 预期目标 实际完成情况",
                "     完成灌区节水改造和水价改革。 完成年度目标。",
                "    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "    产出指标 数量指标 灌区节水改造项目数量 1 1 50 50",
                "    效益指标 社会效益指标 受益人口 ≥1000人 1200人 40 40",
                "    总分 100 99.77",
                "");
        ProjectRecord p = firstRecord("single-spaced.txt", form);
        assertEquals("水旱灾害防御经费", p.projectName().orElseThrow().value());
        var summary = p.funds().summary();
        assertNumber("880", summary.fullYearBudget());
        assertNumber("860", summary.executed());
        assertEquals(0, BigDecimal.TEN.compareTo(summary.budgetWeight().orElseThrow().value()));
        assertNumber("9.77", summary.budgetScoreReported());
        assertTrue(summary.executionRateReported().isEmpty(), "the form's rate cell is empty");
        // The goal texts' row lacks the label that spans it, as the funds lines do.
        assertEquals("完成灌区节水改造和水价改革。", p.goals().expected().orElseThrow().value());
        assertEquals("完成年度目标。", p.goals().achieved().orElseThrow().value());
    }

    @Test
    void readsAGluedFormsHeadAndAPartFundLineWithoutAWeight() {
        // A page's text of Sichuan's 绩效目标自评表, every cell glued to the next: the project leader's
        // label ends the name, the title's year is read, and the part line's 3030 is two amounts
        // (30|30), not 3|0|3|0 with a weight and a score, which only the total line states.
        String form = "附件:2022年水利项目绩效自评表绩效目标自评表(2022年度)项目名称县小型水库标尺安装"
                + "项目负责人及电话王五13900000000(办公)主管部门县水利局实施单位县水利局"
                + "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分"
                + "年度资金总额:303010100.00%10其中:本年财政拨款3030其他资金"
                + "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
                + "产出指标(70分)数量指标安装水标尺数量40≥20处≥20处40质量指标验收合格率30100%100%30"
                + "效益指标(20分)社会效益指标受益人口数20≥500人≥500人20"
                + "满意度指标(10分)服务对象满意度指标群众满意度10≥95%≥95%10总分100100\n";
        ProjectRecord p = firstRecord("glued.txt", form);
        assertEquals("县小型水库标尺安装", p.projectName().orElseThrow().value());
        assertEquals(2022, p.year().orElseThrow().value());
        var part = p.funds().lines().get(1);
        assertEquals("其中:本年财政拨款", part.label());
        assertNumber("30", part.figures().fullYearBudget());
        assertNumber("30", part.figures().executed());
        assertTrue(part.figures().budgetWeight().isEmpty());
        assertTrue(part.figures().budgetScoreReported().isEmpty());
    }

    @Test
    void cutsAGluedWeightAndScoreWhereTheWeightIsWholeOrAQuarter() {
        // 65.42 is 6 | 5.42 or 65.4 | 2; forms weigh indicators in whole points, halves and quarters.
        String form = String.join("\n",
                "项目支出绩效自评表",
                "（2019年度）",
                "项目名称城乡居民基本公共卫生服务补助",
                "主管部门县卫生健康委员会实施单位县疾病预防控制中心",
                "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分",
                "年度资金总额719.28719.28662.581092.12%9.21",
                "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
                "产出指标数量指标居民电子健康档案建档人数≥140500人126883人65.42年初指标值设定偏高。",
                "质量指标电子健康档案规范化建档率≥90%90.92%66无",
                "满意度指标服务对象满意度指标服务对象满意度≥90%87%109.67",
                "总分10096.02",
                "");
        ProjectRecord p = firstRecord("glued-rows.txt", form);
        Indicator first = p.indicators().get(0);
        assertEquals("居民电子健康档案建档人数", first.level3());
        assertNumber("6", first.weight());
        assertNumber("5.42", first.scoreReported());
    }

    @Test
    void readsAWebTableOfCellsClosedByPipes() {
        // Sichuan's 2023 form as a page's text: a cell a line, closed by a pipe, an empty cell a
        // lone pipe, and no mark where a row ends; the goal texts are followed by the report's
        // next heading, which is no goal.
        String[] cells = {"部门预算项目支出绩效自评表(2023年度)", "项目名称", "办公设备购置", "主管部门", "县审计局",
                "实施单位 (盖章)", "县审计局", "项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况",
                "按时购置办公设备。", "已按时购置。", "2.项目实施内容及过程概述", "",
                "预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
                "总额", "12.00", "12.00", "11.40", "95.00%", "10", "9.5", "",
                "其中:财政资金", "12.00", "12.00", "11.40", "95.00%", "/", "/",
                "绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析",
                "产出指标", "数量指标", "购置台数", "≥", "10", "台", "12", "50", "50", "",
                "效益指标", "社会效益指标", "办公效率提升", "定性", "明显", "", "明显", "40", "40", "",
                "合计", "100", "99.5", ""};
        StringBuilder page = new StringBuilder();
        for (String c : cells) {
            page.append(c.isEmpty() ? "|" : c + " |").append('\n');
        }
        ProjectRecord p = firstRecord("closed-pipes.txt", page.toString());
        assertEquals("办公设备购置", p.projectName().orElseThrow().value());
        assertEquals(2023, p.year().orElseThrow().value());
        assertEquals("按时购置办公设备。", p.goals().expected().orElseThrow().value());
        assertEquals("已按时购置。", p.goals().achieved().orElseThrow().value());
        var summary = p.funds().summary();
        assertNumber("11.40", summary.executed());
        assertNumber("9.5", summary.budgetScoreReported());
        assertEquals(List.of("购置台数", "办公效率提升"), each(p, Indicator::level3));
        assertNumber("50", p.indicators().get(0).weight());
    }

    @Test
    void keepsTheTailOfAFormThePageCutOutOfTheNextForm() {
        // A page that starts inside one form's indicator table and goes on with the next form:
        // the rows before the next form's title are the cut form's, not the next one's.
        String page = String.join("\n",
                "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |",
                "产出指标 | 成本指标 | 成本控制数 | ≤ | 30 | 万元 | 完成 | 90 | 90 ||",
                "合计 | 100 | ||",
                "部门预算项目支出绩效自评表(2023年度) | ||",
                "项目名称 | 安防设备购置项目 | ||",
                "主管部门 | 县司法局 | 实施单位 | 县司法局 ||",
                "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |",
                "产出指标 | 数量指标 | 购置设备台数 | ≥ | 13 | 台 | 13 | 90 | 90 ||",
                "");
        Result<ExtractedForms> r = extract("two-parts.txt", page.getBytes(StandardCharsets.UTF_8));

        List<ProjectRecord> forms = ((Result.Ok<ExtractedForms>) r).value().records();
        assertEquals(2, forms.size());
        assertTrue(forms.get(0).projectName().isEmpty(), "the cut form names no project");
        assertEquals(List.of("成本控制数"), forms.get(0).indicators().stream().map(Indicator::level3).toList());
        assertEquals("安防设备购置项目", forms.get(1).projectName().orElseThrow().value());
        assertEquals(List.of("购置设备台数"), forms.get(1).indicators().stream().map(Indicator::level3).toList());
    }

    @Test
    void aTableWhoseColumnHeadingIsTheNameLabelStartsNoFormOfItsOwn() {
        // A report names its project only in prose; its table of funds received heads a column
        // 项目名称, which labels no value and starts no second form.
        String report = String.join("\n",
                "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
                "产出指标\t数量指标\t宣传次数\t2次\t2次\t50\t50",
                "效益指标\t社会效益指标\t群众知晓率\t≥90%\t95%\t50\t50",
                "(一)项目资金申报及批复情况。",
                "该城市创建宣传专项资金项目于2021年初向财政局申报,批复下达预算资金8万元。",
                "1.资金到位",
                "项目名称\t中央、省、市(州)、县级财政资金\t资金计划\t资金到位情况",
                "");
        Result<ExtractedForms> r = extract("report.txt", report.getBytes(StandardCharsets.UTF_8));

        List<ProjectRecord> forms = ((Result.Ok<ExtractedForms>) r).value().records();
        assertEquals(1, forms.size());
        assertEquals("城市创建宣传专项资金", forms.get(0).projectName().orElseThrow().value());
        assertEquals(2021, forms.get(0).year().orElseThrow().value());
        assertEquals(2, forms.get(0).indicators().size());
    }

    @Test
    void aLevelTwoNameOnALineOfItsOwnHeadsTheRowsBelow() {
        // Rows on lines, cells cut at single spaces; the 一级指标 cell survives as (30分) and the
        // 二级指标 cell is wrapped over two lines of its own.
        String form = String.join("\n",
                "项目名称 文化馆免费开放 主管部门 区文化和旅游局",
                "年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
                "年度资金总额 45 45 10 100% 10",
                "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
                "(50分)",
                "数量指标 全年免费开放 100% 100% 25 25",
                "质量指标 管理制度健全 100% 100% 25 25",
                "(30分)",
                "经济效益",
                "指标",
                "助推民生事业发展 100% 100% 30 30",
                "");
        List<Indicator> indicators = firstRecord("single-spaced.txt", form).indicators();
        assertEquals(List.of("数量指标", "质量指标", "经济效益指标"), indicators.stream().map(Indicator::level2).toList());
        assertEquals("助推民生事业发展", indicators.get(2).level3());
    }

    @Test
    void aLevelOneWeightOnALineOfItsOwnOpensABlockWhenTheHeaderLostItsColumn() {
        // The 一级指标 heading wrapped out of the header row, and the level-1 cells kept only their
        // weights, (50分) and (30分): each opens a block whose name its level-2 names give.
        String form = String.join("\n",
                "项目名称 水旱灾害防御经费 主管部门 市水利局",
                "年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
                "年度资金总额: 880 880 880 10 100% 10",
                "二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "(50分)",
                "数量指标 灌区改造项目数量 1 1 25 25",
                "质量指标 工程质量合格率 100% 100% 25 25",
                "(30分)",
                "社会效益指标 保护人口财产不受损失 显著 显著 30 30",
                "");
        List<Indicator> indicators = firstRecord("lost-level1.txt", form).indicators();
        assertEquals(List.of("产出指标", "产出指标", "效益指标"), indicators.stream().map(Indicator::level1).toList());
        assertEquals(List.of("50", "50", "30"), indicators.stream()
                .map(i -> i.details().level1Weight().orElseThrow().value().toPlainString()).toList());
    }
    @Test
    void aLevelOneNameWrappedOverItsWeightAndALevelTwoNameOverTwoLinesKeepBothLevels() {
        // The same lost 一级指标 column; the satisfaction block kept its name over its weight, and
        // its 二级指标 cell wrapped 服务对象 / 满意度指标: both pairs are one label each.
        String form = String.join("\n",
                "项目名称 水旱灾害防御经费 主管部门 市水利局",
                "年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
                "年度资金总额: 880 880 880 10 100% 10",
                "二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
                "(50分)",
                "数量指标 灌区改造项目数量 1 1 50 50",
                "(30分)",
                "社会效益指标 保护人口财产不受损失 显著 显著 30 30",
                "满意度指标",
                "(10分)",
                "服务对象",
                "满意度指标",
                "服务对象满意度 90% 100% 10 10",
                "");
        List<Indicator> indicators = firstRecord("lost-level1-satisfaction.txt", form).indicators();
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), indicators.stream().map(Indicator::level1).toList());
        assertEquals(List.of("数量指标", "社会效益指标", "服务对象满意度指标"), indicators.stream().map(Indicator::level2).toList());
        assertEquals("10", indicators.get(2).details().level1Weight().orElseThrow().value().toPlainString());
        assertEquals("服务对象满意度", indicators.get(2).level3());
    }
    @Test
    void partRowsWithoutWeightUnderAHeaderWhoseWeightComesFirstDetailTheIndicatorAbove() {
        // 分值 before 年度指标值; the 其中 rows state a target and an actual and nothing else, and a
        // page's pipe text moved them to the first cells of their lines.
        String form = String.join("\n",
                "项目名称 | 特色种养补贴到户项目 | 主管部门 | 县农业农村局 |",
                "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |",
                "年度资金总额: | 9.48 | 9.48 | 10 | 100% | 10 |",
                "一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 |",
                "产出指标 | 数量指标 | 补助瓜果蔬菜种植面积 | 50 | 6.5亩 | 6.5亩 | 50 | |",
                "其中桃树种植面积 | 1.5亩 | 1.5亩 | |",
                "其中苹果树种植面积 | 5亩 | 5亩 | |",
                "效益指标 | 社会效益指标 | 受益人口数量 | 40 | 90人 | 90人 | 40 | |",
                "");
        List<Indicator> indicators = firstRecord("part-rows.txt", form).indicators();
        assertEquals(List.of("补助瓜果蔬菜种植面积", "其中桃树种植面积", "其中苹果树种植面积", "受益人口数量"),
                indicators.stream().map(Indicator::level3).toList());
        assertEquals("1.5亩", indicators.get(1).target().orElseThrow().value());
        assertEquals("5亩", indicators.get(2).actual().orElseThrow().value());
        assertTrue(indicators.get(1).weight().isEmpty());
        assertEquals(List.of(Optional.empty(), Optional.of(1), Optional.of(1), Optional.empty()),
                indicators.stream().map(Indicator::parentIndex).toList());
    }
    @Test
    void aFormWrittenOneCellPerParagraphReadsWithItsEmptyRowsAndShortPartLines() {
        // A page with a <p> per cell: an empty line after each, a line of spaces for an empty
        // cell, headings wrapped (年度 / 指标值), merged cells written once, so rows differ in
        // length: the part lines lost their 分值 and 得分 cells, the template's empty slots (指标2,
        // ……) hold nothing.
        List<String> cells = List.of(
                "项目支出绩效自评表", "(2019年度)", "项目名称", "教学楼维修改造", "主管部门", "市教育局",
                "实施单位", "市第一中学", "项目资金(万元)", " ",
                "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
                "年度资金总额", "50", "50", "45", "10", "90%", "9",
                "其中:当年财政拨款", "50", "50", "45", " ",
                "上年结转资金", " ", " ", " ", " ",
                "其他资金", " ", " ", " ", " ",
                "年度总体目标", "预期目标", "实际完成情况", "完成教学楼维修", "已完成维修",
                "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
                "产出指标", "数量指标", "指标1维修面积", "1200平方米", "1200平方米", "45", "45", " ",
                "指标2", " ", " ", " ", " ", " ",
                "……", " ", " ", " ", " ", " ",
                "效益指标", "社会效益指标", "指标1教学条件改善", "改善", "改善", "45", "45", " ",
                "指标2", " ", " ", " ", " ", " ");
        String page = String.join("\n\n", cells) + "\n";
        ProjectRecord form = firstRecord("cell-per-paragraph.txt", page);
        assertEquals("教学楼维修改造", form.projectName().orElseThrow().value());
        assertEquals("市第一中学", form.implementer().orElseThrow().value());
        var total = form.funds().lines().get(0).figures();
        assertEquals(new BigDecimal("45"), total.executed().orElseThrow().value());
        assertEquals(new BigDecimal("9"), total.budgetScoreReported().orElseThrow().value());
        var part = form.funds().lines().get(1);
        assertEquals("其中:当年财政拨款", part.label());
        assertEquals(new BigDecimal("45"), part.figures().executed().orElseThrow().value());
        assertEquals(List.of("上年结转资金", "其他资金"), form.funds().lines().subList(2, 4).stream().map(l -> l.label()).toList(),
                "a short part line ends where the next line's label begins");
        assertEquals("已完成维修", form.goals().achieved().orElseThrow().value());
        assertEquals(List.of("指标1维修面积", "指标1教学条件改善"), each(form, Indicator::level3));
        assertEquals(List.of("产出指标", "效益指标"), each(form, Indicator::level1));
        assertEquals("1200平方米", form.indicators().get(0).target().orElseThrow().value());
        assertTrue(form.readingFindings().stream().noneMatch(f -> f.code().equals("indicator_row_unreadable")),
                "the template's empty slots are no unreadable rows");
    }

    @Test
    void aPartLinesRateUnderAWeightItsPageDroppedIsARate() {
        // Pipe rows keep their cells, but the page dropped the part line's 分值 cell.
        String form = String.join("\n",
                "| 项目名称 | 卫片执法 | 主管部门 | 市自然资源局 |",
                "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
                "| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10 | 100% | 10 |",
                "| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% | |",
                "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                "| 产出指标 | 数量指标 | 图斑核查数量 | 100个 | 100个 | 90 | 90 |",
                "");
        Result<ExtractedForms> r = extract("part-rate.txt", form.getBytes(StandardCharsets.UTF_8));

        var part = ((Result.Ok<ExtractedForms>) r).value().records().get(0).funds().lines().get(1).figures();
        assertEquals(new BigDecimal("100"), part.executionRateReported().orElseThrow().value());
        assertTrue(part.budgetWeight().isEmpty(), "a weight is never a percentage");
    }
    @Test
    void aPipeRowCutAtALineBreakInItsNameReadsAsOneRow() {
        // A 20/80 template (预算执行情况 (20分), rows scored without a 分值 column); the page's text
        // broke two rows inside their names' cells, so their figures open the next line.
        String form = String.join("\n",
                "项目名称 | 新型农业经营主体扶持项目 | |||||",
                "主管部门 | 县人民政府 | 项目实施单位 | 县农业农村局 | |||",
                "预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |",
                "年度财政资金总额 | 650 | 620 | 95.38% | 19.08 | ||",
                "年度绩效目标1 (80分) |",
                "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
                "产出指标 | 数量指标 | 扶持发展新型农业经营主体 (个) |",
                "15 | 14 | 37.3 | |",
                "经济效益指标 | 经营主体助农增收 (元) |",
                "1980 | 2074 | 40 | ||",
                "总分 | 96.38 | |||||",
                "");
        List<Indicator> indicators = firstRecord("split-rows.txt", form).indicators();
        assertEquals(List.of("扶持发展新型农业经营主体 (个)", "经营主体助农增收 (元)"),
                indicators.stream().map(Indicator::level3).toList());
        assertEquals(List.of("15", "1980"), indicators.stream().map(i -> i.target().orElseThrow().value()).toList());
        assertEquals(List.of("14", "2074"), indicators.stream().map(i -> i.actual().orElseThrow().value()).toList());
        assertEquals("经济效益指标", indicators.get(1).level2());
        assertEquals(new BigDecimal("40"), indicators.get(1).scoreReported().orElseThrow().value());
    }
    @Test
    void aTitleCellGivesTheYearAndATotalJoinedToARemarkRowIsTheTotal() {
        // A Yunnan 公开 table: the title shares its row with the department; the page joined the
        // 其他需要说明事项 row and the 总分 row, whose grade closes it without a 等级 label.
        String form = String.join("\n",
                "2022年度项目支出绩效自评表 | 部门:县第一中学 |",
                "| 项目名称 | 营养改善计划专项资金 | 主管部门 | 县教育体育局 | 实施单位 | 县第一中学 |",
                "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                "| 产出指标 | 数量指标 | 学生受资助人数 | 735人次 | 735人次 | 50 | 50 |",
                "| 满意度指标 | 服务对象满意度指标 | 学生满意度 | ≥95% | 100% | 40 | 36 |",
                "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |",
                "");
        ProjectRecord record = firstRecord("remark-total.txt", form);
        assertEquals(2022, record.year().orElseThrow().value());
        assertEquals(new BigDecimal("96"), record.totalScoreReported().orElseThrow().value());
        assertEquals("优", record.gradeReported().orElseThrow().value());
        assertEquals(List.of("学生受资助人数", "学生满意度"), each(record, Indicator::level3),
                "the remark is no indicator");
    }
    @Test
    void rowsWriteTheirLevelsUnderAHeaderThatLostTheLevelHeadings() {
        // The header names only 三级指标 and the values; the rows still open with 产出指标 and
        // 数量指标, and the rows after them with the name alone or a new level-2 name.
        String form = String.join("\n",
                "| 专项(项目)名称 | 道路建设项目 | 实施单位 | 乡人民政府 |",
                "| 全年预算数(A) | 全年执行数(B) | 执行率(B/A) |",
                "| 年度资金总额 | 372.29 | 372.29 | 100% |",
                "| 三级指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施 |",
                "| 产出指标 | 数量指标 | 新建道路 | 524m | 524m |",
                "| 硬化道路 | 5719m | 5719m |",
                "| 质量指标 | 工程完工率 | 100% | 100% |",
                "| 效益指标 | 社会效益指标 | 提高村民收入 | 显著 | 显著 |",
                "");
        List<Indicator> indicators = firstRecord("lost-level-headings.txt", form).indicators();
        assertEquals(List.of("新建道路", "硬化道路", "工程完工率", "提高村民收入"), indicators.stream().map(Indicator::level3).toList());
        assertEquals(List.of("数量指标", "数量指标", "质量指标", "社会效益指标"), indicators.stream().map(Indicator::level2).toList());
        assertEquals(List.of("产出指标", "产出指标", "产出指标", "效益指标"), indicators.stream().map(Indicator::level1).toList());
        assertEquals("100%", indicators.get(2).target().orElseThrow().value());
    }
    @Test
    void aFundsLabelInANoteAfterTheIndicatorTableIsNoFundsLine() {
        String form = String.join("\n",
                "| 项目名称 | 水土保持监测 | 主管部门 | 市水利局 |",
                "| 预算执行情况(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 |",
                "| 年度财政资金总额 | 10 | 10 | 100% | 20 |",
                "| 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
                "| 产出指标 | 数量指标 | 监测站点数 | 5个 | 5个 | 80 |",
                "| 备注 | 财政资金 | 指调整后的财政拨款 |",
                "");
        ProjectRecord record = firstRecord("note-after-table.txt", form);
        assertEquals(List.of("年度财政资金总额"), record.funds().lines().stream().map(l -> l.label()).toList());
    }
}
