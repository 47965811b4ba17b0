package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format detection by content, and hostile or broken files failing alone with a stable code. */
class ReadersTest {

    private final Readers readers = Readers.withDefaults();

    private Document read(String name, byte[] bytes) {
        return Fixtures.ok(readers.read(new Source(name, bytes)));
    }

    @Test
    void readsADocThatIsReallyHtmlAsHtml() {
        Document d = read("form.doc", Fixtures.corpus("shanxi-2020-it-ops/word-webpage.gbk.html"));
        assertEquals(SourceFormat.HTML, d.format());
        assertEquals("信息化运行维护费", Fixtures.cellTexts(d.tables().get(0)).get(1));
    }

    @Test
    void readsATxtThatIsReallyHtmlAsHtml() {
        Document d = read("form.txt", Fixtures.corpus("shanxi-2020-it-ops/form.lo-export.html"));
        assertEquals(SourceFormat.HTML, d.format());
        assertEquals(1, d.tables().size());
    }

    @Test
    void readsADocxRenamedZipAsDocx() {
        Document d = read("form.zip", Fixtures.corpus("shanxi-2020-it-ops/form.docx"));
        assertEquals(SourceFormat.DOCX, d.format());
        assertEquals(Fixtures.readingSequence(read("form.docx", Fixtures.corpus("shanxi-2020-it-ops/form.docx"))),
                Fixtures.readingSequence(d));
    }

    @Test
    void readsAWorkbookNamedDocAsWorkbook() {
        assertEquals(SourceFormat.XLSX, read("form.doc", Fixtures.corpus("shanxi-2020-it-ops/form.xlsx")).format());
    }

    @Test
    void readsAWordDocNamedXlsAsDoc() {
        assertEquals(SourceFormat.DOC, read("form.xls", Fixtures.corpus("shanxi-2020-it-ops/form.doc")).format());
    }

    @Test
    void readsTabTextAsText() {
        assertEquals(SourceFormat.TEXT, read("seed.html", Fixtures.corpus("seeds/000_28d3029d6f3e5f97.txt")).format());
    }

    @Test
    void rejectsAnEmptyFile() {
        Fixtures.assertFailed("read.empty", readers.read(new Source("empty.docx", new byte[0])));
    }

