package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
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

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
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
