package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streamed .xlsx reader gives, cell for cell, what POI's usermodel walk gives (the way .xlsx
 * was read before, still the .xls path), and stays small and quick on hostile sheets.
 */
class XlsxWorkbookTest {

    private final Readers readers = Readers.withDefaults();
    private final SpreadsheetReader spreadsheets = new SpreadsheetReader(ReadLimits.defaults());

    /** What the usermodel walk gives for a .xlsx. */
    private Document reference(Source source) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(source.content()))) {
            return Fixtures.ok(spreadsheets.readWorkbook(source, wb, SourceFormat.XLSX));
        }
    }

    private void assertReadsAsTheUsermodel(Source source) throws IOException {
        Document streamed = Fixtures.ok(readers.read(source));
        assertEquals(reference(source), streamed, source.name());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shanxi-2020-it-ops/form.xlsx", "shanxi-2020-cloud-rent/form.xlsx",
            "shanxi-2020-trading-center/form.xlsx", "xinzhou-2020-it-build/form.xlsx"})
    void readsCorpusWorkbooksAsTheUsermodel(String path) throws IOException {
        Source source = Fixtures.corpusSource(path);
        assertReadsAsTheUsermodel(source);
        // and the package-model fallback reads the same
        Document viaPackage = OfficeFiles.openOoxml(source).then(o -> spreadsheets.readXlsx(source, o)) instanceof
                org.jixiao.model.Result.Ok<Document> ok ? ok.value() : null;
        assertEquals(Fixtures.ok(readers.read(source)), viaPackage);
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 30);
    }

    /** Seeded random workbooks with every cell type, number formats, dates, merges and rich text. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readsGeneratedWorkbooksAsTheUsermodel(int seed) throws IOException {
        assertReadsAsTheUsermodel(new Source("gen" + seed + ".xlsx", generated(seed)));
    }

    private static byte[] generated(int seed) throws IOException {
        Random rnd = new Random(seed);
        String[] words = {"项目名称", "  年度资金总额 ", "绩效目标\n完成", "A_x000D_B", " ", "≥350个", "100%", "x_x41_y", "", "信息化运行维护费"};
        String[] formats = {"General", "0.00%", "0%", "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "0.0", "#,##0.00", "@", "h:mm", "m/d/yy"};
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            if (rnd.nextInt(4) == 0) {
                wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            }
            DataFormat df = wb.createDataFormat();
            List<CellStyle> styles = new ArrayList<>();
            for (String f : formats) {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(df.getFormat(f));
                styles.add(s);
            }
            CellStyle builtinDate = wb.createCellStyle();
            builtinDate.setDataFormat((short) 14);
            styles.add(builtinDate);
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            int sheets = 1 + rnd.nextInt(3);
            for (int s = 0; s < sheets; s++) {
                XSSFSheet sheet = wb.createSheet("S" + s);
                if (rnd.nextInt(5) == 0) {
                    continue;
                }
                if (rnd.nextBoolean()) {
                    sheet.setDefaultColumnStyle(rnd.nextInt(6), styles.get(1));
                }
                int rows = 1 + rnd.nextInt(30);
                int cols = 1 + rnd.nextInt(10);
                for (int r = 0; r < rows; r++) {
                    if (rnd.nextInt(6) == 0) {
                        continue;
                    }
                    org.apache.poi.ss.usermodel.Row row = sheet.createRow(r * (1 + rnd.nextInt(2)));
                    for (int c = 0; c < cols; c++) {
                        int kind = rnd.nextInt(12);
                        if (kind == 0) {
                            continue;
                        }
                        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                        switch (kind) {
                            case 1, 2, 3 -> cell.setCellValue(words[rnd.nextInt(words.length)]);
                            case 4 -> {
                                XSSFRichTextString rich = new XSSFRichTextString("指标" + rnd.nextInt(100) + "值");
                                rich.applyFont(0, 2, bold);
                                cell.setCellValue(rich);
                            }
                            case 5, 6 -> {
                                cell.setCellValue(rnd.nextInt(3) == 0 ? rnd.nextInt(100000) : rnd.nextDouble() * 1000);
                                cell.setCellStyle(styles.get(rnd.nextInt(styles.size())));
                            }
                            case 7 -> {
                                cell.setCellValue(LocalDateTime.of(2020, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28),
                                        rnd.nextBoolean() ? 0 : rnd.nextInt(24), 0));
                                cell.setCellStyle(styles.get(3 + rnd.nextInt(2)));
                            }
                            case 8 -> cell.setCellValue(rnd.nextBoolean());
                            case 9 -> cell.setCellErrorValue(FormulaError.DIV0.getCode());
                            case 10 -> {
                                cell.setCellFormula("1+" + rnd.nextInt(9));
                                if (rnd.nextBoolean()) {
                                    cell.setCellValue(rnd.nextInt(50) / 4.0);
                                } else {
                                    cell.setCellValue("公式" + rnd.nextInt(9));
                                }
                            }
                            default -> cell.setCellStyle(styles.get(rnd.nextInt(styles.size())));
                        }
                    }
                }
                // Non-overlapping merges, some over text that is not at their corner.
                boolean[][] used = new boolean[rows * 2 + 4][cols + 4];
                for (int m = rnd.nextInt(6); m > 0; m--) {
                    int r0 = rnd.nextInt(rows * 2);
                    int c0 = rnd.nextInt(cols);
                    int r1 = r0 + rnd.nextInt(3);
                    int c1 = c0 + rnd.nextInt(3);
                    if (r0 == r1 && c0 == c1 || anyUsed(used, r0, r1, c0, c1)) {
                        continue;
                    }
                    for (int r = r0; r <= r1; r++) {
                        for (int c = c0; c <= c1; c++) {
                            used[r][c] = true;
                        }
                    }
                    sheet.addMergedRegionUnsafe(new CellRangeAddress(r0, r1, c0, c1));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static boolean anyUsed(boolean[][] used, int r0, int r1, int c0, int c1) {
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                if (used[r][c]) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- hand-written sheets: what POI's writer never produces but other writers do ----

    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    private static byte[] xlsx(String sheetXml, String... sharedStrings) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                </Types>"""));
        entries.put("_rels/.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>"""));
        entries.put("xl/workbook.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
        entries.put("xl/_rels/workbook.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>
                </Relationships>"""));
        // Styles: 0 General, 1 a percentage, 2 the built-in date 14, 3 a custom date, 4 a quoted %.
        entries.put("xl/styles.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <numFmts count="3"><numFmt numFmtId="164" formatCode="0.00%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
                <numFmt numFmtId="166" formatCode="0.0&quot;%&quot;"/></numFmts>
                <fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
                <cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>
                <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
                </styleSheet>"""));
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String s : sharedStrings) {
            sst.append(s.startsWith("<") ? s : "<si><t xml:space=\"preserve\">" + s + "</t></si>");
        }
        entries.put("xl/sharedStrings.xml", utf8(sst.append("</sst>").toString()));
        entries.put("xl/worksheets/sheet1.xml", utf8(sheetXml));
        return Fixtures.zip(entries);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // rows and cells without references: POI numbers them on from the highest so far
        "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row><row><c r=\"C2\" t=\"s\"><v>2</v></c><c t=\"s\"><v>0</v></c></row>",
        // a row given twice: the later one replaces the earlier, even when blank
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row><row r=\"1\"><c r=\"B1\"/></row>",
        // a cell given twice in its row: the later one wins, a blank one too
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"A1\"/><c r=\"B1\" t=\"s\"><v>2</v></c></row>",
        // rows out of order, lower-case and absolute references
        "<row r=\"3\"><c r=\"b3\" t=\"s\"><v>0</v></c></row><row r=\"1\"><c r=\"$A$1\" t=\"s\"><v>1</v></c></row>",
        // every value type, formulas with and without cached values, an index past the table
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t> 内联 </t></is></c><c r=\"B1\" t=\"str\"><f>A1</f><v>公式_x000A_文本</v></c>"
            + "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c><c r=\"E1\"><f>1+1</f></c>"
            + "<c r=\"F1\"><v>17049.23</v></c><c r=\"G1\" t=\"s\"><v>99</v></c><c r=\"H1\"/><c r=\"I1\" t=\"b\"/></row>",
        // rich text: runs win over the plain text, phonetic runs are left out
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c><c r=\"B1\" t=\"inlineStr\"><is><r><t>项目</t></r><r><rPr><b/></rPr><t>名称</t></r><rPh sb=\"0\" eb=\"1\"><t>xiang</t></rPh></is></c></row>"
            + "<mergeCells count=\"0\"/>",
        // merges: a corner without text still spans, text under a merge is hidden, a merge past the last row is cut
        "<row r=\"1\"><c r=\"A1\"/><c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"D1\" t=\"s\"><v>1</v></c></row>"
            + "<row r=\"2\"><c r=\"C2\" t=\"s\"><v>2</v></c></row></sheetData>"
            + "<mergeCells><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"D1:E9\"/><mergeCell ref=\"F1\"/></mergeCells></worksheet>",
    })
    void readsHandWrittenSheetsAsTheUsermodel(String rows) throws IOException {
        String sheet = SHEET_START + rows + (rows.contains("</worksheet>") ? "" : SHEET_END);
        byte[] bytes = xlsx(sheet, "项目名称", "资金", "目标",
                "<si><r><t>年度</t></r><r><t>目标</t></r></si>");
        assertReadsAsTheUsermodel(new Source("hand.xlsx", bytes));
    }

    @Test
    void readsAComparisonTheSpreadsheetTookForAFormulaAsTyped() throws IOException {
        // 指标值 typed as =100% becomes the formula 100% with the result 1 (shown 100%); typed with
        // full-width digits it becomes an error. Both read as typed; a lone number after = (a
        // weight, an amount) and a formula that computes keep their results.
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" s=\"1\"><f>100%</f><v>1</v></c>"
                + "<c r=\"B1\" t=\"e\"><f>\uFF11\uFF10\uFF10\uFF05</f><v>#N/A</v></c>"
                + "<c r=\"C1\"><f>95.5</f><v>95.5</v></c><c r=\"D1\"><f>C1*2</f><v>191</v></c></row>"
                + SHEET_END;
        Source source = new Source("typed.xlsx", xlsx(sheet));

        assertReadsAsTheUsermodel(source);
        assertEquals(List.of("=100%", "=\uFF11\uFF10\uFF10\uFF05", "95.5", "191"),
                Fixtures.cellTexts(Fixtures.ok(readers.read(source)).tables().get(0)));
    }

    @Test
    void formatsNumbersByTheCellsStyleElseItsColumnsStyle() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<cols><col min=\"2\" max=\"3\" width=\"9\" style=\"1\"/><col min=\"5\" max=\"5\" style=\"2\"/></cols><sheetData>"
                + "<row r=\"1\"><c r=\"A1\"><v>0.6804</v></c><c r=\"B1\"><v>0.6804</v></c><c r=\"C1\" s=\"0\"><v>0.5</v></c>"
                + "<c r=\"D1\" s=\"2\"><v>44196</v></c><c r=\"E1\"><v>44196.5</v></c><c r=\"F1\" s=\"3\"><v>44196</v></c>"
                + "<c r=\"G1\" s=\"4\"><v>12.5</v></c><c r=\"H1\" s=\"1\"><f>G1</f></c></row><row r=\"2\"><c r=\"B2\" s=\"99\"><v>0.25</v></c></row>"
                + SHEET_END;
        Source source = new Source("styles.xlsx", xlsx(sheet));
        assertReadsAsTheUsermodel(source);
        assertEquals(List.of("0.6804", "68.04%", "0.5", "2020-12-31", "2020-12-31T12:00", "2020-12-31", "12.5", "0%", "25%"),
                Fixtures.cellTexts(Fixtures.ok(readers.read(source)).tables().get(0)));
    }

    @Test
    void hidesTextUnderAMergeAndKeepsTheCornersSpans() {
        byte[] bytes = xlsx(SHEET_START
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>2</v></c></row>"
                + "</sheetData><mergeCells><mergeCell ref=\"A1:C2\"/></mergeCells></worksheet>", "项目名称", "隐藏", "资金");
        Table t = Fixtures.ok(readers.read(new Source("m.xlsx", bytes))).tables().get(0);
        assertEquals(List.of(new Row(List.of(new Cell(0, 3, 1, "项目名称"), Cell.of(3, "资金")))), t.rows(),
                "the merge is cut at the last row with text; B1 lies under it");
    }

    @Test
    void refusesRowNumbersNearTheSheetsEndQuicklyAndSmall() {
        // As ../shared/corpus/hostile/huge-rowref.xlsx: rows from 1048571 up, the first cell in column XFD.
        StringBuilder rows = new StringBuilder(SHEET_START);
        for (int n = 1; n <= 88; n++) {
            long r = Long.parseLong("104857" + n);
            rows.append("<row r=\"").append(r).append("\"><c r=\"XFD").append(n).append("\" t=\"s\"><v>0</v></c>")
                    .append("<c r=\"B").append(n).append("\" t=\"s\"><v>1</v></c></row>");
        }
        rows.append("</sheetData><mergeCells><mergeCell ref=\"A1:Y1\"/><mergeCell ref=\"A2:Y2\"/></mergeCells></worksheet>");
        Source source = new Source("huge-rowref.xlsx", xlsx(rows.toString(), "项目", "名称"));
        Fixtures.assertFailed("read.too_many_cells",
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readers.read(source)));
    }

    @Test
    void keepsTheSheetsRowNumbersWithinTheLimit() {
        Source source = new Source("far.xlsx", xlsx(SHEET_START
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"40000\"><c r=\"C40000\" t=\"s\"><v>1</v></c></row>" + SHEET_END, "项目", "名称"));
        Table t = Fixtures.ok(readers.read(source)).tables().get(0);
        assertEquals(40000, t.rows().size());
        assertEquals("sheet 表1, table 1, row 40000, col 3", t.ref(39999, 2).describe());
    }

    @Test
    void refusesTwoHundredThousandRowsAtTheCellLimit() throws IOException {
        // As gen_large.py's rows-200k.xlsx: 800,000 cells, streamed into the zip here.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] small = xlsx(SHEET_START + SHEET_END);
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(small))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    writeRows(zip, 200_000);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        Source source = new Source("rows-200k.xlsx", bytes.toByteArray());
        Fixtures.assertFailed("read.too_many_cells",
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readers.read(source)));
    }

    private static void writeRows(OutputStream out, int rows) throws IOException {
        out.write(utf8(SHEET_START));
        StringBuilder b = new StringBuilder();
        for (int r = 1; r <= rows; r++) {
            b.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>产出指标</t></is></c>")
                    .append("<c r=\"B").append(r).append("\" t=\"inlineStr\"><is><t>数量指标").append(r).append("</t></is></c>")
                    .append("<c r=\"C").append(r).append("\"><v>").append(r).append("</v></c>")
                    .append("<c r=\"D").append(r).append("\"><v>-1.5</v></c></row>");
            if (b.length() > 1 << 16) {
                out.write(utf8(b.toString()));
                b.setLength(0);
            }
        }
        out.write(utf8(b.append(SHEET_END).toString()));
    }

    @Test
    void testsManyMergesAgainstManyCellsQuickly() {
        // 30,000 merges over 30,000 text rows: testing every cell against every merge was 10^9 steps.
        StringBuilder xml = new StringBuilder(SHEET_START);
        for (int r = 1; r <= 30_000; r++) {
            xml.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>0</v></c>")
                    .append("<c r=\"B").append(r).append("\" t=\"s\"><v>1</v></c></row>");
        }
        xml.append("</sheetData><mergeCells>");
        for (int r = 1; r <= 30_000; r++) {
            xml.append("<mergeCell ref=\"A").append(r).append(":C").append(r).append("\"/>");
        }
        Source source = new Source("merges.xlsx", xlsx(xml.append("</mergeCells></worksheet>").toString(), "指标", "隐藏"));
        Document d = Fixtures.ok(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readers.read(source)));
        List<Row> rows = d.tables().get(0).rows();
        assertEquals(30_000, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.cells().equals(List.of(new Cell(0, 3, 1, "指标")))));
    }
}