    @Test
    void rejectsRandomBytesNamedDocx() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x00;
        Fixtures.assertFailed("read.unsupported_format", readers.read(new Source("random.docx", noise)));
    }

    @Test
    void rejectsAFileOverTheSizeLimit() {
        Readers small = new Readers(new ReadLimits(100, 1000, 1000));
        Fixtures.assertFailed("read.too_large", small.read(new Source("form.docx", Fixtures.corpus("shanxi-2020-it-ops/form.docx"))));
    }

    @Test
    void rejectsATruncatedZip() {
        byte[] docx = Fixtures.corpus("shanxi-2020-it-ops/form.docx");
        Fixtures.assertFailed("read.zip.corrupt", readers.read(new Source("cut.docx", Arrays.copyOf(docx, docx.length / 2))));
    }

    @Test
    void rejectsAZipThatIsNotOfficeOpenXml() {
        byte[] zip = Fixtures.zip(Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        Fixtures.assertFailed("read.unsupported_format", readers.read(new Source("notes.docx", zip)));
    }

    @Test
    void rejectsAZipBombWithoutInflatingIt() throws Exception {
        // document.xml inflates to 300 MB of zeros from ~300 kB; POI's ratio guard must stop it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            Map<String, byte[]> small = new LinkedHashMap<>();
            byte[] template = Fixtures.docx(Fixtures.body("<w:p><w:r><w:t>x</w:t></w:r></w:p>"));
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(template))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.getName().equals("word/document.xml")) {
                        small.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : small.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 1_000_000, "the bomb itself is small: " + bytes.size());
        Fixtures.assertFailed("read.zip.bomb", readers.read(new Source("bomb.docx", bytes.toByteArray())));
    }

    @Test
    void aPartOverPoisArrayLimitIsAZipBombInOneLine() throws Exception {
        // Random letters in every block keep the deflate ratio above the guard's 1 %, as in
        // gen_large.py's bombs, so only POI's 100 MB limit per part stops it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            byte[] template = Fixtures.docx(Fixtures.body("<w:p><w:r><w:t>x</w:t></w:r></w:p>"));
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(template))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.getName().equals("word/document.xml")) {
                        zip.putNextEntry(new ZipEntry(e.getName()));
                        zip.write(in.readAllBytes());
                        zip.closeEntry();
                    }
                }
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            Random random = new Random(11);
            byte[] block = new byte[4096];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 105 * 256; i++) {
                for (int j = 0; j < 96; j++) {
                    block[j] = (byte) ('a' + random.nextInt(26));
                }
                zip.write(block);
            }
            zip.closeEntry();
        }
        Result<Document> result = readers.read(new Source("bomb.docx", bytes.toByteArray()));
        Fixtures.assertFailed("read.zip.bomb", result);
        String message = ((Result.Failed<Document>) result).failure().message();
        assertFalse(message.contains("\n") || message.contains("setByteArrayMaxOverride"), message);
    }

    @Test
    void leavesAnXxeEntityUnresolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT", StandardCharsets.UTF_8);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + Fixtures.body("<w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p>").substring(
                        Fixtures.body("").indexOf("<w:document"));
        Document d = read("xxe.docx", Fixtures.docx(xml));
        assertEquals(SourceFormat.DOCX, d.format());
        String all = String.join("|", Fixtures.readingSequence(d));
        assertFalse(all.contains("TOP-SECRET"), all);
        assertTrue(all.contains("before"), all);
    }

    @Test
    void readsHtmlNested100000TagsDeepWithoutStackOverflow() {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<div>".repeat(100_000)).append("deep text").append("</div>".repeat(100_000));
        html.append("<table><tr><td>a</td><td>b</td></tr></table></body></html>");
        Document d = read("deep.html", html.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, d.tables().size());
        assertTrue(Fixtures.readingSequence(d).contains("deep text"));
    }

    @Test
    void rejectsAPasswordProtectedDocx() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OutputStream os = encryptor.getDataStream(fs)) {
            os.write(Fixtures.corpus("shanxi-2020-it-ops/form.docx"));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fs.writeFilesystem(bytes);
        fs.close();
        Fixtures.assertFailed("read.docx.encrypted", readers.read(new Source("locked.docx", bytes.toByteArray())));
    }

    @Test
    void rejectsAnOle2FileThatIsNeitherWordNorExcel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[16]), "Something");
            fs.writeFilesystem(bytes);
        }
        Fixtures.assertFailed("read.unsupported_format", readers.read(new Source("odd.doc", bytes.toByteArray())));
    }

    @Test
    void rejectsABrokenOle2File() {
        byte[] doc = Fixtures.corpus("shanxi-2020-it-ops/form.doc");
        Fixtures.assertFailed("read.ole2.corrupt", readers.read(new Source("cut.doc", Arrays.copyOf(doc, 1024))));
    }

    @Test
    void rejectsMalformedDocumentXml() {
        Fixtures.assertFailed("read.docx.corrupt",
                readers.read(new Source("bad.docx", Fixtures.docx("<w:document><w:body><w:p>"))));
    }

    @Test
    void aSmallPageOfHugeSpansIsRefusedBeforeItExhaustsMemory() {
        String html = "<html><body><table>" + "<tr><td rowspan=2000 colspan=1000>x</td></tr>".repeat(2000)
                + "</table></body></html>";

        org.jixiao.model.Result<Document> r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> Readers.withDefaults().read(new Source("spans.html", html.getBytes(StandardCharsets.UTF_8))));

        org.jixiao.model.Failure f = assertInstanceOf(org.jixiao.model.Result.Failed.class, r).failure();
        assertEquals("read.too_many_cells", f.code());
    }

    @Test
    void aMergeOverAWholeSheetIsReadWithoutListingEveryCoveredCell() throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook book = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("项目名称");
            sheet.addMergedRegionUnsafe(new org.apache.poi.ss.util.CellRangeAddress(0, 65535, 0, 255));
            book.write(bytes);
        }

        org.jixiao.model.Result<Document> r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> Readers.withDefaults().read(new Source("merged.xls", bytes.toByteArray())));

        Document d = ((org.jixiao.model.Result.Ok<Document>) assertInstanceOf(org.jixiao.model.Result.Ok.class, r)).value();
        org.jixiao.model.Cell only = d.tables().get(0).rows().get(0).cells().get(0);
        assertEquals("项目名称", only.text());
        assertEquals(1, only.rowSpan(), "the merge stops at the last row with text");
        assertEquals(256, only.colSpan());
    }
}
