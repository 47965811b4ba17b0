package org.jixiao.internal.read;

import org.jixiao.Source;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PdfReaderTest {

    private final Readers readers = Readers.withDefaults();

    private Document read(String name, byte[] bytes) {
        return Fixtures.ok(readers.read(new Source(name, bytes)));
    }

    /** Cells as "col+colSpan v rowSpan: text", text without white space (the PDF's spacing is layout). */
    private static List<List<String>> shape(Table t) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (Cell c : r.cells()) {
                row.add(c.col() + "+" + c.colSpan() + "v" + c.rowSpan() + ":" + c.text().replaceAll("\\s", ""));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void readsACorpusPdfToTheGridOfItsDocxAcrossItsTwoPages() {
        Document docx = read("form.docx", Fixtures.corpus("shanxi-2020-it-ops/form.docx"));
        Document pdf = read("form.doc", Fixtures.corpus("shanxi-2020-it-ops/form.pdf"));
        assertEquals(SourceFormat.PDF, pdf.format());
        assertEquals(1, pdf.tables().size(), "the table running over two pages is one table");
        Table t = pdf.tables().get(0);
        assertEquals(shape(docx.tables().get(0)), shape(t));
        assertEquals(List.of("信息化运行维护费 项目绩效自评表", "（2020 年度）"),
                pdf.paragraphs().stream().map(p -> p.text()).toList());
        // a target the narrow cell wrapped onto two lines is one text again
        int row = Fixtures.rowOf(t, "运维项目数");
        assertEquals(row, Fixtures.rowOf(t, "大于等于350个"));
        assertEquals("page 1, table 1, row 1, col 1", t.ref(0, 0).describe());
        int last = t.rows().size() - 1;
        assertEquals("page 2, table 1, row " + (last + 1) + ", col 1", t.ref(last, 0).describe());
    }

    @Test
    void joinsAMergedCellWhoseLastCharacterThePageBreakCarriedOver() {
        // 可持续影响指标 spans two rows; the page break falls between them and leaves 标 on page 2.
        Document pdf = read("form.pdf", Fixtures.corpus("zoo/level1-weight-2/form.pdf"));
        assertEquals(1, pdf.tables().size(), "the table running over two pages is one table");
        List<String> cells = shape(pdf.tables().get(0)).stream().flatMap(List::stream).toList();
        assertTrue(cells.contains("2+1v2:可持续影响指标"), () -> cells.toString());
        assertTrue(cells.stream().noneMatch(c -> c.endsWith(":标") || c.endsWith(":可持续影响指")), () -> cells.toString());
    }

    @Test
    void keepsAShortTextAtTheHeadOfAPageApartFromAWholeTextAbove() {
        // Page 1 ends on 劳动者就业技能 | 持续提升: four glyphs near the cell's edges, with room for a
        // fifth. Page 2 opens on 长效管理机制建立情况 | 健全, two glyphs like the tail of a cut word.
        Table t = tableOverTwoPages("zoo/placeholder-rows-3/form.pdf");
        int before = rowFollowedBy(t, "劳动者就业技能", "长效管理机制建立情况");
        int after = before + 1;
        List<String> cells = shape(t).get(after);
        assertTrue(cells.contains("4+1v1:健全"), () -> cells.toString());
        assertTrue(shape(t).get(before).contains("4+1v1:持续提升"), () -> shape(t).get(before).toString());
        assertTrue(t.ref(after, 3).describe().startsWith("page 2, "), () -> t.ref(after, 3).describe());
    }

    @Test
    void keepsTheRowAtTheHeadOfAPageApartFromTheLastRowOfThePageBefore() {
        // Every cell of 火情响应时间 | ≤1小时 | 0.95小时 | 6.25 … nearly fills its narrow column, as a
        // cut text's last line does; but 资金拨付及时率 would have fitted after 火情响应时间.
        Table t = tableOverTwoPages("zoo/hubei-review-2/short-page.pdf");
        int last = rowFollowedBy(t, "火情响应时间", "资金拨付及时率");
        int head = last + 1;
        assertEquals(List.of("2+1v1:时效指标", "3+1v1:火情响应时间", "4+1v1:≤1小时", "5+1v1:0.95小时",
                "6+1v1:6.25", "7+1v1:6.25", "8+1v1:6.25", "9+1v1:"), shape(t).get(last));
        assertTrue(t.ref(last, 0).describe().startsWith("page 1, "), () -> t.ref(last, 0).describe());
        assertTrue(t.ref(head, 0).describe().startsWith("page 2, "), () -> t.ref(head, 0).describe());
    }

    @Test
    void joinsARowThePageBreakCutBeforeAGlyphThatTookItsCommaAlong() {
        // Page 1 ends on 群众文化生活 … | 部分资金年底到, a line ended two glyphs short: 位 could not
        // start the next line without its comma. The level-1 label 效　益　指 left exactly one
        // glyph's room, and 标（35分） went on to page 2.
        Table t = tableOverTwoPages("zoo/level1-weight-2/short-page.pdf");
        int row = rowFollowedBy(t, "群众文化生活", "公共文化服务水平");
        assertEquals(row, Fixtures.rowOf(t, "部分资金年底到位，未能及时支出，将加快资金拨付。"));
        assertEquals(row, Fixtures.rowOf(t, "效　益　指标（35分）"));
    }

    @Test
    void aHeadRowWithTextWhereverTheLastRowHadSomeIsARowOfItsOwn() {
        // Page 1 ends on 资金拨付及时率 | ≥91% | 91% | 4 | 4, the label filling its line as a cut
        // text's would; page 2 opens on 项目完成时间 | 2021年12月底前 | … | 5 | 5: nothing of the
        // last row ended on page 1, so nothing was cut.
        Table t = tableOverTwoPages("zoo/placeholder-rows-3/narrow-page.pdf");
        int last = rowFollowedBy(t, "资金拨付及时率", "项目完成时间");
        assertEquals(List.of("3+1v1:资金拨付及时率", "4+1v1:≥91%", "5+1v1:91%", "6+1v1:4", "7+1v1:4", "8+1v1:"),
                shape(t).get(last));
    }

    @Test
    void keepsTwoLabelsThatEachFillALineApartAcrossThePageBreak() {
        // 社会效益指标 fills the last line of page 1; 可持续影响指|标, merged down at the head of
        // page 2, starts with a full line of its own: two labels, not one cut in two.
        Table t = tableOverTwoPages("zoo/chongqing-department-1/taller-page.pdf");
        rowFollowedBy(t, "社会效益指标", "可持续影响指标");
        assertTrue(shape(t).stream().flatMap(List::stream).noneMatch(c -> c.contains("社会效益指标可持续")),
                () -> shape(t).toString());
    }

    @Test
    void joinsACentredLineThatBrokeBeforeAWordTooWideForTheRoomLeft() {
        // 產 stands alone, centred, on the label's first line: (chǎn) was too wide for the room on
        // either side of it. A centred line is a wrapped one when the next word would not fit there.
        Document pdf = read("narrow-page.pdf",
                Fixtures.corpus("s-yunnan-2020-lijiang-satellite-enforcement/narrow-page.pdf"));
        Table t = pdf.tables().get(0);
        int row = Fixtures.rowOf(t, "產(chǎn)出指標(biāo)");
        assertEquals(row, Fixtures.rowOf(t, "數(shù)量指標(biāo)"));
    }

    /** The one table of a corpus PDF whose table runs over two pages. */
    private Table tableOverTwoPages(String corpusPath) {
        Document pdf = read(corpusPath.substring(corpusPath.lastIndexOf('/') + 1), Fixtures.corpus(corpusPath));
        assertEquals(1, pdf.tables().size(), "the table running over two pages is one table");
        return pdf.tables().get(0);
    }

    /** The row of the cell {@code text}, once the row of {@code next} is checked to be the one after it. */
    private static int rowFollowedBy(Table t, String text, String next) {
        int row = Fixtures.rowOf(t, text);
        assertEquals(row + 1, Fixtures.rowOf(t, next), () -> next + " in the row after " + text);
        return row;
    }

    /** A page with a ruled 3×3 grid whose top-left cell spans two columns and whose left column is merged down. */
    static byte[] ruledTable() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float top = 700;
            float[] xs = {50, 150, 250, 350};
            float[] ys = {top, top - 20, top - 40, top - 60};
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setLineWidth(0.5f);
                // horizontal rulings: the middle one leaves out the first column (merged down)
                line(cs, xs[0], ys[0], xs[3], ys[0]);
                line(cs, xs[0], ys[1], xs[3], ys[1]);
                line(cs, xs[1], ys[2], xs[3], ys[2]);
                line(cs, xs[0], ys[3], xs[3], ys[3]);
                // vertical rulings: the one between the first two columns skips the top row
                line(cs, xs[0], ys[0], xs[0], ys[3]);
                line(cs, xs[1], ys[1], xs[1], ys[3]);
                line(cs, xs[2], ys[0], xs[2], ys[3]);
                // the right border as a thin filled rectangle, as some writers draw borders
                cs.addRect(xs[3] - 0.25f, ys[3], 0.5f, ys[0] - ys[3]);
                cs.fill();
                text(cs, font, "Title line", 50, 750);
                text(cs, font, "Header", 60, ys[0] - 14);
                text(cs, font, "Score", 260, ys[0] - 14);
                text(cs, font, "Level", 60, ys[1] - 24);
                text(cs, font, "a", 160, ys[1] - 14);
                text(cs, font, "1.5", 260, ys[1] - 14);
                text(cs, font, "b", 160, ys[2] - 14);
                text(cs, font, "2", 260, ys[2] - 14);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream cs, float x0, float y0, float x1, float y1) throws IOException {
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
        cs.stroke();
    }

    private static void text(PDPageContentStream cs, PDType1Font font, String s, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(font, 10);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    @Test
    void rebuildsMergedCellsFromMissingRulings() {
        Document d = read("ruled.pdf", ruledTable());
        assertEquals("Title line", d.paragraphs().get(0).text());
        Table t = d.tables().get(0);
        assertEquals(List.of(new Cell(0, 2, 1, "Header"), Cell.of(2, "Score")), t.rows().get(0).cells());
        assertEquals(List.of(new Cell(0, 1, 2, "Level"), Cell.of(1, "a"), Cell.of(2, "1.5")), t.rows().get(1).cells());
        assertEquals(List.of(Cell.of(1, "b"), Cell.of(2, "2")), t.rows().get(2).cells());
    }

    /**
     * A table drawn without any ruling, laid out as a word processor lays out a borderless table:
     * lines of one cell 14 points apart, rows 18 points apart (the cell margins), every cell's text
     * centred in its row, and in the first column two labels centred over the rows they span:
     * {@code First} over two rows (between them), {@code Second} over three (on the middle one's line).
     */
    static byte[] borderlessTable() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float height = page.getMediaBox().getHeight();
            float[] columns = {60, 150, 240, 310};
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, font, "Title", 50, height - 60);
                String[][] cells = {
                        // column, baseline from the top of the page, text
                        {"0", "100", "Group"}, {"0", "114", "name"}, {"1", "107", "Item"},
                        {"2", "100", "Target"}, {"2", "114", "value"}, {"3", "107", "Score"},
                        {"1", "132", "alpha"}, {"1", "146", "one"}, {"2", "139", "10"}, {"3", "139", "5"},
                        {"0", "155", "First"},
                        // a figure broken over two lines, Latin lines set closer than the pitch
                        {"1", "164", "beta"}, {"1", "178", "two"}, {"2", "166", "12.5"}, {"2", "177", "%"},
                        {"3", "171", "5"}, {"1", "196", "gamma"}, {"2", "196", "30"}, {"3", "196", "4"},
                        {"0", "214", "Second"}, {"1", "214", "delta"}, {"2", "214", "40"}, {"3", "214", "4"},
                        {"1", "232", "eps"}, {"2", "232", "50"}, {"3", "232", "3"},
                        {"1", "250", "-"}};
                centred(cs, font, height, columns, cells);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each cell {column, baseline from the top of the page, text} centred on its column's middle. */
    private static void centred(PDPageContentStream cs, PDType1Font font, float height, float[] columns, String[][] cells)
            throws IOException {
        for (String[] c : cells) {
            float width = font.getStringWidth(c[2]) / 1000 * 10;
            text(cs, font, c[2], columns[Integer.parseInt(c[0])] - width / 2, height - Float.parseFloat(c[1]));
        }
    }

    /** A borderless table whose last two rows the page break carried to the head of page 2. */
    static byte[] borderlessTableOverTwoPages() {
        return borderlessTwoPages(new String[][] {{"1", "60", "gamma"}, {"1", "74", "three"}, {"2", "67", "30"},
                {"3", "67", "4"}, {"1", "92", "delta"}, {"2", "92", "40"}, {"3", "92", "4"}}, List.of());
    }

    /** Page 1 of the borderless table, and on page 2 these cells and these lines of prose at the margin. */
    private static byte[] borderlessTwoPages(String[][] secondPage, List<String> prose) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float[] columns = {60, 150, 240, 310};
            String[][][] pages = {
                    {{"0", "100", "Group"}, {"0", "114", "name"}, {"1", "107", "Item"},
                            {"2", "100", "Target"}, {"2", "114", "value"}, {"3", "107", "Score"},
                            {"1", "132", "alpha"}, {"1", "146", "one"}, {"2", "139", "10"}, {"3", "139", "5"},
                            {"1", "164", "beta"}, {"1", "178", "two"}, {"2", "171", "20"}, {"3", "171", "5"}},
                    secondPage};
            for (int p = 0; p < pages.length; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                float height = page.getMediaBox().getHeight();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (int line = 0; p == 1 && line < prose.size(); line++) {
                        text(cs, font, prose.get(line), 40, height - 60 - 14 * line);
                    }
                    centred(cs, font, height, columns, pages[p]);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBorderlessTableThePageBreakCutIsOneTableOnTheSameColumns() {
        Document d = read("borderless-2.pdf", borderlessTableOverTwoPages());
        assertEquals(1, d.tables().size(), "the rows at the head of page 2 go on with the table of page 1");
        Table t = d.tables().get(0);
        assertEquals(List.of(
                        List.of("0+1v1:Groupname", "1+1v1:Item", "2+1v1:Targetvalue", "3+1v1:Score"),
                        List.of("1+1v1:alphaone", "2+1v1:10", "3+1v1:5"),
                        List.of("1+1v1:betatwo", "2+1v1:20", "3+1v1:5"),
                        List.of("1+1v1:gammathree", "2+1v1:30", "3+1v1:4"),
                        List.of("1+1v1:delta", "2+1v1:40", "3+1v1:4")),
                shape(t));
        assertEquals("page 2, table 1, row 5, col 2", t.ref(4, 1).describe());
    }

    @Test
    void rebuildsABorderlessTableFromTheAlignmentOfItsText() {
        Document d = read("borderless.pdf", borderlessTable());
        assertEquals(List.of("Title"), d.paragraphs().stream().map(p -> p.text()).toList());
        assertEquals(1, d.tables().size());
        assertEquals(List.of(
                        // the two lines of a heading, or of a wrapped name, are one cell
                        List.of("0+1v1:Groupname", "1+1v1:Item", "2+1v1:Targetvalue", "3+1v1:Score"),
                        // First, centred over two rows, is anchored at the first of them
                        List.of("0+1v2:First", "1+1v1:alphaone", "2+1v1:10", "3+1v1:5"),
                        List.of("1+1v1:betatwo", "2+1v1:12.5%", "3+1v1:5"),
                        // so is Second, though its line is that of the second of its three rows
                        List.of("0+1v3:Second", "1+1v1:gamma", "2+1v1:30", "3+1v1:4"),
                        List.of("1+1v1:delta", "2+1v1:40", "3+1v1:4"),
                        List.of("1+1v1:eps", "2+1v1:50", "3+1v1:3"),
                        // a row holding a single cell of a column that has cells in the rows around it
                        List.of("1+1v1:-")),
                shape(d.tables().get(0)));
    }

    @Test
    void proseAtTheHeadOfTheNextPageDoesNotGoOnWithTheTable() {
        byte[] pdf = borderlessTwoPages(new String[0][], List.of("Two. The report on the project begins here and",
                "runs on over a second line of the same width or so."));
        Document d = read("borderless-prose.pdf", pdf);
        assertEquals(1, d.tables().size());
        assertEquals(3, d.tables().get(0).rows().size(), "the header and the two rows of page 1");
        assertEquals(List.of("Two. The report on the project begins here and runs on over a second line of the same width or so."),
                d.paragraphs().stream().map(p -> p.text()).toList());
    }

    @Test
    void refusesAPdfThatNeedsAPassword() {
        Fixtures.assertFailed("read.pdf.encrypted", readers.read(new Source("secret.pdf", BadFiles.encryptedPdf())));
    }

    @Test
    void readsAPdfLockedOnlyAgainstEditing() throws IOException {
        try (PDDocument doc = Loader.loadPDF(ruledTable()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission noCopy = new AccessPermission();
            noCopy.setCanExtractContent(false);
            doc.protect(new StandardProtectionPolicy("owner", "", noCopy));
            doc.save(out);
            assertEquals("Header", read("locked.pdf", out.toByteArray()).tables().get(0).rows().get(0).cells().get(0).text());
        }
    }

    @Test
    void aScanWithoutTextIsNoTextLayer() {
        Fixtures.assertFailed("read.pdf.no_text_layer", readers.read(new Source("scan.pdf", BadFiles.scannedPdf())));
    }

    @Test
    void aCutShortFileIsTruncatedAndGarbageIsCorrupt() {
        byte[] whole = Fixtures.corpus("shanxi-2020-it-ops/form.pdf");
        Fixtures.assertFailed("read.pdf.truncated", readers.read(new Source("cut.pdf", BadFiles.truncated(whole))));
        byte[] garbage = ("%PDF-1.7\n" + "x".repeat(3000) + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Fixtures.assertFailed("read.pdf.corrupt", readers.read(new Source("garbage.pdf", garbage)));
    }

    @Test
    void aTenThousandLevelPageTreeFailsAloneAndQuickly() {
        byte[] deep = BadFiles.deepPageTree(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            var result = readers.read(new Source("deep.pdf", deep));
            // PDFBox walks the tree recursively: with a deep enough stack the one page is read, else read.too_deep.
            if (result instanceof org.jixiao.model.Result.Failed<Document> f) {
                assertEquals("read.too_deep", f.failure().code(), f.failure().toString());
            } else {
                assertEquals("Header", Fixtures.ok(result).tables().get(0).rows().get(0).cells().get(0).text());
            }
        });
    }

    @Test
    void readsThreeHundredPagesAsOneHundredAndFiftyTables() {
        byte[] big = BadFiles.repeated(Fixtures.corpus("shanxi-2020-it-ops/form.pdf"), 150);
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read("big.pdf", big));
        assertEquals(150, d.tables().size());
        Table last = d.tables().get(149);
        assertEquals("page 299, table 150, row 1, col 1", last.ref(0, 0).describe());
        assertEquals(shape(d.tables().get(0)), shape(last));
    }
}
