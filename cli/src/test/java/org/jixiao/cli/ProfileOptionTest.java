package org.jixiao.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --profile FILE}: a province's rules change the recomputation; a bad file is a usage error. */
class ProfileOptionTest {

    private final CommandRun cli = new CommandRun();
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.execute(args);
    }

    private static String seed000() {
        return BatchConvertTest.corpus().resolve("seeds/000_28d3029d6f3e5f97.txt").toString();
    }

    /** grade_computed of the one form in projects.csv. */
    private static String gradeComputed(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("projects.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        return lines.get(1).split(",", -1)[header.indexOf("grade_computed")];
    }

    @Test
    void aProvincesGradeBandsChangeTheComputedGrade(@TempDir Path tmp) throws IOException {
        Path bands = Files.writeString(tmp.resolve("vendor.properties"),
                "# 优 >= 80, 良 [70, 80), 中 [60, 70)\ngrade.bands=80,70,60\n", StandardCharsets.UTF_8);

        assertEquals(0, run("convert", seed000(), "--out", tmp.resolve("national").toString(), "-q"));
        assertEquals(0, run("convert", seed000(), "--out", tmp.resolve("vendor").toString(), "-q",
                "--profile", bands.toString()));

        // Seed 000 recomputes to 79.93: 中 under the national bands, 良 under 80/70/60.
        assertEquals("中", gradeComputed(tmp.resolve("national")));
        assertEquals("良", gradeComputed(tmp.resolve("vendor")));
    }

    /** The value of {@code column} in the row of {@code table} where {@code keyColumn} is {@code key}. */
    private static String cell(Path out, String table, String keyColumn, String key, String column) throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve(table), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (row.get(keyColumn).equals(key)) {
                    return row.get(column);
                }
            }
        }
        throw new AssertionError("no row with " + keyColumn + " = " + key + " in " + table);
    }

    @Test
    void aProfilesRoundingModeRoundsTheComputedColumns(@TempDir Path tmp) throws IOException {
        Path halfEven = Files.writeString(tmp.resolve("even.properties"), "rounding=half_even\n", StandardCharsets.UTF_8);
        Path down = Files.writeString(tmp.resolve("down.properties"), "rounding=down\n", StandardCharsets.UTF_8);

        assertEquals(0, run("convert", seed000(), "--out", tmp.resolve("national").toString(), "-q"));
        assertEquals(0, run("convert", seed000(), "--out", tmp.resolve("even").toString(), "-q",
                "--profile", halfEven.toString()));
        assertEquals(0, run("convert", seed000(), "--out", tmp.resolve("down").toString(), "-q",
                "--profile", down.toString()));

        // Seed 000: 明显 vs 50% with weight 11.25 is 5.625 (DOMAIN §2.6, §2.9: HALF_EVEN gives 5.62).
        String level3 = "运维服务质量的提升程度";
        assertEquals("5.63", cell(tmp.resolve("national"), "indicators.csv", "level3", level3, "score_computed"));
        assertEquals("5.62", cell(tmp.resolve("even"), "indicators.csv", "level3", level3, "score_computed"));
        // The recomputed total is 6.80443… + 73.125 = 79.92943…: 79.93 rounded, 79.92 truncated.
        assertEquals("79.93", cell(tmp.resolve("national"), "projects.csv", "form_index", "1", "total_score_computed"));
        assertEquals("79.92", cell(tmp.resolve("down"), "projects.csv", "form_index", "1", "total_score_computed"));
    }

    @Test
    void theAuditReportRoundsWithTheProfile(@TempDir Path tmp) throws IOException {
        Path down = Files.writeString(tmp.resolve("down.properties"), "rounding=down\n", StandardCharsets.UTF_8);
        CommandRun audit = new CommandRun();
        StringWriter report = audit.out;

        assertEquals(0, audit.execute("audit", seed000(), "--quiet", "--profile", down.toString()));

        assertTrue(report.toString().contains("填报 reported 82.08 / 复核 computed 79.92"), report.toString());
    }

    @Test
    void aBadProfileIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.properties"), "budget.weight=ten\n", StandardCharsets.UTF_8);

        assertEquals(2, run("convert", seed000(), "--out", tmp.resolve("out").toString(), "--profile", bad.toString()));

        assertTrue(err.toString().contains("budget.weight"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out/projects.csv")));
    }

    @Test
    void aMissingProfileIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("audit", seed000(), "--profile", tmp.resolve("nope.properties").toString()));
        assertTrue(err.toString().contains("nope.properties"), err.toString());
    }

    @Test
    void resumeDoesNotReuseResultsScoredUnderAnotherProfile(@TempDir Path tmp) throws IOException {
        Path bands = Files.writeString(tmp.resolve("vendor.properties"), "grade.bands=80,70,60\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        assertEquals(0, run("convert", seed000(), "--out", out.toString(), "-q"));
        assertEquals(0, run("convert", seed000(), "--out", out.toString(), "-q", "--resume",
                "--profile", bands.toString()));

        assertEquals("良", gradeComputed(out), "recomputed under the new bands, not taken from the journal");
    }
}
