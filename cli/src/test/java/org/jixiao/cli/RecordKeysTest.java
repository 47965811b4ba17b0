package org.jixiao.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys for analysts: every form of a run has its own {@code record_id}, stable across runs; copies of
 * one file are linked through {@code content_hash} and {@code duplicate_of}; every child table joins
 * to {@code projects} many-to-one.
 */
class RecordKeysTest {

    private static final List<String> CORPUS_FORMS = List.of("shanxi-2020-it-ops", "shanxi-2020-cloud-rent",
            "shanxi-2020-trading-center", "xinzhou-2020-it-build");

    private final CommandRun cli = new CommandRun();

    /** {@code archive/a/<case>.docx} and {@code archive/b/<case>.docx}: two copies of each corpus form. */
    private static Path twoCopies(Path tmp) throws IOException {
        Path archive = tmp.resolve("archive");
        for (String folder : List.of("a", "b")) {
            Path dir = Files.createDirectories(archive.resolve(folder));
            for (String form : CORPUS_FORMS) {
                Files.copy(BatchConvertTest.corpus().resolve(form).resolve("form.docx"), dir.resolve(form + ".docx"));
            }
        }
        return archive;
    }

    static List<CSVRecord> table(Path dir, String file) throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void copiesInTwoFoldersGetDistinctIdsAndTheSecondCopiesPointToTheFirst(@TempDir Path tmp) throws IOException {
        Path archive = twoCopies(tmp);
        Path out = tmp.resolve("out");
        assertEquals(0, cli.execute("convert", archive.toString(), "--out", out.toString(), "--threads", "3"),
                cli.err.toString());

        List<CSVRecord> projects = table(out, "projects.csv");
        assertTrue(projects.size() >= 8, "every corpus form.docx gives at least one form: " + projects.size());
        Map<String, CSVRecord> byId = new HashMap<>();
        for (CSVRecord p : projects) {
            assertEquals(null, byId.put(p.get("record_id"), p), "record_id repeats: " + p.get("record_id"));
        }
        long linked = 0;
        for (CSVRecord p : projects) {
            String copyOf = p.get("duplicate_of");
            boolean secondCopy = p.get("source_file").contains("/b/") || p.get("source_file").contains("\\b\\");
            assertEquals(secondCopy, !copyOf.isEmpty(), "only the copies under b/ are duplicates: " + p);
            if (secondCopy) {
                linked++;
                CSVRecord first = byId.get(copyOf);
                assertTrue(first != null, "duplicate_of names a record of the run: " + copyOf);
                assertEquals(p.get("content_hash"), first.get("content_hash"));
                assertEquals(p.get("form_index"), first.get("form_index"));
                assertEquals(p.get("project_name"), first.get("project_name"));
                assertTrue(first.get("source_file").contains("a"), first.get("source_file"));
            }
            assertTrue(p.get("content_hash").matches("[0-9a-f]{64}"), p.get("content_hash"));
            assertTrue(p.get("year").matches("(\\d{4})?"), "year is an integer or blank: " + p.get("year"));
            assertEquals("山西省", p.get("region"), "every corpus form is from 山西: " + p);
        }
        assertEquals(projects.size(), 2 * linked, "half the rows are second copies");

        for (String child : List.of("indicators.csv", "funds.csv", "findings.csv", "goals.csv")) {
            List<CSVRecord> rows = table(out, child);
            assertFalse(rows.isEmpty(), child);
            for (CSVRecord r : rows) {
                assertTrue(byId.containsKey(r.get("record_id")), child + " row joins no project: " + r);
            }
        }
    }

    @Test
    void idsAreStableAcrossRunsPlacesAndThreadsAndResume(@TempDir Path tmp) throws Exception {
        Path archive = twoCopies(tmp.resolve("here"));
        Path moved = twoCopies(tmp.resolve("elsewhere/deeper"));
        cli.execute("convert", archive.toString(), "--out", tmp.resolve("one").toString(), "--threads", "1",
                "--report", tmp.resolve("one.html").toString());
        cli.execute("convert", moved.toString(), "--out", tmp.resolve("moved").toString(), "--threads", "4");
        assertEquals(ids(tmp.resolve("one")), ids(tmp.resolve("moved")), "the same archive elsewhere: the same ids");

        Path dir = tmp.resolve("resumed");
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("convert", archive.toString(), "--out", dir.toString(), "--threads", "2");
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        new BatchRun(convert.batch, Optional.of(dir), new PrintWriter(new StringWriter()), o -> { }, Optional.empty(), 5)
                .run(cmd);
        cli.execute("convert", archive.toString(), "--out", dir.toString(), "--resume", "--threads", "2",
                "--report", tmp.resolve("resumed.html").toString());
        BatchConvertTest.assertSameOutputs(tmp.resolve("one"), dir);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one.html")), Files.readAllBytes(tmp.resolve("resumed.html")),
                "the report of a resumed run with other threads is the same page");
    }

    @Test
    void twoArgumentsArePrefixedByTheirNamesSoTheirCopiesDiffer(@TempDir Path tmp) throws IOException {
        Path archive = twoCopies(tmp);
        Path out = tmp.resolve("out");
        cli.execute("convert", archive.resolve("a").toString(), archive.resolve("b").toString(), "--out", out.toString());
        List<CSVRecord> projects = table(out, "projects.csv");
        Set<String> ids = new HashSet<>();
        projects.forEach(p -> ids.add(p.get("record_id")));
        assertEquals(projects.size(), ids.size());
        assertEquals(projects.size() / 2, projects.stream().filter(p -> !p.get("duplicate_of").isEmpty()).count());

        // one folder alone names its files without the folder: its ids differ from the prefixed ones
        Path alone = tmp.resolve("alone");
        cli.execute("convert", archive.resolve("a").toString(), "--out", alone.toString());
        assertNotEquals(table(alone, "projects.csv").get(0).get("record_id"), projects.get(0).get("record_id"));
    }

    private static List<String> ids(Path dir) throws IOException {
        return table(dir, "projects.csv").stream().map(r -> r.get("record_id") + " " + r.get("duplicate_of")).toList();
    }
}
