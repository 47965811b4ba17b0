package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile suite of issue 16: bad files of every kind in one batch with good ones (each good
 * file converts as it does alone, each bad one gives one coded row, exit 1), outputs that cannot be
 * taken for a finished run, one run at a time per output folder, private spool, quiet libraries.
 */
class HostileBatchTest {

    private static final Path CORPUS = BatchConvertTest.corpus();

    /** Good files of every format. */
    private static Path goodFolder(Path in) throws IOException {
        Path good = Files.createDirectories(in.resolve("good"));
        for (String f : List.of("form.docx", "form.doc", "form.html", "form.xlsx", "form.txt")) {
            Files.copy(CORPUS.resolve("shanxi-2020-it-ops").resolve(f), good.resolve("it-ops-" + f));
        }
        Files.copy(CORPUS.resolve("shanxi-2020-cloud-rent/form.docx"), good.resolve("cloud-rent-form.docx"));
        return good;
    }

    @Test
    void everyBadFileGivesOneCodedRowAndCostsNoGoodFileAnything(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        goodFolder(in);
        Path alone = tmp.resolve("alone");
        assertEquals(0, new CommandRun().execute("convert", in.toString(), "--out", alone.toString()));

        Path bad = Files.createDirectories(in.resolve("bad"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.copy(CORPUS.resolve("shanxi-2020-it-ops/form.txt"), outside.resolve("secret.txt"));
        Map<String, String> expected = new TreeMap<>();
        // (A part past POI's 100 MB array limit is ReadersTest's; in a worker it may also end as
        // pipeline.out_of_memory, depending on the reader, which is the heap cap doing its job.)
        HostileInputTest.writeZipBomb(bad.resolve("zip-bomb.docx"));
        expected.put("zip-bomb.docx", "read.zip.bomb");
        assertEquals(0, new ProcessBuilder("mkfifo", bad.resolve("fifo.txt").toString()).start().waitFor());
        expected.put("fifo.txt", "read.not_regular_file");
        ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        socket.bind(UnixDomainSocketAddress.of(bad.resolve("socket.docx")));
        expected.put("socket.docx", "read.not_regular_file");
        Files.createSymbolicLink(bad.resolve("dangling.docx"), bad.resolve("missing.docx"));
        expected.put("dangling.docx", "read.not_regular_file");
        Files.createSymbolicLink(bad.resolve("self.docx"), bad.resolve("self.docx"));
        expected.put("self.docx", "read.not_regular_file");
        Files.createSymbolicLink(bad.resolve("outside.txt"), outside.resolve("secret.txt"));
        expected.put("outside.txt", "read.outside_input");
        Files.createSymbolicLink(bad.resolve("outside-folder"), outside);
        expected.put("outside-folder", "read.outside_input");
        // Converts: a form wrapped in 600 <div>s, and one with NUL and other controls in its cells.
        String html = Files.readString(CORPUS.resolve("shanxi-2020-it-ops/form.html"), StandardCharsets.UTF_8);
        Files.writeString(bad.resolve("nest600.html"), "<html><body>" + "<div>".repeat(600)
                + html.replaceAll("(?s).*<body[^>]*>|</body>.*", "") + "</div>".repeat(600) + "</body></html>",
                StandardCharsets.UTF_8);
        String text = Files.readString(CORPUS.resolve("shanxi-2020-it-ops/form.txt"), StandardCharsets.UTF_8);
        Files.writeString(bad.resolve("controls.txt"), text.replace("信息化运行维护费", "信息化\u0000运行\u001B维护费\u0007"),
                StandardCharsets.UTF_8);

        // The output folder inside the input, run twice: the first run's outputs are not read back.
        Path dir = in.resolve("out");
        CommandRun first = new CommandRun();
        assertEquals(1, first.execute("convert", in.toString(), "--out", dir.toString(), "--threads", "2"));
        CommandRun second = new CommandRun();
        assertEquals(1, second.execute("convert", in.toString(), "--out", dir.toString(), "--threads", "2"),
                second.err.toString());
        socket.close();

        List<String> projects = Files.readAllLines(dir.resolve("projects.csv"), StandardCharsets.UTF_8);
        List<String> goodRows = projects.stream().filter(l -> l.contains(",in/good/") || l.contains("/in/good/")).toList();
        List<String> aloneRows = Files.readAllLines(alone.resolve("projects.csv"), StandardCharsets.UTF_8);
        assertEquals(aloneRows.subList(1, aloneRows.size()), goodRows, "the good files give what they give alone");
        assertTrue(projects.stream().anyMatch(l -> l.contains("nest600.html,1,信息化运行维护费")), String.join("\n", projects));
        assertTrue(projects.stream().anyMatch(l -> l.contains("controls.txt,1,信息化运行维护费")), String.join("\n", projects));
        assertEquals(1 + goodRows.size() + 2, projects.size(), "no form from the outputs read back: " + projects);

        Map<String, String> codes = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("errors.csv"), StandardCharsets.UTF_8).subList(1, expectedRows(dir))) {
            String[] cells = line.split(",", 4);
            assertEquals(null, codes.put(Path.of(cells[0]).getFileName().toString(), cells[2]), "one row per file: " + line);
            assertFalse(cells[3].isBlank(), line);
        }
        assertEquals(expected, codes);
        for (String csv : BatchConvertTest.OUTPUTS) {
            byte[] bytes = Files.readAllBytes(dir.resolve(csv));
            for (byte b : bytes) {
                assertTrue(b >= 0x20 || b == '\t' || b == '\n' || b == '\r' || b < 0, csv + " holds control 0x" + b);
            }
        }
        assertFalse(Files.readString(dir.resolve("projects.csv")).contains("secret"), "nothing read from outside");
    }

