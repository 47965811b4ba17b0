package org.jixiao.spark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.jixiao.cli.Main;
import org.jixiao.internal.write.OutputTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs and readers shared by the job's tests: the core's corpus copied into a temporary folder
 * (never read in place), copies of its small forms, the CLI run on the same folder, and both
 * programs' CSV tables read back as sorted rows.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** A local session with {@code master} ({@code local[2]}, or {@code local[2,2]} to retry a task once). */
    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("jixiao-spark test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.task.maxFailures", "2")
                .getOrCreate();
    }

    /** The core's test corpus, which the build names in {@code jixiao.corpus}. */
    static Path corpus() {
        String dir = System.getProperty("jixiao.corpus");
        assertTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "the corpus folder (system property jixiao.corpus) is missing: " + dir);
        return Path.of(dir);
    }

    /** Copies the whole corpus into {@code target}, keeping its folders. */
    static void copyCorpus(Path target) throws IOException {
        Path corpus = corpus();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path to = target.resolve(corpus.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
    }

    /**
     * Writes {@code count} copies of the corpus's small forms (text, HTML, Word, Excel under 20 kB)
     * into {@code target}, 100 to a folder, so that every form has many copies to link.
     */
    static void copyBatch(Path target, int count) throws IOException {
        List<Path> small;
        try (Stream<Path> files = Files.walk(corpus())) {
            small = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(txt|html|docx|xlsx|doc)"))
                    .filter(f -> f.toFile().length() < 20_000)
                    .sorted().toList();
        }
        assertTrue(small.size() > 20, "the corpus has too few small forms: " + small.size());
        for (int i = 0; i < count; i++) {
            Path from = small.get(i % small.size());
            String name = from.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.'));
            Path to = target.resolve(String.format(Locale.ROOT, "d%02d/f%04d%s", i / 100, i, ext));
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
    }

    /** Files every batch should fail on, one error code each. */
    static void writeBroken(Path target) throws IOException {
        Files.createDirectories(target);
        Files.write(target.resolve("empty.docx"), new byte[0]);
        Files.write(target.resolve("garbage.doc"), "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(target.resolve("notes.txt"), "会议纪要\n没有任何表格。\n", StandardCharsets.UTF_8);
    }

    /** Runs {@code jixiao convert INPUT --out OUT --quiet} in-process; returns its exit code. */
    static int runCli(Path input, Path out) {
        var cmd = Main.commandLine();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("convert", input.toString(), "--out", out.toString(), "--quiet");
        assertTrue(code == 0 || code == 1, "the CLI failed (" + code + "): " + err);
        return code;
    }

    /** The rows of the CLI's {@code TABLE.csv}, header checked. */
    static List<List<String>> cliRows(Path out, OutputTable table) throws IOException {
        return read(out.resolve(table.fileName()), table);
    }

    /** The rows of every part file the job wrote for {@code table}, each part's header checked. */
    static List<List<String>> jobRows(Path out, OutputTable table) throws IOException {
        Path dir = out.resolve(table.label());
        assertTrue(Files.isRegularFile(dir.resolve("_SUCCESS")), "no committed output for " + table.label());
        List<List<String>> rows = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                rows.addAll(read(part, table));
            }
        }
        return rows;
    }

    private static List<List<String>> read(Path file, OutputTable table) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(table.columns(), p.getHeaderNames(), "header of " + file);
            for (CSVRecord rec : p) {
                rows.add(rec.toList());
            }
        }
        return rows;
    }

    /**
     * {@code rows} with the column {@code column} cut to the path below {@code root} (both programs
     * name the file in full: the CLI as a local path, the job as a URI), then sorted.
     */
    static List<List<String>> relativeAndSorted(List<List<String>> rows, OutputTable table, String column,
                                                String root) {
        int index = table.columns().indexOf(column);
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> copy = new ArrayList<>(row);
            if (index >= 0) {
                String v = copy.get(index);
                assertTrue(v.startsWith(root), column + " " + v + " is not below " + root);
                copy.set(index, v.substring(root.length()));
            }
            out.add(copy);
        }
        out.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
        return out;
    }

    /** The column each table names its file in (none for the tables keyed by record_id). */
    static String fileColumn(OutputTable table) {
        return table == OutputTable.PROJECTS || table == OutputTable.ERRORS ? "source_file" : "";
    }

    static String describe(List<List<String>> rows) {
        return rows.stream().limit(3).map(Object::toString).collect(Collectors.joining("\n"));
    }
}
