package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Failure;
import org.jixiao.model.FormKind;
import org.jixiao.model.FundKind;
import org.jixiao.model.Indicator;
import org.jixiao.model.Paragraph;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Sourced;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One small grid per template family and per feature of the template issue, built in memory as
 * a reader would give it, read by the extractor: the record's fields, the family it was read as,
 * and what the form lacks. Families the corpus zoo does not hold are here too (an 其中 row with a
 * weight, a header with only 权重 and 得分).
 *
 * <p>Grid notation: rows separated by newlines, cells by {@code |}; {@code text@c3} spans three
 * columns, {@code text@r2} two rows; cells covered by a row span are left out, as in HTML.
 */
class TemplateMatrixTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final FormExtractor EXTRACTOR =
            new FormExtractor(HeadingDictionary.load(NORMALIZER), new MeasureParser());

    private static final String NAME = "项目名称@c2|测试项目@c7\n主管部门@c2|测试局@c3|实施单位@c2|测试中心@c2";
    private static final String FUNDS = "项目资金（万元）@c2@r2|@c1|年初预算数|全年预算数|全年执行数|分值|执行率|得分\n"
            + "年度资金总额|100|100|90|10|90%|9";

    @Test
    void national() {
        ProjectRecord r = only(NAME + "\n" + FUNDS + "\n"
                + "绩效指标@r3|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|偏差原因分析及改进措施\n"
                + "产出指标@r2|数量指标|培训人数|≥800人次|845人次|45|45|\n"
                + "质量指标|合格率|≥95%|96%|45|45|\n"
                + "总分@c6|100|99|\n"
                + "自评等级@c6|优@c3");
        assertEquals("national-2020", r.layout().template());
        assertEquals(FormKind.PROJECT, r.layout().kind());
        assertEquals(List.of("培训人数", "合格率"), names(r));
        assertEquals("产出指标", r.indicators().get(1).level1());
        assertEquals("99", plain(r.totalScoreReported()));
        assertEquals("100", plain(r.totalWeightReported()));
        assertEquals("优", r.gradeReported().orElseThrow().value());
        assertEquals("9", plain(r.funds().summary().budgetScoreReported()));
    }

    @Test
    void levelOneCarriesItsWeightOrLosesItsLabel() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "一、产出指标（50分）@r2|（一）数量指标|培训人数|≥800人次|845人次|25|25\n"
                + "质量指标|合格率|≥95%|96%|25|25\n"
                + "(30分)|经济效益\\n指标|增收|≥5%|6%|30|30");
        assertEquals("level1-weight", r.layout().template());
        Indicator first = r.indicators().get(0);
        assertEquals("产出指标", first.level1());
        assertEquals("数量指标", first.level2());
        assertEquals("50", plain(first.details().level1Weight()));
        Indicator lost = r.indicators().get(2);
        assertEquals("效益指标", lost.level1(), "a lost level-1 label is filled in from its level-2 name");
        assertEquals("经济效益指标", lost.level2());
        assertEquals("30", plain(lost.details().level1Weight()));
    }

    @Test
    void splitTargetJoinsNatureValueAndUnit() {
        ProjectRecord r = only(NAME + "\n"
                + "绩效指标@r4|一级指标@r2|二级指标@r2|三级指标@r2|年度指标值@c3|实际完成值@c2|分值@r2|得分@r2\n"
                + "指标性质|指标值|度量单位|完成值|度量单位\n"
                + "产出指标@r2|数量指标|培训人数|≥|900|人|1003|人|50|50\n"
                + "成本指标|支出控制|定性|控制在预算范围内||100|%|50|50");
        assertEquals("split-target", r.layout().template());
        Indicator a = r.indicators().get(0);
        assertEquals("≥900人", a.target().orElseThrow().value());
        assertEquals("1003人", a.actual().orElseThrow().value());
        Indicator b = r.indicators().get(1);
        assertEquals("控制在预算范围内", b.target().orElseThrow().value(), "定性 is the nature, not part of the value");
        assertEquals("100%", b.actual().orElseThrow().value());
    }

    @Test
    void noScoreColumnsMeansNoWeightsAndAFinding() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值\n"
                + "产出指标|数量指标|培训人数|≥800人次|845人次");
        assertEquals("no-score", r.layout().template());
        assertFalse(r.layout().hasScores());
        assertTrue(r.indicators().get(0).weight().isEmpty());
        assertTrue(r.readingFindings().stream().anyMatch(f -> f.code().equals("scores_absent")));
    }

    @Test
    void subRowsDetailTheirParentWithoutWeight() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标@r4|数量指标@r3|受益人口|≥30000人|31200人|50|50\n"
                + "其中：城区|≥12000人|12480人||\n"
                + "其中:农村|≥18000人|18720人||\n"
                + "质量指标|合格率|≥95%|96%|50|50");
        assertEquals("sub-rows", r.layout().template());
        assertEquals(4, r.indicators().size(), "sub-rows are rows of indicators.csv");
        assertEquals(Optional.of(1), r.indicators().get(1).parentIndex());
        assertEquals(Optional.of(1), r.indicators().get(2).parentIndex());
        assertEquals(Optional.empty(), r.indicators().get(3).parentIndex());
        assertEquals("数量指标", r.indicators().get(2).level2());
    }

    @Test
    void aQiZhongRowWithItsOwnWeightIsAnIndicator() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标@r2|数量指标@r2|受益人口|≥30000人|31200人|50|50\n"
                + "其中：城区|≥12000人|12480人|50|50");
        assertTrue(r.indicators().stream().noneMatch(Indicator::isSubRow));
    }

    @Test
    void hebeiWeightsItemScores() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|权重（%）|单项得分|折算得分\n"
                + "产出指标|数量指标|就业率|≥67%|63%|7|94.03|6.58\n"
                + "总分@c5|100||85.6");
        assertEquals("hebei-weight", r.layout().template());
        Indicator i = r.indicators().get(0);
        assertEquals("7", plain(i.weight()));
        assertEquals("6.58", plain(i.scoreReported()), "the reported score is 折算得分");
        assertEquals("94.03", plain(i.details().itemScoreReported()));
        assertEquals("85.6", plain(r.totalScoreReported()));
    }

    @Test
    void departmentOverallNamesTheDepartmentAndGroupsByTask() {
        ProjectRecord r = only("部门（单位）名称@c2|北塘区卫生健康委员会@c8\n"
                + "年度预算执行情况（万元）@c2@r4|@c2|年初预算数|全年预算数|全年执行数|分值|执行率|得分\n"
                + "年度资金总额@c2|100|100|100|10|100%|10\n"
                + "按支出性质分：基本支出@c2|40|40|40|—|100%|—\n"
                + "项目支出@c2|60|60|60|—|100%|—\n"
                + "绩效指标@r3|年度主要任务|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "保障运转@r2|产出指标@r2|数量指标|会议次数|≥4次|5次|45|45\n"
                + "质量指标|合格率|≥95%|96%|45|45", "部门（单位）整体支出绩效自评表");
        assertEquals("department-overall", r.layout().template());
        assertEquals(FormKind.DEPARTMENT_OVERALL, r.layout().kind());
        assertEquals("北塘区卫生健康委员会", r.projectName().orElseThrow().value());
        assertTrue(r.implementer().isEmpty());
        assertEquals("保障运转", r.indicators().get(1).details().task().orElseThrow().value());
        assertEquals(List.of(FundKind.TOTAL, FundKind.BASIC, FundKind.PROJECT_SPENDING),
                r.funds().lines().stream().map(l -> l.kind()).toList());
    }

    @Test
    void transferPaymentHasTwoDepartmentsAndGoalsPerRegion() {
        ProjectRecord r = only("转移支付（项目）名称@c2|培训资金@c7\n"
                + "中央主管部门@c2|财政部@c7\n"
                + "地方主管部门@c2|人社局@c3|资金使用单位@c2|就业中心@c2\n"
                + "年度总体目标@r3|区域@c2|预期目标@c3|实际完成情况@c3\n"
                + "南山县@c2|培训≥100人@c3|培训120人@c3\n"
                + "北坡县@c2|培训≥50人@c3|培训55人@c3\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标|数量指标|培训人数|≥150人|175人|90|90");
        assertEquals("transfer-payment", r.layout().template());
        assertEquals(FormKind.TRANSFER_PAYMENT, r.layout().kind());
        assertEquals("培训资金", r.projectName().orElseThrow().value());
        assertEquals("人社局", r.department().orElseThrow().value());
        assertEquals("就业中心", r.implementer().orElseThrow().value());
        assertEquals("财政部", r.centralDepartment().orElseThrow().value());
        assertEquals(List.of("南山县", "北坡县"), r.goals().regional().stream().map(g -> g.area().value()).toList());
        assertEquals("培训55人", r.goals().regional().get(1).achieved().orElseThrow().value());
    }

    @Test
    void fundsInYuanWithATwoRowHeaderAndARatio() {
        ProjectRecord r = only(NAME + "\n"
                + "项目资金@c2@r3|@r2|预算数@c2|全年执行数@r2|分值@r2|执行率@r2|得分@r2\n"
                + "年初预算数|全年预算数\n"
                + "年度资金总额|229352.59|229352.59|126637.79|20|0.55|11.04\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标|数量指标|培训人数|≥800人次|845人次|80|80", "单位：元");
        assertEquals("funds-variants", r.layout().template());
        var s = r.funds().summary();
        assertEquals("22.935259", plain(s.initialBudget()));
        assertEquals("12.663779", plain(s.executed()));
        assertEquals("55", plain(s.executionRateReported()), "a ratio is read as a percentage");
        assertEquals("20", plain(s.budgetWeight()));
    }

    @Test
    void columnsByHeaderInAnyOrderWithTheReasonSplit() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|实际完成值|年度指标值|分值|得分|偏差原因分析|改进措施\n"
                + "产出指标|质量指标|达标率|96.2%|≥98%|10|9.82|资金晚到。|加快支付。");
        assertEquals("columns-swapped", r.layout().template());
        Indicator i = r.indicators().get(0);
        assertEquals("≥98%", i.target().orElseThrow().value());
        assertEquals("96.2%", i.actual().orElseThrow().value());
        assertEquals("资金晚到。", i.deviationReason().orElseThrow().value());
        assertEquals("加快支付。", i.details().improvementMeasure().orElseThrow().value());
    }

    @Test
    void placeholderRowsAreSkippedAndTheTotalIsFoundBelow() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标@r4|数量指标|培训人数|≥800人次|845人次|90|90\n"
                + "时效指标|/|/|/|/|/\n"
                + "成本指标|……|……|……||\n"
                + "经济效益指标|||||\n"
                + "总分@c5|100|\n"
                + "自评得分@c5|93.48@c2");
        assertEquals("placeholder-rows", r.layout().template());
        assertEquals(List.of("培训人数"), names(r));
        assertEquals("93.48", plain(r.totalScoreReported()));
    }

    @Test
    void rubricKeepsDecisionRowsAndTakesTheBudgetRowIntoFunds() {
        ProjectRecord r = only(NAME + "\n"
                + "项目资金（万元）@c2@r2|@c3|年初预算数|调整预算数|全年执行数|执行率\n"
                + "年度资金总额@c3|100|100|90|90%\n"
                + "一级指标|二级指标|三级指标|分值|指标解释/评分标准|年度指标值|实际完成值|得分|扣分原因\n"
                + "项目决策（10分）@r2|项目立项@r2|立项依据充分性|5|充分得满分。|立项依据充分|依据基本充分|4|论证不足，扣1分。\n"
                + "立项程序规范性|5|规范得满分。|立项程序规范|达到要求|5|\n"
                + "项目管理|资金管理|预算执行率|10|执行率×分值。|100%|90%|9|\n"
                + "合计@c3|100|@c3|18|");
        assertEquals("rubric-four-part", r.layout().template());
        assertEquals(List.of("立项依据充分性", "立项程序规范性"), names(r));
        Indicator i = r.indicators().get(0);
        assertEquals("项目决策", i.level1());
        assertEquals("充分得满分。", i.details().criterion().orElseThrow().value());
        assertEquals("论证不足,扣1分。", i.deviationReason().orElseThrow().value());
        assertEquals("10", plain(r.funds().summary().budgetWeight()));
        assertEquals("9", plain(r.funds().summary().budgetScoreReported()));
    }

    @Test
    void hubeiReviewScoreBesideTheSelfScore() {
        ProjectRecord r = only(NAME + "\n"
                + "项目资金（万元）@c2@r2|@c1|年初预算数|全年预算数|全年执行数|分值|执行率|自评分|复核分\n"
                + "年度资金总额|100|100|100|10|100%|10|9\n"
                + "一级指标|二级指标|三级指标|年初指标值|年终完成值|分值|自评分|复核分|偏差原因分析及改进措施\n"
                + "产出指标|数量指标|示范基地|≥12个|14个|90|90||\n"
                + "总分@c5|100|98|99|");
        assertEquals("hubei-review", r.layout().template());
        Indicator i = r.indicators().get(0);
        assertEquals("90", plain(i.scoreReported()));
        assertTrue(i.details().reviewScore().isEmpty(), "an empty 复核分 stays empty");
        assertTrue(i.deviationReason().isEmpty());
        assertEquals("98", plain(r.totalScoreReported()));
        assertEquals("99", plain(r.totalReviewScore()));
        assertEquals("9", plain(r.budgetReviewScore()));
    }

    @Test
    void chongqingJoinsUnitAndNatureAndReadsCoefficientAndCore() {
        ProjectRecord r = only("部门（单位）名称@c2|丰源县城市管理局@c11\n"
                + "一级指标|二级指标|三级指标|计量单位|指标性质|年初指标值|调整后指标值|实际完成值|分值|得分系数(%)|得分|是否核心指标\n"
                + "产出指标@r2|数量指标|巡检次数|次|≥|290|/|331|50|100|50|是\n"
                + "质量指标|正常运行率|%|≥|97|96|96|50|100|50|", "部门整体绩效自评表");
        assertEquals("chongqing-department", r.layout().template());
        Indicator a = r.indicators().get(0);
        assertEquals("≥290次", a.target().orElseThrow().value());
        assertTrue(a.adjustedTarget().isEmpty(), "/ in 调整后指标值 means not adjusted");
        assertEquals("331次", a.actual().orElseThrow().value());
        assertEquals("100", plain(a.details().scoreCoefficient()));
        assertEquals(Boolean.TRUE, a.details().coreIndicator().orElseThrow().value());
        Indicator b = r.indicators().get(1);
        assertEquals("≥96%", b.adjustedTarget().orElseThrow().value());
        assertEquals(Boolean.FALSE, b.details().coreIndicator().orElseThrow().value());
    }

    @Test
    void anUnreadableRowIsLeftOutWithItsPlace() {
        ProjectRecord r = only(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标@r2|数量指标@r2|培训人数|≥800人次|845人次|九十|甲\n"
                + "合格率|≥95%|96%|90|90");
        assertEquals(List.of("合格率"), names(r));
        assertTrue(r.readingFindings().stream().anyMatch(f -> f.code().equals("indicator_row_unreadable")
                && f.source().orElseThrow().describe().equals("table 1, row 4, col 1")));
    }

    @Test
    void aHeaderWithoutTargetOrActualIsUnmatched() {
        Result<ExtractedForms> r = extract(document(List.of(grid(NAME + "\n"
                + "一级指标|二级指标|三级指标|分值|得分\n"
                + "产出指标|数量指标|培训人数|90|90"))));
        Failure f = assertInstanceOf(Result.Failed.class, r).failure();
        assertEquals("extract.template_unmatched", f.code());
    }

    @Test
    void aFailingFormCostsOnlyItself() {
        Table good = grid(NAME + "\n"
                + "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分\n"
                + "产出指标|数量指标|培训人数|≥800人次|845人次|90|90", 1);
        Table bad = grid("项目名称@c2|第二个项目@c7\n"
                + "一级指标|二级指标|三级指标|分值|得分\n"
                + "产出指标|数量指标|培训人数|90|90", 2);
        Result<ExtractedForms> r = extract(document(List.of(good, bad)));
        ExtractedForms forms = ((Result.Ok<ExtractedForms>) r).value();
        assertEquals(1, forms.records().size());
        assertEquals(1, forms.failures().size());
        assertEquals(Optional.of(2), forms.failures().get(0).formIndex());
        assertEquals("extract.template_unmatched", forms.failures().get(0).code());
    }

    @Test
    void everyTemplateResourceLoadsAndNamesKnownRoles() {
        Templates templates = Templates.load();
        assertEquals(15, templates.all().size());
        for (Template t : templates.all()) {
            t.scoreReported().ifPresent(role -> assertTrue(ColumnRole.parse(role.id()).isPresent(), t.id()));
            assertFalse(t.requires().isEmpty(), t.id());
            for (String role : t.optional()) {
                assertTrue(ColumnRole.parse(role).isPresent(), t.id() + " names an unknown optional column: " + role);
            }
        }
    }

    // ---- helpers ----

    private static ProjectRecord only(String grid, String... paragraphs) {
        List<Block> blocks = new ArrayList<>();
        int n = 1;
        for (String p : paragraphs) {
            blocks.add(new Paragraph(n++, p));
        }
        blocks.add(grid(grid));
        Result<ExtractedForms> r = extract(document(blocks));
        if (r instanceof Result.Failed<ExtractedForms> f) {
            throw new AssertionError("no record: " + f.failure());
        }
        ExtractedForms forms = ((Result.Ok<ExtractedForms>) r).value();
        assertEquals(1, forms.records().size());
        return forms.records().get(0);
    }

    private static Result<ExtractedForms> extract(Document d) {
        return EXTRACTOR.extract(NORMALIZER.apply(d), "k");
    }

    private static Document document(List<? extends Block> blocks) {
        return new Document("matrix.html", SourceFormat.HTML, List.copyOf(blocks));
    }

    private static Table grid(String spec) {
        return grid(spec, 1);
    }

    /** Builds a table from the notation above, placing each cell after the cells that row spans cover. */
    private static Table grid(String spec, int number) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, Integer> coveredUntil = new HashMap<>();
        String[] lines = spec.split("\n");
        for (int r = 0; r < lines.length; r++) {
            List<Cell> cells = new ArrayList<>();
            int col = 0;
            for (String raw : lines[r].split("\\|", -1)) {
                while (coveredUntil.getOrDefault(col, -1) >= r) {
                    col++;
                }
                String text = raw.replace("\\n", "\n");
                int colSpan = 1;
                int rowSpan = 1;
                while (text.matches("(?s).*@[cr]\\d+$")) {
                    int at = text.lastIndexOf('@');
                    int v = Integer.parseInt(text.substring(at + 2));
                    if (text.charAt(at + 1) == 'c') {
                        colSpan = v;
                    } else {
                        rowSpan = v;
                    }
                    text = text.substring(0, at);
                }
                cells.add(new Cell(col, colSpan, rowSpan, text));
                if (rowSpan > 1) {
                    for (int k = col; k < col + colSpan; k++) {
                        coveredUntil.put(k, r + rowSpan - 1);
                    }
                }
                col += colSpan;
            }
            rows.add(new Row(cells));
        }
        return new Table(number, rows);
    }

    private static List<String> names(ProjectRecord r) {
        return r.indicators().stream().map(Indicator::level3).toList();
    }

    private static String plain(Optional<Sourced<BigDecimal>> v) {
        return v.map(x -> x.value().stripTrailingZeros().toPlainString()).orElse("");
    }
}
