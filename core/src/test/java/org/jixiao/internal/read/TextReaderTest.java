package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Failure;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text layouts: pipes, space-aligned rows, LibreOffice's cell-per-line export and the seeds. */
class TextReaderTest {

    private final TextReader reader = new TextReader(ReadLimits.defaults());

    private Document read(String text) {
        return Fixtures.ok(reader.read(new Source("t.txt", text.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> texts(Row row) {
        return row.cells().stream().map(Cell::text).toList();
    }

    @Test
    void readsPipeRowsWithOptionalOuterPipesAndSkipsSeparators() {
        Document d = read("""
                Title
                | 项目名称 | 信息化运行维护费 |
                |---|:---:|
                年度资金总额 | 17049.23 | 11601.09
                after""");
        Table t = d.tables().get(0);
        assertEquals(2, t.rows().size());
        assertEquals(List.of("项目名称", "信息化运行维护费"), texts(t.rows().get(0)));
        assertEquals(List.of("年度资金总额", "17049.23", "11601.09"), texts(t.rows().get(1)));
        // Paragraphs of a text file know their lines (line 5 is after the table).
        assertEquals(List.of(new Paragraph(1, "Title", 1), t, new Paragraph(2, "after", 5)), d.blocks());
    }

    @Test
    void joinsPipeRowsAWebPageWrapped() {
        Document d = read("""
                | 项目名称 |
                2020年卫片执法补助经费 |
                |||||
                |
                项目资金 (万元) |
                年初预算数 | 全年预算数 | ||
                | 年度资金总额 | 7.29 | 7.29 |""");
        Table t = d.tables().get(0);
        assertEquals(3, t.rows().size());
        assertEquals(List.of("项目名称", "2020年卫片执法补助经费"), texts(t.rows().get(0)).subList(0, 2));
        assertEquals(List.of("项目资金 (万元)", "年初预算数", "全年预算数"), texts(t.rows().get(1)).subList(0, 3));
        assertEquals(List.of("年度资金总额", "7.29", "7.29"), texts(t.rows().get(2)));
    }

    @Test
    void readsCellsClosedByPipesAsTheCellPerLineExport() {
        // A web page's table as some page-to-text tools write it: every cell on a line of its own
        // closed by a pipe, an empty cell a lone pipe, nothing where a row ends.
        StringBuilder page = new StringBuilder("部门预算项目支出绩效自评表(2023年度) |\n项目名称 |\n工资性支出 |\n主管部门 |\n|\n");
        for (int k = 1; k <= 20; k++) {
            page.append("单元").append(k).append(" |\n");
        }
        Document d = read(page.toString());

        assertEquals(1, d.tables().size());
        assertTrue(d.paragraphs().isEmpty(), "the extractor re-chunks the whole text");
        Table t = d.tables().get(0);
        assertEquals(1, t.columnCount());
        assertEquals(List.of("部门预算项目支出绩效自评表(2023年度)"), texts(t.rows().get(0)));
        assertEquals(List.of("工资性支出"), texts(t.rows().get(2)), "the closing pipe is dropped");
        assertEquals(List.of(""), texts(t.rows().get(4)), "a lone pipe is an empty cell");
    }

    @Test
    void readsACellPerParagraphPageAsTheCellPerLineExport() {
        // A web page's table with a <p> per cell: an empty line after every cell, a line of
        // spaces for an empty cell, a cell's own line break a line inside its paragraph.
        StringBuilder page = new StringBuilder("项目支出绩效自评表\n\n项目资金\n(万元)\n\n \n\n年初\n\n预算数\n\n");
        for (int k = 1; k <= 30; k++) {
            page.append("单元").append(k).append("\n\n").append(k % 10 == 0 ? " \n\n" : "");
        }
        Document d = read(page.toString());

        assertEquals(1, d.tables().size());
        assertTrue(d.paragraphs().isEmpty(), "the extractor re-chunks the whole text");
        Table t = d.tables().get(0);
        assertEquals(List.of("项目支出绩效自评表"), texts(t.rows().get(0)));
        assertEquals(List.of("项目资金(万元)"), texts(t.rows().get(1)), "a paragraph's lines are one cell");
        assertEquals(List.of(""), texts(t.rows().get(2)), "a line of spaces is an empty cell");
        assertEquals(List.of("年初"), texts(t.rows().get(3)), "the separating empty lines are gone");
        assertEquals(List.of("预算数"), texts(t.rows().get(4)));
        assertEquals(5 + 30 + 2, t.rows().size(), "the cells, and the empty ones but the last, after which nothing follows");
    }

    @Test
    void keepsLibreOfficesCellPerLineExportWhoseEmptyLinesAreItsEmptyCells() {
        // The export runs its cells together; an empty line there is an empty cell, not a separator.
        StringBuilder text = new StringBuilder();
        for (int k = 1; k <= 30; k++) {
            text.append("单元").append(k).append('\n').append(k % 3 == 0 ? "\n" : "");
        }
        Table t = read(text.toString()).tables().get(0);

        assertEquals(List.of("单元1"), texts(t.rows().get(0)));
        assertEquals(List.of("单元2"), texts(t.rows().get(1)));
        assertEquals(List.of(""), texts(t.rows().get(3)));
        assertEquals(30 + 9, t.rows().size(), "the cells, and the empty ones but the last, after which nothing follows");
    }

    @Test
    void readsSingleSpacedRowsOfFiguresWithUnitsAndJoinsLetterSpacedLabels() {
        // A page whose cells are cut by one space or two, figures written with their units, and
        // the merged level cells spaced out letter by letter.
        String page = String.join("\n",
                "专项(项目)名称  道路建设项目 负责人及电话  张三",
                "三级指标  年度指标值  全年完成值  未完成原因和改进措施",
                "产 出 指 标  数量指标 指标1:新建道路 524m 524m",
                "指标2:硬化道路 5719m 5719m",
                "质量指标 指标1:工程完工率 100% 100%",
                "成本指标 道路交通设施 713万元 713万元",
                "效 益 指 标  社会效益指标 提高村民收入 显著 显著",
                "");
        Table t = read(page).tables().get(0);

        assertEquals(List.of("产出指标", "数量指标", "指标1:新建道路", "524m", "524m"), texts(t.rows().get(2)));
        assertEquals(List.of("指标2:硬化道路", "5719m", "5719m"), texts(t.rows().get(3)));
        assertEquals(List.of("效益指标", "社会效益指标", "提高村民收入", "显著", "显著"), texts(t.rows().get(6)));
    }

    @Test
    void readsSingleSpacedRowsWhoseFiguresAreFullWidth() {
        // A traditional-character form's page text: figures in full-width digits and signs.
        Table t = read(String.join("\n",
                "三級指標 年度指標值 實際完成值 分值 得分",
                "舉辦公益講座展覽 ≥２５場次 ２８場次 ８ ８",
                "資金使用合規率 ≥９９％ ９９％ ８ ８",
                "檔案資料完整率 ９６％ ９６％ ８ ８",
                "")).tables().get(0);

        assertEquals(4, t.rows().size());
        assertEquals(List.of("資金使用合規率", "≥９９％", "９９％", "８", "８"), texts(t.rows().get(2)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            产 出 指 标  数量指标     | 产出指标  数量指标
            绩 效 指 标               | 绩效指标
            一级 指标                 | 一级 指标
            新建道路 524m 年 度       | 新建道路 524m 年 度
            满 意 度 指 标 (10分)     | 满意度指标 (10分)
            产　出　指　标（50分） 数量指标 | 产出指标（50分） 数量指标
            """)
    void joinsOnlyWordsSpacedOutLetterByLetter(String line, String joined) {
        assertEquals(joined, TextReader.joinLetterSpaced(line));
    }

    @Test
    void readsAFormFlattenedOntoOneLineAsOneCellPerField() {
        StringBuilder line = new StringBuilder("项目名称 道路养护项目 主管部门 县交通运输局 年度资金总额: 120 120 114 10 95% 9.5");
        for (int k = 1; k <= 40; k++) {
            line.append(" 指标").append(k).append(" 10");
        }
        Document d = read("某县2021年度绩效自评结果公开\n" + line + "\n");

        Table t = d.tables().get(0);
        assertEquals(1, t.columnCount());
        assertEquals(List.of("某县2021年度绩效自评结果公开"), texts(t.rows().get(0)), "other lines stay lines of their own");
        assertEquals(List.of("项目名称"), texts(t.rows().get(1)));
        assertEquals(List.of("道路养护项目"), texts(t.rows().get(2)));
        assertEquals(List.of("年度资金总额:"), texts(t.rows().get(5)));
        assertEquals(1 + 11 + 80, t.rows().size());
    }

    @Test
    void leavesGluedTextAndProseOnTheirLines() {
        // Glued cells (no separator) and a paragraph of sentences are not flattened cells.
        String glued = "项目名称道路养护项目主管部门县交通运输局年度资金总额1201201141095%9.5".repeat(6);
        String prose = "本项目年初预算一百二十万元, 全年执行一百一十四万元, 完成了全部养护任务, 群众出行更加便利. ".repeat(8);
        Document d = read(glued + "\n" + prose + "\n");

        assertEquals(2, d.paragraphs().size());
        assertTrue(d.tables().isEmpty());

        // Nor is a line of English words, and a file of tab rows keeps its rows.
        String english = "the quick brown fox jumps over the lazy dog and runs away ".repeat(10);
        assertTrue(read(english + "\n").tables().isEmpty());
        StringBuilder flat = new StringBuilder();
        for (int k = 1; k <= 40; k++) {
            flat.append("指标").append(k).append(" 10 ");
        }
        Document tabbed = read("项目名称\t测试项目\n年度资金总额\t10\t10\n" + flat + "\n");
        assertEquals(List.of("项目名称", "测试项目"), texts(tabbed.tables().get(0).rows().get(0)));
    }

    @Test
    void takesTheLabelLinesBeforeASingleSpacedTableIntoIt() {
        // A page's form, rows on lines with single spaces between cells, opening with label and
        // value lines shorter than the funds rows that reveal the table.
        Document d = read(String.join("\n",
                "    项目支出绩效自评表",
                "    项目名称 水旱灾害防御经费",
                "    主管部门 实施单位 天长市水利局",
                "    项目资金",
                "    (万元)",
                "    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
                "    年度资金总额: 880 880 880 10 10",
                "     其中:本年财政拨款 880 880 880 - -",
                "    数量指标 指标1:完成灌区节水改造项目数量 1 1 10 10"));

        assertEquals(List.of("项目支出绩效自评表"), d.paragraphs().stream().map(p -> p.text()).toList());
        Table t = d.tables().get(0);
        assertEquals(List.of("项目名称", "水旱灾害防御经费"), texts(t.rows().get(0)));
        assertEquals(List.of("(万元)"), texts(t.rows().get(3)));
        assertEquals(List.of("年度资金总额:", "880", "880", "880", "10", "10"), texts(t.rows().get(5)));
    }

    @Test
    void readsRowsOfFiguresWithSingleSpacesAsRowsEvenWhenEveryLineIsShort() {
        // Short lines all, as the cell-per-line export has them, but three hold a row of figures.
        StringBuilder text = new StringBuilder("年度资金总额: 880 880 880 10 10\n其中:本年财政拨款 880 880 880 - -\n");
        for (int k = 1; k <= 20; k++) {
            text.append("指标").append(k).append(" 1 1 10 10\n");
        }
        Table t = read(text.toString()).tables().get(0);

        assertEquals(List.of("年度资金总额:", "880", "880", "880", "10", "10"), texts(t.rows().get(0)));
    }

    @Test
    @Timeout(60) // a hang guard: the closed-cell test once backtracked for minutes on such a line
    void aLongLineWithoutPipesIsNoClosedCell() {
        String line = "年度资金总额".repeat(20_000);
        StringBuilder text = new StringBuilder(line).append('\n');
        for (int k = 1; k <= 25; k++) {
            text.append("单元").append(k).append(" |\n");
        }
        Document d = read(text.toString());

        assertEquals(1, d.tables().size(), "the closed cells are the export's cells");
        assertEquals(List.of(line), texts(d.tables().get(0).rows().get(0)), "the long line is a cell of its own");
    }

    @Test
    void keepsEachPipeRowOfItsOwnWhereNoRowOpensWithAPipe() {
        // Rows closed by runs of pipes (a | b | ||) are whole lines: none goes on with the row above.
        Table t = read("""
                预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | ||
                总额 | 0.00 | 3.36 | 3.36 | ||
                其中:财政资金 | 0.00 | 3.36 | 3.36 | ||""").tables().get(0);

        assertEquals(3, t.rows().size());
        assertEquals(List.of("总额", "0.00", "3.36", "3.36"), texts(t.rows().get(1)).subList(0, 4));
    }

    @Test
    void aRowOpeningWithAPipeWhereTheFirstRowDoesNotHasAnEmptyFirstCell() {
        // The first cell (绩效指标, merged down the block) is empty in the row below the header;
        // its leading pipe makes neither it nor the rows after it the wrapped rest of a row.
        Table t = read("""
                绩效指标 | 一级指标 | 二级指标 | 三级指标 | 分值 |
                 | 产出指标 | 数量指标 | 租车次数 | 45 |
                宣传品制作个数 | 45 |""").tables().get(0);

        assertEquals(3, t.rows().size());
        assertEquals(List.of("", "产出指标", "数量指标", "租车次数", "45"), texts(t.rows().get(1)).subList(0, 5));
        assertEquals(List.of("宣传品制作个数", "45"), texts(t.rows().get(2)).subList(0, 2));
    }

    @Test
    void readsAWebTableWrittenOneIndentedCellPerLine() {
        String page = String.join("\n",
                "绩效",
                "       指标",
                "        | 一级指标",
                "        | 二级指标",
                "        | 三级指标",
                "        | 指标值",
                "        | ",
                "项目决策",
                "        | 数量指标",
                "        | 宣传次数",
                "        | 至少2次",
                "        | |",
                "质量指标",
                "        | 创建质量",
                "        | 按质按量完成",
                "        | ||",
                "评价申报内容与实际相符,申报目标合理可行。");
        Document d = read(page);
        Table t = d.tables().get(0);
        assertEquals(List.of("绩效指标", "一级指标", "二级指标", "三级指标", "指标值"), texts(t.rows().get(0)));
        assertEquals(List.of("项目决策", "数量指标", "宣传次数", "至少2次"), texts(t.rows().get(1)));
        assertEquals(List.of("质量指标", "创建质量", "按质按量完成"), texts(t.rows().get(2)));
        assertEquals(1, d.paragraphs().size(), "the narrative after the table stays a paragraph");
    }

    @Test
    void splitsRowsWrittenWithSingleSpacesBeforeTheirSpacesAreFolded() {
        Document d = read(String.join("\n",
                "( 2019 年度)",
                "项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局",
                "  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
                "年度资金总额 45 45 10 100% 10",
                "(50分)",
                "数量指标 全年免费开放 100% 100% 12.5 12.5",
                "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。",
                "质量指标 管理制度健全 100% 100% 12.5 12.5"));
        assertEquals(List.of("( 2019 年度)", "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。"),
                d.paragraphs().stream().map(p -> p.text()).toList(), "the year line and the long text stay paragraphs");
        Table first = d.tables().get(0);
        assertEquals(List.of("项目名称", "商品和服务支出", "主管部门", "济南市历城区文化和旅游局"), texts(first.rows().get(0)));
        assertEquals(List.of("(50分)"), texts(first.rows().get(3)), "a short line inside the table is a row of one cell");
        assertEquals(List.of("质量指标", "管理制度健全", "100%", "100%", "12.5", "12.5"),
                texts(d.tables().get(1).rows().get(0)));
    }

    @Test
    void keepsEmptyPipeCellsInTheirColumn() {
        Table t = read("a | | c\nd | e | f").tables().get(0);
        assertEquals(List.of(Cell.of(0, "a"), Cell.of(1, ""), Cell.of(2, "c")), t.rows().get(0).cells());
    }

    @Test
    void readsRowsSeparatedByRunsOfSpaces() {
        Document d = read("""
                自评表 （2020 年度）
                年度资金总额    17049.23   11601.09
                中央财政资金\u3000\u30000   0

                Narrative with one  double space.""");
        Table t = d.tables().get(0);
        assertEquals(List.of("年度资金总额", "17049.23", "11601.09"), texts(t.rows().get(0)));
        assertEquals(List.of("中央财政资金", "0", "0"), texts(t.rows().get(1)));
        assertEquals(List.of(new Paragraph(1, "自评表 （2020 年度）", 1), t,
                new Paragraph(2, "Narrative with one  double space.", 5)), d.blocks());
    }

    @Test
    void readsTwentyShortSpaceAlignedLinesAsATableNotAsTheLibreOfficeExport() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < TextReader.EXPORT_MIN_LINES; i++) {
            text.append("指标").append(i).append("  目标值  ≥10个\n");
        }
        Table t = read(text.toString()).tables().get(0);
        assertEquals(TextReader.EXPORT_MIN_LINES, t.rows().size());
        assertEquals(List.of(Cell.of(0, "指标0"), Cell.of(1, "目标值"), Cell.of(2, "≥10个")), t.rows().get(0).cells());
    }

    @Test
    void readsALineWithTwoSpaceSeparatedFieldsAloneAsAParagraph() {
        assertTrue(read("Item  value").tables().isEmpty());
    }

    @Test
    void readsTheLibreOfficeExportAsOneColumnKeepingBlankLines() {
        StringBuilder text = new StringBuilder("\uFEFFTitle\n");
        for (int i = 0; i < 25; i++) {
            text.append("cell ").append(i).append('\n');
        }
        text.append("\nafter blank\n\n");
        Document d = read(text.toString());
        assertTrue(d.paragraphs().isEmpty());
        Table t = d.tables().get(0);
        assertEquals(28, t.rows().size(), "title, 25 cells, the blank cell, the last cell; trailing blanks cut");
        assertEquals(Cell.of(0, "Title"), t.rows().get(0).cells().get(0));
        assertEquals(Cell.of(0, ""), t.rows().get(26).cells().get(0));
        assertEquals(Cell.of(0, "after blank"), t.rows().get(27).cells().get(0));
    }

    @Test
    void readsShortNarrativeWithoutTabsAsParagraphs() {
        Document d = read("line one\nline two\n\nline three");
        assertTrue(d.tables().isEmpty());
        assertEquals(3, d.paragraphs().size());
    }

    @Test
    void keepsTheSeedTabLayouts() {
        Document seed = Fixtures.ok(reader.read(Fixtures.corpusSource("seeds/000_28d3029d6f3e5f97.txt")));
        assertEquals(1, seed.tables().size());
        assertEquals(28, seed.tables().get(0).rows().size());
        Document cells = Fixtures.ok(reader.read(Fixtures.corpusSource("seeds/002_e50b47335a0e3ea5.txt")));
        assertEquals(7, cells.tables().size());
    }

    @Test
    void refusesATextFileTooLargeForAFormBeforeDecodingIt() {
        ReadLimits limits = new ReadLimits(64L * 1024 * 1024, 1000, 1_000_000L);
        byte[] big = new byte[5_000_000];
        Arrays.fill(big, (byte) 'x');

        Result<Document> r = new TextReader(limits).read(new Source("big.txt", big));

        Failure f = assertInstanceOf(Result.Failed.class, r).failure();
        assertEquals("read.too_large", f.code());
        assertTrue(f.message().contains("5000000 bytes"), f.message());
    }

    @Test
    void refusesATextWhoseTablesHoldMoreCellsThanTheLimit() {
        ReadLimits limits = new ReadLimits(64L * 1024 * 1024, 1000, 1_000_000L);
        String cells = "项目名称 |\n|\n".repeat(600);

        Result<Document> r = new TextReader(limits).read(new Source("cells.txt", cells.getBytes(StandardCharsets.UTF_8)));

        Failure f = assertInstanceOf(Result.Failed.class, r).failure();
        assertEquals("read.too_many_cells", f.code());
        assertTrue(f.message().contains("limit of 1000"), f.message());
        assertTrue(new TextReader(limits).read(new Source("fine.txt", "项目名称 |\n|\n".repeat(400)
                .getBytes(StandardCharsets.UTF_8))) instanceof Result.Ok, "within the limit it reads");
    }

    @Test
    void aBookmarkBeforeATabOrPipeNeitherHangsNorLeaksIntoCells() {
        TextReader reader = new TextReader(ReadLimits.defaults());
        for (String text : List.of("[bookmark: _Toc1]\tcell\n\tnext\n", "total |[bookmark: _Toc1]\nmore | rows\n")) {
            Result<Document> r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> reader.read(new Source("b.txt", text.getBytes(StandardCharsets.UTF_8))));
            Document d = ((Result.Ok<Document>) assertInstanceOf(Result.Ok.class, r)).value();
            assertEquals(1, d.tables().size(), text);
            assertTrue(d.tables().get(0).rows().stream().flatMap(row -> row.cells().stream())
                    .noneMatch(c -> c.text().contains("bookmark")), text);
        }
    }
}
