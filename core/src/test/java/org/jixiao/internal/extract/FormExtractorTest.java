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
import org.jixiao.model.Stage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        assertEquals(0, new BigDecimal("2428.53").compareTo(r.funds().summary().executed().orElseThrow().value()));
        assertEquals("良好", r.gradeReported().orElseThrow().value());
        assertEquals(0, new BigDecimal("89.5").compareTo(r.totalScoreReported().orElseThrow().value()));
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
        assertEquals(List.of("培训人数"), record.indicators().stream().map(Indicator::level3).toList());
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
        assertEquals(0, new BigDecimal("40").compareTo(summary.fullYearBudget().orElseThrow().value()));
        assertEquals(0, new BigDecimal("378.65").compareTo(summary.executed().orElseThrow().value()));
        assertEquals(0, new BigDecimal("94.66").compareTo(summary.executionRateReported().orElseThrow().value()),
                "a rate is not an amount");
        assertEquals(0, BigDecimal.TEN.compareTo(summary.budgetWeight().orElseThrow().value()), "nor is a weight");
    }
}
