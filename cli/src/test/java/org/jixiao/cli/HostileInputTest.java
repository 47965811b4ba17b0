package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus plus a hostile set generated here (nothing large is committed): every good file must
 * convert, every hostile one must be listed in errors.csv with a code, and nothing may crash or
 * hang the batch. Each hostile file must fail with its own stable code.
 */
class HostileInputTest {

    /** Generates the hostile set into {@code dir}; returns the names that must appear in errors.csv. */
    static List<String> writeHostileSet(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(6);
        Files.write(dir.resolve("zero-bytes.docx"), new byte[0]);
        Files.write(dir.resolve("zero-bytes.txt"), new byte[0]);
        Files.writeString(dir.resolve("blank.txt"), "\n \n\t\n", StandardCharsets.UTF_8);
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        Files.write(dir.resolve("random-bytes.docx"), noise);
        byte[] docx = Files.readAllBytes(BatchConvertTest.corpus().resolve("shanxi-2020-it-ops/form.docx"));
        Files.write(dir.resolve("truncated.docx"), Arrays.copyOf(docx, docx.length / 2));
        writeZipBomb(dir.resolve("zip-bomb.docx"));
        writeXxeDocx(dir.resolve("xxe.docx"));
        Files.writeString(dir.resolve("nested-100k.html"), "<html><body>" + "<div>".repeat(100_000) + "x"
                + "</div>".repeat(100_000) + "</body></html>", StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(dir.resolve("fifty-mb.txt"))) {
            byte[] line = "这不是一张表 not a form\tjust text\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        return List.of("zero-bytes.docx", "zero-bytes.txt", "blank.txt", "random-bytes.docx", "truncated.docx",
                "zip-bomb.docx", "xxe.docx", "nested-100k.html", "fifty-mb.txt");
    }

    /** A docx-shaped zip whose document.xml inflates to 400 MB (about 400 kB compressed). */
    static void writeZipBomb(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            docxSkeleton(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 400; i++) {
                zip.write(spaces);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** A docx whose document.xml declares an external entity (file:///etc/passwd) and a billion laughs. */
    private static void writeXxeDocx(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            docxSkeleton(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE w:document [
                      <!ENTITY xxe SYSTEM "file:///etc/passwd">
                      <!ENTITY a "aaaaaaaaaa">
                      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                      <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                      <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
                    ]>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>&f;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>
                    """).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void docxSkeleton(ZipOutputStream zip) throws IOException {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("_rels/.rels"));
        zip.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** form.html re-encoded as GBK while its meta tag still says UTF-8. */
    static void writeGbkDeclaredUtf8(Path file) throws IOException {
        String html = Files.readString(BatchConvertTest.corpus().resolve("shanxi-2020-it-ops/form.html"),
                StandardCharsets.UTF_8);
        assertTrue(html.toLowerCase(java.util.Locale.ROOT).contains("charset=\"utf-8\""), "fixture declares UTF-8");
        Files.write(file, html.getBytes(Charset.forName("GBK")));
    }

    /** Seed 000 with its 质量指标 row repeated 10,000 times: a form with 10,007 indicator rows. */
    static void writeTenThousandRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(BatchConvertTest.corpus().resolve("seeds/000_28d3029d6f3e5f97.txt"),
                StandardCharsets.UTF_8);
        int row = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\t\t质量指标\t异常处理能力")) {
                row = i;
            }
        }
        assertTrue(row > 0, "seed 000 has its 质量指标 row");
        List<String> out = new ArrayList<>(lines.subList(0, row + 1));
        for (int i = 0; i < 10_000; i++) {
            out.add(lines.get(row));
        }
        out.addAll(lines.subList(row + 1, lines.size()));
        Files.write(file, out, StandardCharsets.UTF_8);
    }

    @Test
    void everyGoodFileConvertsAndEveryHostileOneIsListedWithACode(@TempDir Path tmp) throws IOException {
        Path in = BatchConvertTest.mixedFolder(tmp);
        List<String> hostile = writeHostileSet(in.resolve("hostile"));
        writeGbkDeclaredUtf8(in.resolve("hostile/gbk-declared-utf8.html"));
        writeTenThousandRows(in.resolve("hostile/ten-thousand-rows.txt"));
        Path outDir = tmp.resolve("out");
        CommandRun cli = new CommandRun();
        StringWriter err = cli.err;

        int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> cli.execute("convert", in.toString(),
                "--out", outDir.toString(), "--threads", "2", "--timeout-seconds", "30"));

        assertEquals(1, code, err.toString());
        Map<String, String> errors = new HashMap<>();
        List<String> errorLines = Files.readAllLines(outDir.resolve("errors.csv"), StandardCharsets.UTF_8);
        for (String line : errorLines.subList(1, errorLines.size())) {
            String[] cells = line.split(",", 4);
            errors.put(Path.of(cells[0]).getFileName().toString(), cells[2]);
        }
        String projects = Files.readString(outDir.resolve("projects.csv"), StandardCharsets.UTF_8);
        Map<String, String> expected = Map.of(
                "zero-bytes.docx", "read.empty",
                "zero-bytes.txt", "read.empty",
                "blank.txt", "extract.no_form",
                "random-bytes.docx", "read.unsupported_format",
                "truncated.docx", "read.zip.corrupt",
                "zip-bomb.docx", "read.zip.bomb",
                "xxe.docx", "extract.no_form",
                "nested-100k.html", "extract.no_form",
                "fifty-mb.txt", "read.too_large");
        assertEquals(expected.keySet(), Set.copyOf(hostile));
        for (String name : hostile) {
            assertEquals(expected.get(name), errors.get(name), name + " in errors.csv: " + errors);
        }
        // Not hostile once read right: the GBK bytes are decoded despite the wrong declaration, and the
        // 10,000-row form is a faithful (if long) form.
        for (String name : List.of("gbk-declared-utf8.html", "ten-thousand-rows.txt")) {
            assertFalse(errors.containsKey(name), name + " converts: " + errors.get(name));
        }
        assertTrue(projects.contains("gbk-declared-utf8.html,1,信息化运行维护费,2020,016山西省行政审批服务管理局"), projects);
        assertTrue(projects.contains("ten-thousand-rows.txt,1,信息化运行维护费,2020"), projects);
        long rows = Files.readAllLines(outDir.resolve("indicators.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(",异常处理能力,")).count();
        assertTrue(rows >= 10_001, "the repeated row is kept every time: " + rows);
        for (String good : List.of("000_28d3029d6f3e5f97.txt", "002_e50b47335a0e3ea5.txt", "004_562d28581a714b1e.txt",
                "seed-utf8.txt", "seed-gb18030.txt", "seed-utf16le-bom.txt")) {
            assertFalse(errors.containsKey(good), good + " converts: " + errors.get(good));
            assertTrue(projects.contains(good), good + " is in projects.csv");
        }
        for (String file : BatchConvertTest.OUTPUTS) {
            assertFalse(Files.readString(outDir.resolve(file), StandardCharsets.UTF_8).contains("root:x:0"),
                    "no external entity was resolved into " + file);
        }
    }
}
