package org.jixiao.internal.read;

import org.jixiao.Source;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OdfReaderTest {

    private static final String TEXT_MIME = "application/vnd.oasis.opendocument.text";
    private static final String SHEET_MIME = "application/vnd.oasis.opendocument.spreadsheet";

    private final Readers readers = Readers.withDefaults();

    private Document read(String name, byte[] bytes) {
        return Fixtures.ok(readers.read(new Source(name, bytes)));
    }

    /** content.xml around an office:text or office:spreadsheet body. */
    static String content(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\">"
                + "<office:automatic-styles><text:p>style text is not content</text:p></office:automatic-styles>"
                + "<office:body>" + body + "</office:body></office:document-content>";
    }

    /** An OpenDocument package: mimetype stored first (as ODF requires, unless {@code mimetypeLast}), then content.xml. */
    static byte[] package_(String mimetype, byte[] content, boolean mimetypeLast, String manifest) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                if (!mimetypeLast) {
                    putStored(zip, mimetype);
                }
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(content);
                zip.closeEntry();
                if (manifest != null) {
                    zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
                    zip.write(manifest.getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                if (mimetypeLast) {
                    putStored(zip, mimetype);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putStored(ZipOutputStream zip, String mimetype) throws IOException {
        byte[] m = mimetype.getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry("mimetype");
        e.setMethod(ZipEntry.STORED);
        e.setSize(m.length);
        CRC32 crc = new CRC32();
        crc.update(m);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(m);
        zip.closeEntry();
    }

    static byte[] odt(String body) {
        return package_(TEXT_MIME, content("<office:text>" + body + "</office:text>").getBytes(StandardCharsets.UTF_8), false, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"shanxi-2020-it-ops", "shanxi-2020-trading-center"})
    void readsACorpusOdtToTheSameParagraphsAndGridAsItsDocx(String folder) {
        Document docx = read(folder + "/form.docx", Fixtures.corpus(folder + "/form.docx"));
        Document odt = read(folder + "/form.doc", Fixtures.corpus(folder + "/form.odt"));
        assertEquals(SourceFormat.ODT, odt.format());
        assertEquals(docx.blocks(), odt.blocks());
    }

    @Test
    void readsAnOdsSavedByLibreOfficeToTheSameSheetAsTheXlsx() {
        Document xlsx = read("form.xlsx", Fixtures.corpus("shanxi-2020-it-ops/form.xlsx"));
        Document ods = read("form.ods", Fixtures.corpus("shanxi-2020-it-ops/form.ods"));
        assertEquals(SourceFormat.ODS, ods.format());
        assertEquals(xlsx.blocks(), ods.blocks());
        Table sheet = ods.tables().get(0);
        assertEquals("Sheet1", sheet.sheet());
        assertEquals(new Cell(0, 2, 7, "项目资金（万元）"), Fixtures.cell(sheet, "项目资金（万元）"));
    }

    @Test
    void placesCellsByPositionWithSpansCoveredCellsAndRepeats() {
        Document d = read("spans.odt", odt("""
                <table:table table:name="T">
                <table:table-column table:number-columns-repeated="4"/>
                <table:table-row>
                  <table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"><text:p>资金</text:p></table:table-cell>
                  <table:covered-table-cell/>
                  <table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>
                </table:table-row>
                <table:table-row>
                  <table:covered-table-cell table:number-columns-repeated="2"/>
                  <table:table-cell/><table:table-cell><text:p>y</text:p></table:table-cell>
                </table:table-row>
                <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4"/></table:table-row>
                <table:table-row table:number-rows-repeated="2">
                  <table:table-cell><text:p>z</text:p></table:table-cell>
                </table:table-row>
                </table:table>"""));
        Table t = d.tables().get(0);
        assertEquals(4, t.rows().size(), "the three blank rows are dropped: " + t);
        assertEquals(List.of(new Cell(0, 2, 2, "资金"), Cell.of(2, "x"), Cell.of(3, "x")), t.rows().get(0).cells());
        assertEquals(List.of(Cell.of(2, ""), Cell.of(3, "y")), t.rows().get(1).cells());
        assertEquals(List.of(Cell.of(0, "z")), t.rows().get(2).cells());
        assertEquals(t.rows().get(2), t.rows().get(3));
    }

    @Test
    void aRowSpanOverBlankRowsShrinksWithThem() {
        Document d = read("shrink.odt", odt("""
                <table:table>
                <table:table-row><table:table-cell table:number-rows-spanned="4"><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row>
                <table:table-row table:number-rows-repeated="2"><table:covered-table-cell/><table:table-cell/></table:table-row>
                <table:table-row><table:covered-table-cell/><table:table-cell><text:p>c</text:p></table:table-cell></table:table-row>
                </table:table>"""));
        Table t = d.tables().get(0);
        assertEquals(2, t.rows().size());
        assertEquals(new Cell(0, 1, 2, "a"), t.rows().get(0).cells().get(0));
    }

    @Test
    void readsSpacesTabsBreaksAndCollapsesMarkupWhiteSpace() {
        Document d = read("text.odt", odt("""
                <text:h>标题</text:h>
                <text:p>总分<text:s text:c="3"/>100<text:tab/>82.08<text:line-break/>二行</text:p>
                <text:p>  a
                    <text:span>b</text:span>  c<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>note</text:p></text:note-body></text:note></text:p>
                <text:list><text:list-item><text:p>列表</text:p></text:list-item></text:list>
                <text:p/>
                """));
        assertEquals(List.of(new Paragraph(1, "标题"), new Paragraph(2, "总分   100\t82.08\n二行"),
                new Paragraph(3, "a b c"), new Paragraph(4, "列表")), d.paragraphs());
    }

    @Test
    void aNestedTableAddsItsCellsAsLinesOfTheOuterCell() {
        Document d = read("nested.odt", odt("""
                <table:table><table:table-row><table:table-cell><text:p>外层</text:p>
                <table:table><table:table-row><table:table-cell><text:p>内1</text:p></table:table-cell><table:table-cell><text:p>内2</text:p></table:table-cell></table:table-row></table:table>
                </table:table-cell></table:table-row></table:table>"""));
        assertEquals(1, d.tables().size());
        assertEquals("外层\n内1\n内2", d.tables().get(0).rows().get(0).cells().get(0).text());
    }

    @Test
    void aSpreadsheetKeepsOnlyTextAndMergesAndItsTrailingMillionRowsCostNothing() {
        String body = """
                <office:spreadsheet>
                <table:table table:name="空表"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>
                <table:table table:name="表1">
                <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-spanned="2"><text:p>合并</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
                <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
                <table:table-row><table:table-cell><text:p>末行</text:p></table:table-cell></table:table-row>
                </table:table></office:spreadsheet>""";
        byte[] ods = package_(SHEET_MIME, content(body).getBytes(StandardCharsets.UTF_8), false, null);
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read("big.ods", ods));
        assertEquals(1, d.tables().size(), "the sheet without text is left out");
        Table t = d.tables().get(0);
        assertEquals("表1", t.sheet());
        assertEquals(1, t.number());
        assertEquals(List.of(new Cell(2, 2, 1, "合并")), t.rows().get(0).cells());
        assertEquals(List.of(Cell.of(0, "末行")), t.rows().get(1).cells());
    }

    @Test
    void aHostileRepeatCountFailsAgainstTheCellLimitWithoutAllocating() {
        byte[] rows = odt("<table:table><table:table-row table:number-rows-repeated=\"2000000000\">"
                + "<table:table-cell table:number-columns-repeated=\"1000\"><text:p>x</text:p></table:table-cell>"
                + "</table:table-row></table:table>");
        byte[] cols = package_(SHEET_MIME, content("<office:spreadsheet><table:table><table:table-row>"
                + "<table:table-cell table:number-columns-repeated=\"2147483647\"><text:p>x</text:p></table:table-cell>"
                + "</table:table-row></table:table></office:spreadsheet>").getBytes(StandardCharsets.UTF_8), false, null);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Fixtures.assertFailed("read.too_many_cells", readers.read(new Source("rows.odt", rows)));
            Fixtures.assertFailed("read.too_many_cells", readers.read(new Source("cols.ods", cols)));
        });
    }

    @Test
    void isDetectedByItsMimetypeWhateverItsNameOrEntryOrder() {
        String body = content("<office:text><text:p>正文</text:p></office:text>");
        byte[] last = package_(TEXT_MIME, body.getBytes(StandardCharsets.UTF_8), true, null);
        assertEquals(SourceFormat.ODT, read("form.docx", last).format());
        assertEquals(SourceFormat.ODT, read("form.doc", odt("<text:p>正文</text:p>")).format());
        byte[] slides = package_("application/vnd.oasis.opendocument.presentation", body.getBytes(StandardCharsets.UTF_8), false, null);
        Fixtures.assertFailed("read.unsupported_format", readers.read(new Source("slides.odt", slides)));
    }

    @Test
    void refusesAPasswordProtectedPackage() {
        String manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry>"
                + "</manifest:manifest>";
        byte[] scrambled = new byte[4096];
        new java.util.Random(3).nextBytes(scrambled);
        Fixtures.assertFailed("read.odt.encrypted", readers.read(new Source("secret.odt",
                package_(TEXT_MIME, scrambled, false, manifest))));
        Fixtures.assertFailed("read.ods.encrypted", readers.read(new Source("secret.ods",
                package_(SHEET_MIME, scrambled, false, manifest))));
    }

    @Test
    void brokenXmlAndAMissingContentPartAreCorrupt() {
        Fixtures.assertFailed("read.odt.corrupt", readers.read(new Source("broken.odt",
                package_(TEXT_MIME, "<office:document-content><text:p>".getBytes(StandardCharsets.UTF_8), false, null))));
        byte[] noContent = Fixtures.zip(new java.util.LinkedHashMap<>(java.util.Map.of(
                "mimetype", SHEET_MIME.getBytes(StandardCharsets.US_ASCII))));
        Fixtures.assertFailed("read.ods.corrupt", readers.read(new Source("empty.ods", noContent)));
        byte[] whole = Fixtures.corpus("shanxi-2020-it-ops/form.odt");
        Fixtures.assertFailed("read.zip.corrupt", readers.read(new Source("cut.odt",
                java.util.Arrays.copyOf(whole, whole.length / 3))));
    }

    @Test
    void stopsAZipBombOfContentXml() {
        byte[] bomb = BadFiles.odtZipBomb();
        assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
        Fixtures.assertFailed("read.zip.bomb", readers.read(new Source("bomb.odt", bomb)));
    }

    @Test
    void resolvesNoExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + content("<office:text><text:p>a&x;b</text:p></office:text>").substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
        Document d = read("xxe.odt", package_(TEXT_MIME, xxe.getBytes(StandardCharsets.UTF_8), false, null));
        assertFalse(d.paragraphs().toString().contains("root:"), d.toString());
    }
}
