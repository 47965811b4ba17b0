package org.jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jixiao.Jixiao;
import org.jixiao.internal.batch.InProcessLimits;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files in worker processes with a heap cap: a file that runs past its time, eats the heap or kills
 * the JVM costs only itself, its worker is stopped for real, and the good files next to it give
 * exactly what they give alone. Files parsed in the batch's JVM (the ordinary ones) that run out of
 * memory or time there are parsed again in a worker, with the same ends; once that JVM has run out
 * of memory, the files left go to workers. A {@code kill -9} of the
 * run leaves no CSV and no worker.
 */
class WorkerIsolationTest {

    private static final String SEED = "seeds/000_28d3029d6f3e5f97.txt";

    @Test
    void aFileThatHangsExhaustsTheHeapOrCrashesItsWorkerCostsOnlyItself(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("a-good.txt", "c-good.txt", "e-good.txt", "g-good.txt")) {
            Files.copy(BatchConvertTest.corpus().resolve(SEED), in.resolve(name));
        }
        Path alone = tmp.resolve("alone");
        assertEquals(0, new CommandRun().execute("convert", in.toString(), "--out", alone.toString()));
        Files.writeString(in.resolve("b-hangs.txt"), "hang", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("d-hogs.txt"), "hog", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("f-crashes.txt"), "crash", StandardCharsets.UTF_8);

        Path dir = tmp.resolve("out");
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("convert", in.toString(), "--out", dir.toString(), "--timeout-seconds", "3", "--threads", "2");
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        BatchRun.Summary summary = assertTimeoutPreemptively(Duration.ofSeconds(90), () ->
                new BatchRun(convert.batch, Optional.of(dir), new PrintWriter(new StringWriter()), o -> { }, false)
                        .workerMain(HostileWorker.class.getName()).inProcessLimits(InProcessLimits.none())
                        .run(cmd).orElseThrow());

