package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvertCommandTest {

    private final CommandRun cli = new CommandRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.execute(args);
    }

    private static Path copySeed(Path dir, String seed) throws IOException {
        try (InputStream in = ConvertCommandTest.class.getResourceAsStream("/corpus/seeds/" + seed)) {
            Path target = dir.resolve(seed);
            Files.copy(in, target);
            return target;
        }
    }

    @Test
    void convertsAFolderAndExitsZero(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        copySeed(in, "000_28d3029d6f3e5f97.txt");
        copySeed(in, "004_562d28581a714b1e.txt");
        Path outDir = tmp.resolve("out");

        assertEquals(0, run("convert", in.toString(), "--out", outDir.toString()), err.toString());

        List<String> projects = Files.readAllLines(outDir.resolve("projects.csv"), StandardCharsets.UTF_8);
        assertEquals(4, projects.size(), "header and three forms");
        assertTrue(projects.get(0).startsWith("record_id,source_file,form_index,project_name,year"));
        assertEquals(List.of("source_file,stage,code,message,form_index"),
                Files.readAllLines(outDir.resolve("errors.csv"), StandardCharsets.UTF_8));
        assertTrue(out.toString().contains("3 form(s) converted"), out.toString());
        try (var files = Files.list(outDir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aBadFileFailsAloneWithExitOne(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        copySeed(in, "000_28d3029d6f3e5f97.txt");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.writeString(in.resolve("notes.txt"), "meeting notes, nothing else\n", StandardCharsets.UTF_8);
        Path outDir = tmp.resolve("out");

        assertEquals(1, run("convert", in.toString(), "--out", outDir.toString()));

        String errors = Files.readString(outDir.resolve("errors.csv"), StandardCharsets.UTF_8);
        assertTrue(errors.contains("empty.txt,read,read.empty,"), errors);
        assertTrue(errors.contains("notes.txt,extract,extract.no_form,"), errors);
        assertEquals(2, Files.readAllLines(outDir.resolve("projects.csv"), StandardCharsets.UTF_8).size());
        assertTrue(err.toString().contains("2 file(s) could not be converted"), err.toString());
    }

    @Test
    void excelOptionWritesAByteOrderMark(@TempDir Path tmp) throws IOException {
        Path seed = copySeed(tmp, "000_28d3029d6f3e5f97.txt");
        Path outDir = tmp.resolve("out");

        assertEquals(0, run("convert", seed.toString(), "--out", outDir.toString(), "--excel"));

        byte[] bytes = Files.readAllBytes(outDir.resolve("projects.csv"));
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
    }

    @Test
    void missingInputIsReportedAndTheRestConverted(@TempDir Path tmp) throws IOException {
        Path seed = copySeed(tmp, "000_28d3029d6f3e5f97.txt");
        Path outDir = tmp.resolve("out");

        assertEquals(1, run("convert", seed.toString(), tmp.resolve("nope.docx").toString(), "--out", outDir.toString()));

        String errors = Files.readString(outDir.resolve("errors.csv"), StandardCharsets.UTF_8);
        assertTrue(errors.contains("nope.docx,read,read.not_found,"), errors);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("convert", "samples"));
        assertTrue(err.toString().contains("--out"), err.toString());
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void unwritableOutputExitsTwo(@TempDir Path tmp) throws IOException {
        Path seed = copySeed(tmp, "000_28d3029d6f3e5f97.txt");
        Path blocker = Files.writeString(tmp.resolve("file"), "x");

        assertEquals(2, run("convert", seed.toString(), "--out", blocker.resolve("out").toString()));
        assertTrue(err.toString().contains("cannot write"), err.toString());
    }
}
