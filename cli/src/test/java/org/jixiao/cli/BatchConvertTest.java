package org.jixiao.cli;

import org.apache.poi.ss.usermodel.CellType;
import org.jixiao.FileResult;
import org.jixiao.Jixiao;
import org.jixiao.Source;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch behaviour of {@code convert}: order, threads, filters, resume, progress, workbook. */
class BatchConvertTest {

    static final List<String> OUTPUTS = List.of("projects.csv", "indicators.csv", "funds.csv", "findings.csv",
            "errors.csv");

    private final CommandRun cli = new CommandRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.execute(args);
    }

    static Path corpus() {
        try {
            return Path.of(BatchConvertTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A mixed input folder from the corpus: the three seeds and every form's seed text in three
     * encodings (all convert), and a few office/HTML files (which convert or fail, the same way
     * every time), in sub-folders.
     */
    static Path mixedFolder(Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path corpus = corpus();
        for (String seed : List.of("000_28d3029d6f3e5f97.txt", "002_e50b47335a0e3ea5.txt", "004_562d28581a714b1e.txt")) {
            Files.copy(corpus.resolve("seeds").resolve(seed), in.resolve(seed));
        }
        for (String folder : List.of("shanxi-2020-it-ops", "shanxi-2020-cloud-rent", "shanxi-2020-trading-center",
                "xinzhou-2020-it-build")) {
            Path sub = Files.createDirectories(in.resolve(folder));
            for (String f : List.of("seed-utf8.txt", "seed-gb18030.txt", "seed-utf16le-bom.txt", "form.html",
                    "form.docx")) {
                Files.copy(corpus.resolve(folder).resolve(f), sub.resolve(f));
            }
        }
        return in;
    }

    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        for (String f : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    @Test
    void oneThreadAndFourThreadsGiveByteIdenticalOutputs(@TempDir Path tmp) throws IOException {
        Path in = mixedFolder(tmp);
        int one = run("convert", in.toString(), "--out", tmp.resolve("one").toString(), "--threads", "1");
        int four = run("convert", in.toString(), "--out", tmp.resolve("four").toString(), "--threads", "4");

        assertEquals(one, four);
        assertSameOutputs(tmp.resolve("one"), tmp.resolve("four"));
        List<String> projects = Files.readAllLines(tmp.resolve("four/projects.csv"), StandardCharsets.UTF_8);
        assertTrue(projects.size() >= 1 + 4 + 4 * 3, "the seeds and every seed encoding converted: " + projects.size());
    }

    @Test
    void includeAndExcludeGlobsFilterTheFilesOfAFolder(@TempDir Path tmp) throws IOException {
        Path in = mixedFolder(tmp);
        Path outDir = tmp.resolve("out");

        assertEquals(0, run("convert", in.toString(), "--out", outDir.toString(), "--include", "seed-*.txt",
                "--exclude", "xinzhou-*/**", "--exclude", "*gb18030*"));

        List<String> projects = Files.readAllLines(outDir.resolve("projects.csv"), StandardCharsets.UTF_8);
        // it-ops 1 + cloud-rent 1 + trading-center 1 forms, each in utf8 and utf16: 6 forms
        assertEquals(1 + 6, projects.size(), String.join("\n", projects));
        assertTrue(projects.stream().skip(1).allMatch(l -> l.contains("seed-utf")), String.join("\n", projects));
        assertTrue(err.toString().contains("6 file(s), 6 form(s), 0 failed"), err.toString());
    }

    @Test
    void anInterruptedRunLeavesNoCsvAndResumeCompletesItByteForByte(@TempDir Path tmp) throws Exception {
        Path in = mixedFolder(tmp);
        Path whole = tmp.resolve("whole");
        int expectedCode = run("convert", in.toString(), "--out", whole.toString(), "--threads", "2");

        Path dir = tmp.resolve("resumed");
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("convert", in.toString(), "--out", dir.toString(), "--threads", "2");
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        // as if killed after 9 of the 23 files
        Optional<BatchRun.Summary> stopped = new BatchRun(convert.batch, Optional.of(dir),
                new PrintWriter(new StringWriter()), o -> { }, Optional.empty(), 9).run(cmd);
        assertTrue(stopped.isEmpty());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(".jixiao"), left.map(p -> p.getFileName().toString()).toList(),
                    "only the hidden spool is left in DIR");
        }

        assertEquals(expectedCode, run("convert", in.toString(), "--out", dir.toString(), "--resume",
                "--threads", "2"));
        assertSameOutputs(whole, dir);
        assertTrue(err.toString().contains("9 reused from the journal"), err.toString());
    }

    @Test
    void resumeReprocessesAFileWhoseContentChanged(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path seed = in.resolve("a.txt");
        Files.copy(corpus().resolve("seeds/000_28d3029d6f3e5f97.txt"), seed);
        Path dir = tmp.resolve("out");
        assertEquals(0, run("convert", in.toString(), "--out", dir.toString()));

        Files.writeString(seed, "meeting notes, nothing else\n", StandardCharsets.UTF_8);
        assertEquals(1, run("convert", in.toString(), "--out", dir.toString(), "--resume"));

        assertTrue(Files.readString(dir.resolve("errors.csv"), StandardCharsets.UTF_8).contains("extract.no_form"));
        assertEquals(1, Files.readAllLines(dir.resolve("projects.csv"), StandardCharsets.UTF_8).size());
    }

    @Test
    void printsASummaryOnStderrUnlessQuiet(@TempDir Path tmp) throws IOException {
        Path in = mixedFolder(tmp);
        run("convert", in.resolve("000_28d3029d6f3e5f97.txt").toString(), "--out", tmp.resolve("a").toString());
        assertTrue(err.toString().matches("(?s)jixiao: 1 file\\(s\\), 1 form\\(s\\), 0 failed; "
                + "findings: 3 error 1 warning 2 info; \\d+\\.\\d s\\R"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(0, run("convert", in.resolve("000_28d3029d6f3e5f97.txt").toString(), "--out",
                tmp.resolve("b").toString(), "--quiet"));
        assertEquals("", err.toString());
    }

    @Test
    void xlsxOptionWritesTheWorkbookBesideTheCsvFiles(@TempDir Path tmp) throws IOException {
        Path in = mixedFolder(tmp);
        Path outDir = tmp.resolve("out");

        run("convert", in.resolve("000_28d3029d6f3e5f97.txt").toString(), "--out", outDir.toString(), "--xlsx");

        try (InputStream s = Files.newInputStream(outDir.resolve("jixiao.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(s)) {
            var row = wb.getSheet("projects").getRow(1);
            List<String> csv = Files.readAllLines(outDir.resolve("projects.csv"), StandardCharsets.UTF_8);
            assertEquals(csv.get(1).split(",")[0], row.getCell(0).getStringCellValue(), "same record id as the CSV");
            assertEquals(CellType.NUMERIC, row.getCell(8).getCellType(), "full_year_budget is a number");
            assertEquals(17049.23, row.getCell(8).getNumericCellValue(), 1e-9);
            assertEquals(8, wb.getSheet("indicators").getLastRowNum(), "8 indicators under the header (0-based)");
        }
        assertTrue(Files.exists(outDir.resolve("projects.csv")));
    }

    @Test
    void badBatchOptionsAreUsageErrors(@TempDir Path tmp) {
        String seed = corpus().resolve("seeds/000_28d3029d6f3e5f97.txt").toString();
        assertEquals(2, run("convert", seed, "--out", tmp.resolve("o").toString(), "--threads", "0"));
        assertTrue(err.toString().contains("--threads must be at least 1"), err.toString());
        assertEquals(2, run("convert", seed, "--out", tmp.resolve("o").toString(), "--timeout-seconds", "0"));
        assertEquals(2, run("audit", seed, "--resume"));
        assertTrue(err.toString().contains("need --out DIR"), err.toString());
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written on a usage error");
    }

    @Test
    void resultsFollowTheSortedInputOrder(@TempDir Path tmp) throws IOException {
        Path in = mixedFolder(tmp);
        Path outDir = tmp.resolve("out");
        run("convert", in.toString(), "--out", outDir.toString(), "--threads", "4");

        List<String> sources = new ArrayList<>();
        List<String> lines = Files.readAllLines(outDir.resolve("projects.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            sources.add(line.split(",")[1]);
        }
        List<String> sorted = new ArrayList<>(sources);
        sorted.sort(null);
        assertEquals(sorted, sources);
    }

    @Test
    void aFileThatHangsOrCrashesBecomesAnErrorRowAndTheBatchGoesOn(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("a-good.txt", "b-hangs.txt", "c-overflows.txt", "d-good.txt")) {
            Files.copy(corpus().resolve("seeds/000_28d3029d6f3e5f97.txt"), in.resolve(name));
        }
        Files.writeString(in.resolve("b-hangs.txt"), "hang", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("c-overflows.txt"), "overflow", StandardCharsets.UTF_8);
        Path dir = tmp.resolve("out");
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("convert", in.toString(), "--out", dir.toString(), "--timeout-seconds", "1", "--threads", "2");
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        Jixiao jixiao = Jixiao.withDefaults();
        Function<Source, FileResult> hostile = source -> {
            String text = new String(source.content(), StandardCharsets.UTF_8);
            if (text.equals("hang")) {
                long end = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < end) {
                    Thread.interrupted(); // a parse loop deaf to cancellation
                }
            } else if (text.equals("overflow")) {
                throw new StackOverflowError();
            }
            return jixiao.process(source);
        };

        BatchRun.Summary summary = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> new BatchRun(convert.batch, Optional.of(dir),
                        new PrintWriter(new StringWriter()), o -> { }, Optional.of(hostile), Long.MAX_VALUE)
                        .run(cmd).orElseThrow());

        assertEquals(2, summary.failedFiles());
        assertEquals(2, summary.forms());
        List<String> errors = Files.readAllLines(dir.resolve("errors.csv"), StandardCharsets.UTF_8);
        assertEquals(3, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(1).endsWith("b-hangs.txt,pipeline,pipeline.timeout,"
                + "processing took longer than the limit of 1 s; the file was given up,"), errors.get(1));
        assertTrue(errors.get(2).contains("c-overflows.txt,pipeline,pipeline.error,"
                + "unexpected java.lang.StackOverflowError while processing the file"), errors.get(2));
    }
}
