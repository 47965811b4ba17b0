package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.model.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows as the seed text exports write them, tab-separated, with the column drift of DOMAIN.md
 * §5.3, must land in the right fields.
 */
class RowGrammarTest {

    private static final HeadingDictionary DICTIONARY = HeadingDictionary.load(new TextNormalizer());
    private static final RowGrammar READER = new RowGrammar(DICTIONARY, new MeasureParser(), Prose.load());

    /** Seed 000's header: one leading empty cell (the 绩效目标 column), then the Shanxi columns. */
    private static final String SHANXI_000 = "\t一级指标\t二级指标\t三级指标\t年度指标值\t调整后指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";
    /** Seed 004's second form: the header sits one column left of its data rows. */
    private static final String SHANXI_004B = "一级指标\t二级指标\t三级指标\t年度指标值\t调整后指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\t";
    /** Chongqing's department form: a row's 计量单位 and 指标性质 columns before its three values. */
    private static final String CHONGQING = "一级指标\t二级指标\t三级指标\t计量单位\t指标性质\t年初指标值\t调整后指标值\t实际完成值\t分值\t得分系数(%)\t得分\t是否核心指标\t偏差原因分析及改进措施";
    /** Seed 002's annex: 权重 before 目标值, and a 完成率 column. */
    private static final String XINZHOU = "一级指标\t二级指标\t目标指标\t权重\t目标值\t业绩值\t完成率\t指标得分\t偏差原因分析及改进措施";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        # header    | row (tabs as \\t)                                                                  | level1 | level2 | level3 | target | adjusted | actual | weight | score
        SHANXI_000  | '绩效目标\\t产出指标\\t数量指标\\t运维项目数\\t大于等于350个\\t\\t100%\\t11.25\\t11.25'      | 产出指标 | 数量指标 | 运维项目数 | 大于等于350个 | | 100% | 11.25 | 11.25
        SHANXI_000  | '\\t\\t时效指标\\t项目完成时间\\t2021年6月底\\t\\t\\t11.25\\t0'                              | | 时效指标 | 项目完成时间 | 2021年6月底 | | | 11.25 | 0
        SHANXI_000  | '\\t\\t成本指标\\t平均运维成本\\t小于48.71万元\\t\\t\\t100%\\t11.25\\t11.25'                  | | 成本指标 | 平均运维成本 | 小于48.71万元 | | 100% | 11.25 | 11.25
        SHANXI_000  | '\\t效益指标\\t经济效益\\t促进政务集约化运维效果\\t显著\\t\\t\\t100%\\t11.25\\t11.25'           | 效益指标 | 经济效益 | 促进政务集约化运维效果 | 显著 | | 100% | 11.25 | 11.25
        SHANXI_000  | '满意度指标\\t服务对象满意度指标\\t服务对象满意度指标\\t主服务投诉事件≤3件\\t\\t\\t100%\\t11.25\\t11.25' | 满意度指标 | 服务对象满意度指标 | 服务对象满意度指标 | 主服务投诉事件≤3件 | | 100% | 11.25 | 11.25
        SHANXI_004B | '绩效目标\\t产出指标\\t数量指标\\t开展业务调研次数\\t10次\\t6次\\t1\\t0.6'                     | 产出指标 | 数量指标 | 开展业务调研次数 | 10次 | | 6次 | 1 | 0.6
        SHANXI_004B | '\\t\\t\\t完成公告信息推送数量\\t1725次\\t500次\\t391次\\t0.5\\t0.39'                          | | | 完成公告信息推送数量 | 1725次 | 500次 | 391次 | 0.5 | 0.39
        SHANXI_004B | '\\t批量购置桌椅等其他设备\\t1批\\t\\t1批\\t5\\t5'                                           | | | 批量购置桌椅等其他设备 | 1批 | | 1批 | 5 | 5
        SHANXI_004B | 'LED显示屏\\t\\t60000元/平方米\\t\\t33696.04元/平方米\\t1\\t1'                              | | | LED显示屏 | 60000元/平方米 | | 33696.04元/平方米 | 1 | 1
        SHANXI_004B | '\\t质量指标\\t政府采购项目废标率\\t同比下降5%\\t\\t100%\\t1\\t1'                                | | 质量指标 | 政府采购项目废标率 | 同比下降5% | | 100% | 1 | 1
        SHANXI_004B | '效益指标\\t经济效益\\t财政资金节支率\\t同比提高\\t\\t100%\\t15\\t15'                           | 效益指标 | 经济效益 | 财政资金节支率 | 同比提高 | | 100% | 15 | 15
        XINZHOU     | '\\t时效指标\\t保障全市各类信息系统安全、稳定、可靠地运行\\t10\\t持续\\t95%\\t95%\\t9.5\\t原因：缺乏数据支持' | | 时效指标 | 保障全市各类信息系统安全、稳定、可靠地运行 | 持续 | | 95% | 10 | 9.5
        """)
    void placesEveryCellInItsField(String headerName, String row, String level1, String level2, String level3,
                                   String target, String adjusted, String actual, String weight, String score) {
        HeaderModel header = header(switch (headerName) {
            case "SHANXI_000" -> SHANXI_000;
            case "SHANXI_004B" -> SHANXI_004B;
            default -> XINZHOU;
        });

        RowGrammar.Assigned a = READER.read(header, cells(row.replace("\\t", "\t"))).orElseThrow();

        assertEquals(Optional.ofNullable(level1), a.level1().map(Cell::text), "level1");
        assertEquals(Optional.ofNullable(level2), a.level2().map(Cell::text), "level2");
        assertEquals(Optional.of(level3), a.level3().map(Cell::text), "level3");
        assertEquals(Optional.ofNullable(target), text(a, ColumnRole.of(ColumnRole.Part.TARGET)), "target");
        assertEquals(Optional.ofNullable(adjusted), text(a, ColumnRole.of(ColumnRole.Part.ADJUSTED_TARGET)), "adjusted target");
        assertEquals(Optional.ofNullable(actual), text(a, ColumnRole.of(ColumnRole.Part.ACTUAL)), "actual");
        assertEquals(Optional.of(weight), text(a, ColumnRole.of(ColumnRole.Part.WEIGHT)), "weight");
        assertEquals(Optional.of(score), text(a, ColumnRole.of(ColumnRole.Part.SCORE)), "score");
    }

    @Test
    void keepsTheDeviationReasonAndCompletionRateOfTheXinzhouAnnex() {
        RowGrammar.Assigned a = READER.read(header(XINZHOU),
                cells("\t时效指标\t保障运行\t10\t持续\t95%\t95%\t9.5\t原因：缺乏数据支持")).orElseThrow();

        assertEquals(Optional.of("95%"), text(a, ColumnRole.of(ColumnRole.Part.COMPLETION_RATE)));
        assertEquals(Optional.of("原因：缺乏数据支持"), text(a, ColumnRole.of(ColumnRole.Part.REASON, ColumnRole.Qualifier.DEVIATION)));
    }

    @Test
    void analysisTextUnderTheTableIsNoIndicatorRow() {
        assertTrue(READER.read(header(SHANXI_000), cells("项目绩效分析\t自评结果分析\t项目实施和预算执行情况")).isEmpty());
    }

    @Test
    void aRowWithoutWeightAndScoreKeepsItsTarget() {
        RowGrammar.Assigned a = READER.read(header(SHANXI_000), cells("\t\t数量指标\t运维项目数\t大于等于350个")).orElseThrow();

        assertEquals(Optional.of("运维项目数"), a.level3().map(Cell::text));
        assertEquals(Optional.of("大于等于350个"), text(a, ColumnRole.of(ColumnRole.Part.TARGET)));
        assertTrue(a.value(ColumnRole.of(ColumnRole.Part.WEIGHT)).isEmpty());
    }

    @Test
    void headerNeedsTheIndicatorAndOneOfItsValues() {
        assertTrue(HeaderModel.parse(cells(SHANXI_000), List.of(), DICTIONARY).isPresent());
        assertTrue(HeaderModel.parse(cells("项目名称\t\t信息化运行维护费"), List.of(), DICTIONARY).isEmpty());
        assertTrue(HeaderModel.parse(cells("一级指标\t二级指标\t三级指标\t年度指标值"), List.of(), DICTIONARY).isPresent(),
                "a 绩效目标 table without weight or score is a header too");
        assertTrue(HeaderModel.parse(cells("一级指标\t二级指标\t三级指标"), List.of(), DICTIONARY).isEmpty());
    }

    @Test
    void aTextRowThatLostItsEmptyCellsStatesItsWeightAndScore() {
        // Anhui's form as a page's text, cells cut at single spaces: the row 质量指标 指标1:工程质量合格
        // 10 10 left 年度指标值 and 实际完成值 empty, and their cells left no trace.
        HeaderModel h = header("二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施");

        RowGrammar.Assigned lost = READER.read(h, cells("质量指标\t指标1:工程质量合格\t10\t10")).orElseThrow();
        assertEquals(Optional.of("10"), text(lost, ColumnRole.of(ColumnRole.Part.WEIGHT)));
        assertEquals(Optional.of("10"), text(lost, ColumnRole.of(ColumnRole.Part.SCORE)));
        assertEquals(Optional.empty(), text(lost, ColumnRole.of(ColumnRole.Part.TARGET)));

        // Its name is no level name, even where the dictionary knows the words (服务对象满意度):
        // a value follows it.
        RowGrammar.Assigned named = READER.read(h, cells("指标1:服务对象满意度\t90%\t100%\t10\t10")).orElseThrow();
        assertEquals("指标1:服务对象满意度", named.level3().orElseThrow().text());
        assertEquals(Optional.of("90%"), text(named, ColumnRole.of(ColumnRole.Part.TARGET)));
        assertEquals(Optional.of("100%"), text(named, ColumnRole.of(ColumnRole.Part.ACTUAL)));

        // A row that keeps its empty cells keeps their places: there 10 and 10 are target and actual.
        RowGrammar.Assigned kept = READER.read(h, cells("质量指标\t工程质量合格\t10\t10\t\t\t")).orElseThrow();
        assertEquals(Optional.of("10"), text(kept, ColumnRole.of(ColumnRole.Part.TARGET)));
        assertEquals(Optional.empty(), text(kept, ColumnRole.of(ColumnRole.Part.WEIGHT)));
    }

    @Test
    void readsARowThatLostItsEmptyAdjustedTargetAsTargetActualWeightAndScore() {
        // Seed 004's columns; the page's row dropped the empty 调整后指标值, so by position its actual
        // would stand under 调整后指标值, its weight under 实际完成值 and its score under 分值.
        RowGrammar.Assigned a = READER.read(header(SHANXI_004B),
                cells("效益指标\t经济效益\t促进政务集约化运维效果\t显著\t100%\t11.25\t11.25")).orElseThrow();

        assertEquals(Optional.empty(), text(a, ColumnRole.of(ColumnRole.Part.ADJUSTED_TARGET)));
        assertPlaced(a, Map.of(
                Part.TARGET, "显著",
                Part.ACTUAL, "100%",
                Part.WEIGHT, "11.25",
                Part.SCORE, "11.25"));
    }

    @Test
    void anIndicatorNamedAsALevelIsTheNameWhereAValueFollowsIt() {
        // 服务对象满意度 is a level's name too; a row that lost its empty level cells begins with it.
        RowGrammar.Assigned a = READER.read(header(SHANXI_004B),
                cells("服务对象满意度\t≥89%\t89%\t5\t5")).orElseThrow();

        assertEquals(Optional.empty(), a.level1().map(Cell::text));
        assertEquals(Optional.of("服务对象满意度"), a.level3().map(Cell::text));
        assertEquals(Optional.of("≥89%"), text(a, ColumnRole.of(ColumnRole.Part.TARGET)));
        assertEquals(Optional.of("89%"), text(a, ColumnRole.of(ColumnRole.Part.ACTUAL)));
    }

    @Test
    void anIndicatorNamedAsALevelIsTheNameWhereItsUnitFollowsIt() {
        RowGrammar.Assigned a = READER.read(header(CHONGQING), cells("服务对象满意度\t%\t≥\t87\t/\t83.36\t5\t95.82\t4.79\t否")).orElseThrow();

        assertEquals(Optional.empty(), a.level1().map(Cell::text));
        assertEquals(Optional.of("服务对象满意度"), a.level3().map(Cell::text));
        assertEquals(Optional.of("%"), text(a, ColumnRole.of(ColumnRole.Part.UNIT)));
        assertEquals(Optional.of("4.79"), text(a, ColumnRole.of(ColumnRole.Part.SCORE)));
    }

    @Test
    void takesTheTaskThatOpensARowWhichLostItsEmptyCells() {
        // A department form's row as a page writes it without its empty cells: the 绩效指标 column
        // is gone, so every cell sits one column left of its heading.
        HeaderModel header = header("绩效指标\t年度主要任务\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施");

        RowGrammar.Assigned a = READER.read(header,
                cells("保障机关正常运转\t产出指标\t质量指标\t水质检测达标率\t≥98%\t96.2%\t10\t9.82\t部分资金年底到位")).orElseThrow();

        assertEquals(Optional.of("保障机关正常运转"), a.task().map(Cell::text));
        assertEquals(Optional.of("产出指标"), a.level1().map(Cell::text));
        assertEquals(Optional.of("质量指标"), a.level2().map(Cell::text));
        assertEquals(Optional.of("水质检测达标率"), a.level3().map(Cell::text));
        assertEquals(Optional.of("≥98%"), text(a, ColumnRole.of(ColumnRole.Part.TARGET)));
        assertEquals(Optional.of("9.82"), text(a, ColumnRole.of(ColumnRole.Part.SCORE)));
    }

    @Test
    void placesUnitAndComparatorCellsInTheirColumnsWhereTheRowLostItsEmptyCells() {
        // Chongqing's department form; the row left 调整后指标值 and the reason empty, and lost them.
        RowGrammar.Assigned a = READER.read(header(CHONGQING),
                cells("接待读者观众\t人次\t≥\t26000\t27478\t6.25\t100\t6.25\t是")).orElseThrow();

        assertPlaced(a, Map.of(
                Part.UNIT, "人次",
                Part.COMPARATOR, "≥",
                Part.TARGET, "26000",
                Part.ACTUAL, "27478",
                Part.WEIGHT, "6.25",
                Part.SCORE, "6.25"));
        // The last cell is the 是否核心指标 mark, not a reason.
        assertEquals(Optional.of("是"), text(a, ColumnRole.of(ColumnRole.Part.CORE_INDICATOR)));
        assertEquals(Optional.empty(), text(a, ColumnRole.of(ColumnRole.Part.REASON, ColumnRole.Qualifier.DEVIATION)));
    }

    /** Each role's cell in {@code a} holds the text given for it. */
    private static void assertPlaced(RowGrammar.Assigned a, Map<Part, String> expected) {
        expected.forEach((part, value) -> assertEquals(Optional.of(value), text(a, ColumnRole.of(part)), part.name()));
    }

    private static HeaderModel header(String tabbed) {
        return HeaderModel.parse(cells(tabbed), List.of(), DICTIONARY).orElseThrow();
    }

    private static Optional<String> text(RowGrammar.Assigned a, ColumnRole role) {
        return a.value(role).map(Cell::text);
    }

    static List<Cell> cells(String tabbed) {
        String[] parts = tabbed.split("\t", -1);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            cells.add(Cell.of(i, parts[i]));
        }
        return cells;
    }
}
