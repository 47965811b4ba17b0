package org.jixiao.cli;

import org.jixiao.Jixiao;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A convert run in a JVM of its own, where a file whose content is {@code die} ends the whole
 * process when it is parsed in process, as the system's out-of-memory killer or a crash would.
 * Every other file, and every file in a worker, goes through the real pipeline. Exits with the
 * batch's count of failed files.
 *
 * <p>args: input folder, output folder, then any more options of {@code convert} (--resume).
 */
public final class DyingBatch {

    /** The exit code of a process the kernel killed with SIGKILL. */
    static final int KILLED = 137;

    private DyingBatch() {
    }

    public static void main(String[] args) throws Exception {
        Jixiao jixiao = Jixiao.withDefaults();
        FileWork.Pipeline dying = (source, hash, recordName) -> {
            if (HostileWorker.firstWord(source.content()).equals("die")) {
                Runtime.getRuntime().halt(KILLED);
            }
            return jixiao.process(source, hash, recordName);
        };
        List<String> command = new ArrayList<>(List.of("convert", args[0], "--out", args[1], "--threads", "2", "-q"));
        command.addAll(List.of(args).subList(2, args.length));
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs(command.toArray(String[]::new));
        ConvertCommand convert = cmd.getSubcommands().get("convert").getCommand();
        BatchRun.Summary summary = new BatchRun(convert.batch, Optional.of(Path.of(args[1])),
                new PrintWriter(new StringWriter()), o -> { }, dying)
                .workerMain(HostileWorker.class.getName()).run(cmd).orElseThrow();
        System.exit((int) summary.failedFiles());
    }
}