    private static int expectedRows(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("errors.csv"), StandardCharsets.UTF_8).size();
    }

    @Test
    void aRunLeavesNoOldOutputsUntilItFinishesAndWritesRunJsonLast(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String seed : List.of("000_28d3029d6f3e5f97.txt", "002_e50b47335a0e3ea5.txt", "004_562d28581a714b1e.txt")) {
            Files.copy(CORPUS.resolve("seeds").resolve(seed), in.resolve(seed));
        }
        Path dir = tmp.resolve("out");
        assertEquals(0, new CommandRun().execute("convert", in.toString(), "--out", dir.toString(), "--xlsx"));
        String run = Files.readString(dir.resolve("run.json"), StandardCharsets.UTF_8);
        String outputs = String.join(", ", java.util.stream.Stream.concat(
                Arrays.stream(org.jixiao.internal.write.OutputTable.values()).map(t -> RunRecord.quote(t.fileName())),
                java.util.stream.Stream.of("\"jixiao.xlsx\"")).toList());
        assertTrue(run.contains("\"files\": 3,") && run.contains("\"failed_files\": 0,")
                && run.contains("\"exit_code\": 0,") && run.contains("\"inputs\": [" + RunRecord.quote(in.toString()) + "]")
                && run.contains("\"outputs\": [" + outputs + "]") && run.matches("(?s).*\"finished\": \"\\d{4}-.*"), run);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".jixiao"))),
                "the spool (journal, outputs in the making, sheet spools) is private");

        // A second run into the same folder that stops after one file, as a killed or failed run does.
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("convert", in.toString(), "--out", dir.toString());
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        assertTrue(new BatchRun(convert.batch, Optional.of(dir), new PrintWriter(new StringWriter()), o -> { },
                Optional.empty(), 1).run(cmd).isEmpty());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(".jixiao"), left.map(p -> p.getFileName().toString()).toList(),
                    "neither the last run's outputs nor a run.json are left to be taken for this run's");
        }
    }

    @Test
    void aSecondRunOnTheSameOutputFolderExits2NamingTheRunThatHoldsIt(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] seed = Files.readAllBytes(CORPUS.resolve("seeds/000_28d3029d6f3e5f97.txt"));
        for (int i = 0; i < 1500; i++) {
            Files.write(in.resolve(String.format(java.util.Locale.ROOT, "%04d.txt", i)), seed);
        }
        Path dir = tmp.resolve("out");
        Process first = WorkerIsolationTest.cli("convert", in.toString(), "--out", dir.toString(), "--threads", "1", "-q");
        Path lock = dir.resolve(".jixiao/lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(lock) && Files.size(lock) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(first.isAlive(), "the first run is still going");

        CommandRun second = new CommandRun();
        assertEquals(2, second.execute("convert", in.toString(), "--out", dir.toString()));
        assertTrue(second.err.toString().contains(dir + " is in use by another run (pid " + first.pid() + " on "),
                second.err.toString());

        assertEquals(0, first.waitFor());
        assertEquals(1 + 1500, Files.readAllLines(dir.resolve("projects.csv"), StandardCharsets.UTF_8).size(),
                "the first run's outputs are whole");
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"files\": 1500,"));
        assertEquals(0, new CommandRun().execute("convert", in.toString(), "--out", dir.toString(), "-q"),
                "the lock goes with the run that held it");
    }

    @Test
    void aLibraryRunPrintsNothingOnStderr(@TempDir Path tmp) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LibraryRun.class.getName()));
        for (String f : List.of("form.xlsx", "form.docx", "form.doc")) {
            command.add(CORPUS.resolve("shanxi-2020-it-ops").resolve(f).toString());
        }
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("", stderr, "no 'could not find a logging provider', no library log line");
    }
}
