package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Row;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word markup into the grid: spans, merges, nesting, and which text is visible. */
class DocxReaderTest {

    private final DocxReader reader = new DocxReader(ReadLimits.defaults());

    private Document read(String bodyXml) {
        return Fixtures.ok(reader.read(new Source("t.docx", Fixtures.docx(Fixtures.body(bodyXml)))));
    }

    private static String p(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    private static String tc(String props, String content) {
        return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + content + "</w:tc>";
    }

    private static String tbl(String... rows) {
        return "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>" + String.join("", rows) + "</w:tbl>";
    }

    private static String tr(String... cells) {
        return "<w:tr>" + String.join("", cells) + "</w:tr>";
    }

    @Test
    void placesGridSpanAndVerticalMergeCells() {
        Document d = read(tbl(
                tr(tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>", p("funds")), tc("", p("a"))),
                tr(tc("<w:gridSpan w:val=\"2\"/><w:vMerge/>", p("")), tc("", p("b"))),
                tr(tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"continue\"/>", p("")), tc("", p("c")))));
        Table t = d.tables().get(0);
        assertEquals(List.of(
                new Row(List.of(new Cell(0, 2, 3, "funds"), Cell.of(2, "a"))),
                new Row(List.of(Cell.of(2, "b"))),
                new Row(List.of(Cell.of(2, "c")))), t.rows());
    }

    @Test
    void shiftsRowsByGridBeforeAndWidensByLegacyHMerge() {
        Document d = read(tbl(
                tr(tc("", p("x")), tc("", p("y")), tc("", p("z"))),
                "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + tc("", p("shifted")) + tc("", p("last")) + "</w:tr>",
                tr(tc("<w:hMerge w:val=\"restart\"/>", p("wide")), tc("<w:hMerge/>", p("")), tc("", p("end")))));
        Table t = d.tables().get(0);
        assertEquals(new Row(List.of(Cell.of(1, "shifted"), Cell.of(2, "last"))), t.rows().get(1));
        assertEquals(new Row(List.of(new Cell(0, 2, 1, "wide"), Cell.of(2, "end"))), t.rows().get(2));
    }

    @Test
    void putsANestedTableIntoTheOuterCellText() {
        Document d = read(tbl(tr(tc("", p("outer") + tbl(tr(tc("", p("inner 1")), tc("", p("inner 2"))))), tc("", p("next")))));
        assertEquals(1, d.tables().size());
        assertEquals(new Row(List.of(Cell.of(0, "outer\ninner 1\ninner 2"), Cell.of(1, "next"))), d.tables().get(0).rows().get(0));
    }

    @Test
    void keepsParagraphsAndTablesInDocumentOrder() {
        Document d = read(p("title") + tbl(tr(tc("", p("cell")))) + p("  ") + p("after") + tbl(tr(tc("", p("two")))));
        assertEquals(List.of(new Paragraph(1, "title"), d.tables().get(0), new Paragraph(2, "after"), d.tables().get(1)), d.blocks());
        assertEquals(2, d.tables().get(1).number());
    }

    @Test
    void joinsCellParagraphsWithNewlinesAndDropsBlankOnes() {
        Document d = read(tbl(tr(tc("", p(" first ") + p("") + p("second")))));
        assertEquals("first\nsecond", d.tables().get(0).rows().get(0).cells().get(0).text());
    }

    @Test
    void keepsFieldResultsAndInsertionsButDropsFieldCodesAndDeletions() {
        Document d = read("<w:p>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                + "<w:ins w:id=\"1\"><w:r><w:t>+new</w:t></w:r></w:ins>"
                + "<w:del w:id=\"2\"><w:r><w:delText>old</w:delText></w:r></w:del>"
                + "<w:fldSimple w:instr=\"DATE\"><w:r><w:t>/2020</w:t></w:r></w:fldSimple>"
                + "</w:p>");
        assertEquals(List.of(new Paragraph(1, "7+new/2020")), d.blocks());
    }

    @Test
    void readsRunsThroughHyperlinksContentControlsTabsAndBreaks() {
        Document d = read("<w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>link</w:t></w:r></w:hyperlink>"
                + "<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>next line</w:t></w:r></w:p>"
                + "<w:sdt><w:sdtPr><w:alias w:val=\"hidden\"/></w:sdtPr><w:sdtContent>" + p("control") + "</w:sdtContent></w:sdt>");
        assertEquals(List.of(new Paragraph(1, "link\ttabbed\nnext line"), new Paragraph(2, "control")), d.blocks());
    }

    @Test
    void keepsTextBoxTextOnceAsParagraphs() {
        String box = "<w:txbxContent>" + p("in the box") + "</w:txbxContent>";
        Document d = read("<w:p><w:r><mc:AlternateContent>"
                + "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box + "</wps:txbx></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:textbox>" + box + "</v:textbox></w:pict></mc:Fallback>"
                + "</mc:AlternateContent></w:r><w:r><w:t>anchor</w:t></w:r></w:p>");
        assertEquals(List.of(new Paragraph(1, "in the box"), new Paragraph(2, "anchor")), d.blocks());
    }

    @Test
    void dropsRowsWhoseCellsAreAllBlank() {
        Document d = read(tbl(tr(tc("", p("a"))), tr(tc("", p(" "))), tr(tc("", p("b")))));
        assertEquals(2, d.tables().get(0).rows().size());
    }

    @Test
    void clampsAbsurdGridSpans() {
        Document d = read(tbl(tr(tc("<w:gridSpan w:val=\"99999999\"/>", p("huge")))));
        assertEquals(Grid.MAX_SPAN, d.tables().get(0).rows().get(0).cells().get(0).colSpan());
    }

    /** Word's markup means the same under any prefix the document binds it to, and only where it is bound. */
    @ParameterizedTest
    @ValueSource(strings = {
            // WordprocessingML on another prefix, strict OOXML's namespace, the default namespace
            "<x:document xmlns:x='" + Fixtures.W_NS + "'><x:body>%s</x:body></x:document>|x:",
            "<w:document xmlns:w='http://purl.oclc.org/ooxml/wordprocessingml/main'><w:body>%s</w:body></w:document>|w:",
            "<document xmlns='" + Fixtures.W_NS + "'><body>%s</body></document>|",
            // bound on the body, not the root; the root's own w is another vocabulary
            "<w:document xmlns:w='urn:example:not-word'><b:body xmlns:b='" + Fixtures.W_NS + "'>%s</b:body></w:document>|b:"})
    void readsWordMarkupUnderThePrefixTheDocumentBinds(String rootAndPrefix) {
        String root = rootAndPrefix.substring(0, rootAndPrefix.indexOf('|'));
        String w = rootAndPrefix.substring(rootAndPrefix.indexOf('|') + 1);
        String para = "<" + w + "p><" + w + "r><" + w + "t>%s</" + w + "t></" + w + "r></" + w + "p>";
        String cell = "<" + w + "tc><" + w + "tcPr><" + w + "gridSpan " + w + "val='2'/></" + w + "tcPr>"
                + para.formatted("wide") + "</" + w + "tc>";
        String body = para.formatted("title")
                + "<" + w + "tbl><" + w + "tr>" + cell + "</" + w + "tr></" + w + "tbl>";
        Document d = Fixtures.ok(reader.read(new Source("t.docx", Fixtures.docx(root.formatted(body)))));
        assertEquals(List.of(new Paragraph(1, "title"),
                new Table(1, List.of(new Row(List.of(new Cell(0, 2, 1, "wide")))))), d.blocks());
    }

    @Test
    void readsNoTextWhereAPrefixIsReboundToAnotherVocabulary() {
        Document d = read(p("before")
                + "<w:p xmlns:w=\"urn:example:other\"><w:r><w:t>not Word's</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t xmlns:w=\"urn:example:other\">nor this</w:t></w:r></w:p>"
                + "<w:p><w:r><o:rPr xmlns:o=\"urn:example:other\"><w:t>a foreign rPr is read through</w:t></o:rPr></w:r></w:p>"
                + p("after"));
        assertEquals(List.of(new Paragraph(1, "before"), new Paragraph(2, "a foreign rPr is read through"),
                new Paragraph(3, "after")), d.blocks());
    }

    /** The direct path (zip stream) is what runs; POI's package model is the reference it must match. */
    @ParameterizedTest
    @ValueSource(strings = {"shanxi-2020-cloud-rent/form.docx", "shanxi-2020-cloud-rent/traditional.docx",
            "shanxi-2020-it-ops/form.docx", "shanxi-2020-trading-center/form.docx",
            "shanxi-2020-trading-center/raw-grid.docx", "shanxi-2020-trading-center/split-table.docx",
            "xinzhou-2020-it-build/form.docx", "xinzhou-2020-it-build/fullwidth-digits.docx"})
    void readsACorpusDocumentAsPoisPackageModelDoes(String path) {
        Source source = Fixtures.corpusSource(path);
        Document direct = Fixtures.ok(reader.read(source));
        assertEquals(Fixtures.ok(reader.readPackage(source)), direct);
        assertTrue(direct.tables().size() > 0, path + " has its form table");
    }

    @Test
    void rejectsAWorkbookAsNotADocx() {
        Fixtures.assertFailed("read.docx.not_docx", reader.read(Fixtures.corpusSource("shanxi-2020-it-ops/form.xlsx")));
    }

    @Test
    void rejectsTooManyCells() {
        DocxReader small = new DocxReader(new ReadLimits(1 << 20, 2, 1000));
        Fixtures.assertFailed("read.too_many_cells", small.read(new Source("t.docx",
                Fixtures.docx(Fixtures.body(tbl(tr(tc("", p("1")), tc("", p("2")), tc("", p("3")))))))));
    }
}
