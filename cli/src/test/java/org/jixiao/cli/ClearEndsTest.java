package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a run ends: nothing to do, an unusable path, help, the summary, quiet. */
class ClearEndsTest {

    private final CommandRun cli = new CommandRun();

    private static Path seed(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path seed = dir.resolve("000.txt");
        Files.copy(BatchConvertTest.corpus().resolve("seeds/000_28d3029d6f3e5f97.txt"), seed);
        return seed;
    }

    @Test
    void anEmptyFolderIsExit2WithAMessageAndNoOutput(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve(".hidden"), "x", StandardCharsets.UTF_8);
        assertEquals(2, cli.execute("convert", empty.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(cli.err.toString().contains("jixiao: no input file found: the folders given hold no file"), cli.err.toString());
        assertFalse(Files.exists(tmp.resolve("o")), "no header-only CSV files");
    }

    @Test
    void anIncludeThatMatchesNothingIsExit2(@TempDir Path tmp) throws IOException {
        seed(tmp.resolve("in"));
        assertEquals(2, cli.execute("audit", tmp.resolve("in").toString(), "--include", "*.docx"));
        assertTrue(cli.err.toString().contains("no file in the folders given matches --include/--exclude"), cli.err.toString());
    }

    @Test
    void onlyMissingInputsIsExit2NamingThem(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope.docx");
        assertEquals(2, cli.execute("convert", missing.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(cli.err.toString().contains("no input file found: " + missing + ": no such file or folder"), cli.err.toString());
    }

    @Test
    void manyUnusableInputsAreNamedFiveAndCounted(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("links"));
        for (int i = 1; i <= 4; i++) {
            Files.createSymbolicLink(folder.resolve("gone" + i + ".docx"), tmp.resolve("nowhere" + i));
        }
        Path missing = tmp.resolve("nope.docx");
        assertEquals(2, cli.execute("convert", folder.toString(), missing.toString(), tmp.resolve("nope2.docx").toString(),
                "--out", tmp.resolve("o").toString()));
        String err = cli.err.toString();
        assertTrue(err.contains("no input file found: " + folder.resolve("gone1.docx") + ": a symbolic link that leads nowhere"), err);
        assertTrue(err.contains(missing + ": no such file or folder; and 1 more"), err);
        assertFalse(Files.exists(tmp.resolve("o")), "nothing is left behind");
    }

    @Test
    void aMissingProfileNamesItsReason(@TempDir Path tmp) throws IOException {
        Path seed = seed(tmp.resolve("in"));
        Path profile = tmp.resolve("missing.properties");
        assertEquals(2, cli.execute("convert", seed.toString(), "--out", tmp.resolve("o").toString(), "--profile", profile.toString()));
        assertTrue(cli.err.toString().contains("cannot use the rule profile " + profile + ": " + profile
                + ": no such file or directory"), cli.err.toString());
    }

    @Test
    void anOutFolderUnderARegularFileNamesItsReason(@TempDir Path tmp) throws IOException {
        Path seed = seed(tmp.resolve("in"));
        Path file = Files.writeString(tmp.resolve("plain"), "x", StandardCharsets.UTF_8);
        assertEquals(2, cli.execute("convert", seed.toString(), "--out", file.resolve("out").toString()));
        assertTrue(cli.err.toString().contains("jixiao: cannot write the output: ") && cli.err.toString().contains(": not a directory"),
                cli.err.toString());
        assertEquals(2, cli.execute("audit", seed.toString(), "--report", file.resolve("r.html").toString()));
        assertTrue(cli.err.toString().contains(file + ": exists and is not a directory"), cli.err.toString());
    }

    @Test
    void helpListsTheFormatsAndTheExitCodes() {
        for (String[] args : new String[][] {{"--help"}, {"convert", "--help"}, {"audit", "--help"}}) {
            CommandRun run = new CommandRun();
            assertEquals(0, run.execute(args));
            String help = run.out.toString();
            assertTrue(help.contains("Exit codes:"), help);
            assertTrue(help.matches("(?s).*\\b0\\s+every input converted.*\\b1\\s+some inputs failed.*\\b2\\s+usage error.*"), help);
            assertTrue(help.contains("Readable formats") && help.contains(".docx") && help.contains(".xlsx") && help.contains(".txt"), help);
        }
    }

    @Test
    void theSummaryBreaksFailuresDownByCode(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        seed(in);
        Files.writeString(in.resolve("notes-a.txt"), "meeting notes, nothing else\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("notes-b.txt"), "more notes\n", StandardCharsets.UTF_8);
        Files.write(in.resolve("empty.docx"), new byte[0]);
        assertEquals(1, cli.execute("convert", in.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(cli.err.toString().contains("4 file(s), 1 form(s), 3 failed (extract.no_form 2, read.empty 1); findings:"),
                cli.err.toString());
    }

    @Test
    void quietPrintsNothingOnSuccess(@TempDir Path tmp) throws IOException {
        Path seed = seed(tmp.resolve("in"));
        assertEquals(0, cli.execute("convert", seed.toString(), "--out", tmp.resolve("o").toString(), "-q"));
        assertEquals("", cli.out.toString());
        assertEquals("", cli.err.toString());
    }
}
