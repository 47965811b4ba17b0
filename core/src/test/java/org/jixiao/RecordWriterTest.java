package org.jixiao;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's writer of the output tables. */
class RecordWriterTest {

    private static final Jixiao JIXIAO = Jixiao.withDefaults();

    @Test
    void copiesOfOneFileAreLinkedNotMerged(@TempDir Path out) throws IOException {
        Source seed = CorpusTest.source("/corpus/seeds/000_28d3029d6f3e5f97.txt");
        String hash = Jixiao.contentHash(seed.content());
        try (RecordWriter writer = RecordWriter.to(out).open()) {
            writer.write(JIXIAO.process(seed, hash, "2020/form.txt"));
            writer.write(JIXIAO.process(seed, hash, "copy/2020/form.txt"));
            writer.commit();
        }
        List<CSVRecord> projects = rows(out.resolve("projects.csv"));
        assertEquals(2, projects.size());
        String first = projects.get(0).get("record_id");
        assertNotEquals(first, projects.get(1).get("record_id"));
        assertEquals("", projects.get(0).get("duplicate_of"));
        assertEquals(first, projects.get(1).get("duplicate_of"));
        assertEquals(hash, projects.get(1).get("content_hash"));
        // every child row belongs to one of the two forms, half to each
        List<CSVRecord> indicators = rows(out.resolve("indicators.csv"));
        assertEquals(2 * Integer.parseInt(projects.get(0).get("indicator_count")), indicators.size());
        assertEquals(indicators.size() / 2, indicators.stream().filter(r -> r.get("record_id").equals(first)).count());
    }

    @Test
    void aFileThatGaveNoFormIsAnErrorsRow(@TempDir Path out) throws IOException {
        try (RecordWriter writer = RecordWriter.to(out).open()) {
            writer.write(JIXIAO.process(new Source("empty.txt", new byte[0])));
            writer.commit();
        }
        List<CSVRecord> errors = rows(out.resolve("errors.csv"));
        assertEquals(1, errors.size());
        assertEquals("empty.txt", errors.get(0).get("source_file"));
        assertEquals("read.empty", errors.get(0).get("code"));
        assertEquals(List.of(), rows(out.resolve("projects.csv")));
    }

    @Test
    void nothingAppearsBeforeTheCommitAndAnUncommittedWriterLeavesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        try (RecordWriter writer = RecordWriter.to(out).xlsx(true).open()) {
            writer.write(JIXIAO.process(CorpusTest.source("/corpus/seeds/000_28d3029d6f3e5f97.txt")));
            assertEquals(List.of(), visibleFiles(out), "before the commit");
        }
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "temporary files removed on close");
        }
    }

    @Test
    void aReportThatCannotBeMadeLeavesNoTableBehind(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path notAFolder = Files.writeString(tmp.resolve("notes.txt"), "a file where the report's folder would go");
        RecordWriter.Builder builder = RecordWriter.to(out).xlsx(true).report(notAFolder.resolve("audit.html"), RuleProfile.national());
        assertThrows(IOException.class, builder::open);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "the CSV files and the workbook opened before the report are removed");
        }
    }

    @Test
    void workbookAndReportHoldTheSameForms(@TempDir Path out) throws IOException {
        Path report = out.resolve("report/audit.html");
        try (RecordWriter writer = RecordWriter.to(out).byteOrderMark(true).xlsx(true)
                .report(report, RuleProfile.national()).open()) {
            for (String seed : List.of("000_28d3029d6f3e5f97.txt", "004_562d28581a714b1e.txt")) {
                writer.write(JIXIAO.process(CorpusTest.source("/corpus/seeds/" + seed)));
            }
            writer.commit();
            assertEquals(0, writer.rowsLeftOutOfWorkbook());
            assertThrows(IllegalStateException.class, () -> writer.write(JIXIAO.process(new Source("x.txt", new byte[0]))));
        }
        byte[] csv = Files.readAllBytes(out.resolve("projects.csv"));
        assertEquals(0xEF, csv[0] & 0xFF, "byte-order mark");
        List<CSVRecord> projects = rows(out.resolve("projects.csv"));
        assertEquals(3, projects.size(), "one form in 000, two in 004");
        try (InputStream in = Files.newInputStream(out.resolve("jixiao.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("summary", wb.getSheetName(0));
            assertEquals(projects.size(), wb.getSheet("projects").getLastRowNum(), "header row plus one per form");
            assertEquals(projects.get(2).get("project_name"), wb.getSheet("projects").getRow(3).getCell(3).getStringCellValue());
        }
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(Jsoup.parse(html).text().contains(projects.get(0).get("project_name")), "the report lists the forms");
    }

    private static List<String> visibleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    /** The data rows of a CSV file by column name; a byte-order mark is skipped. */
    private static List<CSVRecord> rows(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        }
    }
}
