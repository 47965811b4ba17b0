package org.jixiao.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jixiao.internal.write.OutputTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job on {@code local[2]} against the CLI on the same folder: the corpus, 2,000 copies of its
 * small forms and three broken files. One session and one run of each program for the class.
 */
class ConvertJobTest {

    private static final int COPIES = 2_000;

    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static Path input;
    private static Path cliOut;
    private static Path jobOut;
    private static AuditSummary summary;

    @BeforeAll
    static void convertWithBoth() throws IOException {
        input = tmp.resolve("in");
        Fixtures.copyCorpus(input.resolve("corpus"));
        Fixtures.copyBatch(input.resolve("batch"), COPIES);
        Fixtures.writeBroken(input.resolve("broken"));
        cliOut = tmp.resolve("cli");
        Fixtures.runCli(input, cliOut);
        spark = Fixtures.session("local[2]");
        jobOut = tmp.resolve("job");
        summary = ConvertJob.run(spark, JobOptions.of(List.of(input.toString()), jobOut.toString()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(OutputTable.class)
    void rowsEqualTheClis(OutputTable table) throws IOException {
        String column = Fixtures.fileColumn(table);
        List<List<String>> cli = Fixtures.relativeAndSorted(Fixtures.cliRows(cliOut, table), table, column,
                input + "/");
        List<List<String>> job = Fixtures.relativeAndSorted(Fixtures.jobRows(jobOut, table), table, column,
                "file:" + input + "/");
        assertFalse(cli.isEmpty(), "the CLI wrote no " + table.label() + " row");
        assertEquals(cli.size(), job.size(), table.label() + " rows");
        for (int i = 0; i < cli.size(); i++) {
            assertEquals(cli.get(i), job.get(i), table.label() + " row " + i);
        }
    }

    @Test
    void convertsEveryCopyAndLinksItToTheFirst() throws IOException {
        List<List<String>> projects = Fixtures.jobRows(jobOut, OutputTable.PROJECTS);
        int id = OutputTable.PROJECTS.columns().indexOf("record_id");
        int dup = OutputTable.PROJECTS.columns().indexOf("duplicate_of");
        int file = OutputTable.PROJECTS.columns().indexOf("source_file");
        assertTrue(projects.size() >= COPIES, "forms: " + projects.size());
        Set<String> ids = new HashSet<>();
        projects.forEach(r -> assertTrue(ids.add(r.get(id)), "record_id twice: " + r.get(id)));
        // A copy in batch/ points at a form of an earlier file, which is itself no copy.
        long linked = projects.stream().filter(r -> !r.get(dup).isEmpty()).count();
        assertTrue(linked > COPIES / 2, "linked copies: " + linked);
        for (List<String> r : projects) {
            if (!r.get(dup).isEmpty()) {
                assertTrue(ids.contains(r.get(dup)), r.get(file) + " links to an unknown form " + r.get(dup));
            }
        }
    }

    @Test
    void summaryCountsWhatTheTablesHold() throws IOException {
        List<List<String>> errors = Fixtures.jobRows(jobOut, OutputTable.ERRORS);
        assertEquals(Fixtures.jobRows(jobOut, OutputTable.PROJECTS).size(), summary.forms());
        assertEquals(errors.stream().map(r -> r.get(0)).distinct().count(), summary.failedFiles());
        Map<String, Long> byCode = errors.stream().collect(Collectors.groupingBy(r -> r.get(2), Collectors.counting()));
        assertEquals(byCode, summary.errorsByCode());
        assertTrue(errors.size() >= 3, "the broken files are errors: " + byCode);
        long findings = Fixtures.jobRows(jobOut, OutputTable.FINDINGS).size();
        assertEquals(findings, summary.findings().stream().mapToLong(AuditSummary.FindingCount::count).sum());
        assertEquals(summary.forms(), summary.byYear().stream().mapToLong(AuditSummary.YearCount::forms).sum());
        assertTrue(summary.describe().contains("by year:"), summary.describe());
    }

    @Test
    void csvIsTheContractsFormat() throws IOException {
        Path part;
        try (Stream<Path> parts = Files.list(jobOut.resolve("projects"))) {
            part = parts.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .filter(p -> p.toFile().length() > 0).findFirst().orElseThrow();
        }
        String text = Files.readString(part, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", OutputTable.PROJECTS.columns()) + "\n"), "header, then LF");
        assertFalse(text.startsWith("\uFEFF"), "no byte-order mark");
        assertFalse(Files.exists(jobOut.resolve(ConvertJob.STAGING)), "the staging folder is removed");
    }

    @Test
    void parquetPartitionedByYearHoldsTheSameForms(@TempDir Path out) {
        JobOptions options = JobOptions.of(List.of(input.resolve("corpus").toString()), out.toString())
                .withFormat(OutputFormat.PARQUET).withPartitionByYear(true);
        AuditSummary s = ConvertJob.run(spark, options);
        Dataset<Row> projects = spark.read().parquet(out.resolve("projects").toString());
        assertEquals(s.forms(), projects.count());
        assertTrue(Files.isDirectory(out.resolve("projects").resolve("year=2020")), "year=2020 folder");
        assertTrue(Files.isDirectory(out.resolve("indicators").resolve("year=2020")), "indicators by the form's year");
        // Spark puts the partition column last when it reads the folders back.
        List<String> expected = new java.util.ArrayList<>(OutputTable.PROJECTS.columns());
        expected.remove("year");
        expected.add("year");
        assertEquals(expected, List.of(projects.columns()));
        assertEquals("IntegerType", projects.schema().apply("form_index").dataType().toString());
        assertTrue(spark.read().parquet(out.resolve("indicators").toString()).count() > s.forms(), "indicators");
    }

    @Test
    void noInputFileIsAnErrorNamingTheInput(@TempDir Path out) {
        String missing = tmp.resolve("missing").toString();
        ConvertJob.NoInputFile e = assertThrows(ConvertJob.NoInputFile.class,
                () -> ConvertJob.run(spark, JobOptions.of(List.of(missing), out.toString())));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("no such file or folder"), e.getMessage());
    }
}