        assertEquals(3, summary.failedFiles());
        assertEquals(Files.readString(alone.resolve("projects.csv")), Files.readString(dir.resolve("projects.csv")),
                "the good files give what they give alone");
        assertEquals(Files.readString(alone.resolve("indicators.csv")), Files.readString(dir.resolve("indicators.csv")));
        List<String> errors = Files.readAllLines(dir.resolve("errors.csv"), StandardCharsets.UTF_8);
        assertEquals(4, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(1).contains("b-hangs.txt,pipeline,pipeline.timeout,"
                + "processing took longer than the limit of 3 s; the file was given up"), errors.get(1));
        assertTrue(errors.get(2).contains("d-hogs.txt,pipeline,pipeline.out_of_memory,processing needed more memory "
                + "than the limit of " + BatchRun.WORKER_HEAP), errors.get(2));
        assertTrue(errors.get(3).contains("f-crashes.txt,pipeline,pipeline.crash,the worker process ended while "
                + "processing the file (exit code 134)"), errors.get(3));
        // The hanging parse was stopped for real: no worker of this JVM is busy, at most the two idle ones live.
        assertTrue(workers(ProcessHandle.current(), HostileWorker.class.getName()).size() <= 2,
                workers(ProcessHandle.current(), HostileWorker.class.getName()).toString());
    }

    @Test
    void aFileThatRunsOutOfMemoryOrTimeInProcessIsParsedAgainInAWorkerAndABigOneGoesThereFirst(@TempDir Path tmp)
            throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("a-good.txt", "c-good.txt", "e-good.txt", "g-good.txt")) {
            Files.copy(BatchConvertTest.corpus().resolve(SEED), in.resolve(name));
        }
        Path alone = tmp.resolve("alone");
        assertEquals(0, new CommandRun().execute("convert", in.toString(), "--out", alone.toString()));
        Files.writeString(in.resolve("b-hangs.txt"), "hang", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("d-hogs.txt"), "hog", StandardCharsets.UTF_8);
        // Past the in-process size limit: only a worker may parse it, and there it crashes the JVM.
        Files.writeString(in.resolve("f-crashes.txt"), "crash\n" + " ".repeat((1 << 20) + 1), StandardCharsets.UTF_8);

        // In this JVM: a loop deaf to interrupts (ending on its own after 20 s, not to burn the test
        // JVM for good), an OutOfMemoryError as the heap's end would throw it, the real pipeline else.
        Jixiao jixiao = Jixiao.withDefaults();
        List<String> parsedHere = java.util.Collections.synchronizedList(new ArrayList<>());
        FileWork.Pipeline hostile = (source, hash, recordName) -> {
            parsedHere.add(Path.of(source.name()).getFileName().toString());
            switch (HostileWorker.firstWord(source.content())) {
                case "hang" -> {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (System.nanoTime() < end) {
                        Thread.interrupted();
                    }
                }
                case "hog" -> throw new OutOfMemoryError("Java heap space");
                default -> {
                    // the real pipeline, below
                }
            }
            return jixiao.process(source, hash, recordName);
        };
        Path dir = tmp.resolve("out");
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("convert", in.toString(), "--out", dir.toString(), "--timeout-seconds", "3", "--threads", "2");
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        StringWriter err = new StringWriter();
        BatchRun.Summary summary = assertTimeoutPreemptively(Duration.ofSeconds(90), () ->
                new BatchRun(convert.batch, Optional.of(dir), new PrintWriter(err), o -> { }, hostile)
                        .workerMain(HostileWorker.class.getName()).run(cmd).orElseThrow());

        assertEquals(3, summary.failedFiles());
        assertEquals(Files.readString(alone.resolve("projects.csv")), Files.readString(dir.resolve("projects.csv")),
                "the good files give what they give alone");
        List<String> errors = Files.readAllLines(dir.resolve("errors.csv"), StandardCharsets.UTF_8);
        assertEquals(4, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(1).contains("b-hangs.txt,pipeline,pipeline.timeout,"
                + "processing took longer than the limit of 3 s; the file was given up"), errors.get(1));
        assertTrue(errors.get(2).contains("d-hogs.txt,pipeline,pipeline.out_of_memory,"), errors.get(2));
        assertTrue(errors.get(3).contains("f-crashes.txt,pipeline,pipeline.crash,"), errors.get(3));
        // A JVM that ran out of memory parses no more (a class whose static initializer was cut
        // short by it stays unusable): the files not yet begun when the hog ran out, e and g, go to
        // workers. One thread takes a, c and d in turn while the other is on b; b itself is parsed
        // here only if its thread began it before the hog ran out.
        List<String> here = parsedHere.stream().sorted().toList();
        assertTrue(here.containsAll(List.of("a-good.txt", "c-good.txt", "d-hogs.txt"))
                && List.of("a-good.txt", "b-hangs.txt", "c-good.txt", "d-hogs.txt").containsAll(here),
                "parsed here: " + here);
        assertEquals(List.of("jixiao: warning: a parse in this process ran out of memory; the files after it were "
                + "parsed in worker processes (errors.csv names the files given up)"),
                err.toString().lines().filter(l -> l.contains("warning")).toList(), err.toString());
    }

    @Test
    void aRunKilledWithSignal9LeavesNoCsvNoWorkerAndResumesByteForByte(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] seed = Files.readAllBytes(BatchConvertTest.corpus().resolve(SEED));
        for (int i = 0; i < 400; i++) {
            // one byte apart, so that no two files share a content hash
            byte[] copy = (new String(seed, StandardCharsets.UTF_8) + "\n".repeat(i % 7) + " ".repeat(i / 7))
                    .getBytes(StandardCharsets.UTF_8);
            Files.write(in.resolve(String.format(Locale.ROOT, "%04d.txt", i)), copy);
        }
        Path dir = tmp.resolve("out");
        // Every file in a worker, so that there are workers to outlive the run if they could.
        Process run = cli(List.of("-Djixiao.inprocess.max-bytes=-1"),
                "convert", in.toString(), "--out", dir.toString(), "--threads", "2", "-q");
        Path journal = dir.resolve(".jixiao/journal");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(journal) && Files.size(journal) > 40_000) && run.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(run.isAlive(), "the run was still going when killed");
        List<ProcessHandle> children = run.toHandle().children().toList();
        assertFalse(children.isEmpty(), "the run had worker processes");
        run.destroyForcibly(); // SIGKILL
        run.waitFor();

        for (ProcessHandle child : children) {
            child.onExit().get(60, TimeUnit.SECONDS);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(".jixiao"), left.map(p -> p.getFileName().toString()).toList(),
                    "no CSV file (complete-looking or not) is left");
        }
        Path whole = tmp.resolve("whole");
        assertEquals(0, cli("convert", in.toString(), "--out", whole.toString(), "--threads", "2", "-q").waitFor());
        assertEquals(0, cli("convert", in.toString(), "--out", dir.toString(), "--threads", "2", "-q", "--resume")
                .waitFor());
        BatchConvertTest.assertSameOutputs(whole, dir);
    }

    @Test
    void aFileThatKilledTheRunIsParsedInAWorkerWhenTheRunIsResumed(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String seed = Files.readString(BatchConvertTest.corpus().resolve(SEED), StandardCharsets.UTF_8);
        for (int i = 0; i < 12; i++) {
            String name = String.format(Locale.ROOT, "%02d-good.txt", i + 1);
            // one byte apart, so that no two files share a content hash
            Files.write(in.resolve(name), (seed + " ".repeat(i)).getBytes(StandardCharsets.UTF_8));
        }
        // First in the batch: the run dies before it has finished any file.
        Files.writeString(in.resolve("00-kills.txt"), "die", StandardCharsets.UTF_8);
        Path alone = tmp.resolve("alone");
        assertEquals(0, new CommandRun().execute("convert", in.toString(), "--out", alone.toString(),
                "--exclude", "00-kills.txt"));
        Path dir = tmp.resolve("out");

        // Parsed in process, the file ends the run's JVM, as the kernel's out-of-memory killer would.
        assertEquals(DyingBatch.KILLED, batch(in, dir).waitFor());
        // Resumed, the files the run had in flight go to a worker, where that file is only a file.
        assertEquals(1, batch(in, dir, "--resume").waitFor(), "one failed file: the one that killed the run");

        assertEquals(Files.readString(alone.resolve("projects.csv")), Files.readString(dir.resolve("projects.csv")),
                "the good files give what they give alone");
        List<String> errors = Files.readAllLines(dir.resolve("errors.csv"), StandardCharsets.UTF_8);
        assertEquals(2, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(1).contains("00-kills.txt,extract,extract.no_form,"), errors.get(1));
    }

    /** {@link DyingBatch} in a JVM of its own. */
    private static Process batch(Path in, Path out, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx176m", "-cp", System.getProperty("java.class.path"), DyingBatch.class.getName(),
                in.toString(), out.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The jixiao command line in a JVM of its own, as the launcher starts it. */
    static Process cli(String... args) throws IOException {
        return cli(List.of(), args);
    }

    /** The same with options for the JVM. */
    static Process cli(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx176m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The live descendants of {@code parent} running {@code mainClass}. */
    static List<ProcessHandle> workers(ProcessHandle parent, String mainClass) {
        return parent.descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(mainClass)).orElse(false))
                .toList();
    }
}
