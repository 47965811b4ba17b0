package org.jixiao.cli;

import org.jixiao.internal.read.IoReasons;
import org.jixiao.internal.read.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code jixiao}: the top-level command; {@code convert} and {@code audit} do the work. */
@Command(name = "jixiao",
        mixinStandardHelpOptions = true,
        // picocli maps an escaping exception to 1, which DESIGN.md reserves for "some files failed".
        exitCodeOnExecutionException = Main.UNUSABLE,
        exitCodeOnInvalidInput = Main.UNUSABLE,
        versionProvider = Main.Version.class,
        exitCodeListHeading = Main.EXIT_CODES_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_SOME, Main.EXIT_UNUSABLE},
        footerHeading = Main.FORMATS_HEADING, footer = Main.FORMATS,
        description = "Reads project expenditure performance self-evaluation forms "
                + "from Word, OpenDocument, PDF, HTML, spreadsheet and text files, recomputes their scores and writes clean CSV.",
        subcommands = {ConvertCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String EXIT_OK = "0:every input converted";
    static final String EXIT_SOME = "1:some inputs failed (one row each in errors.csv); the rest converted";
    static final String EXIT_UNUSABLE = "2:usage error, no input file found, an output could not be written, or the run had to stop";
    static final String FORMATS_HEADING = "%nReadable formats (recognised by content, not only by the extension):%n";
    static final String FORMATS = "  Word .docx and .doc; OpenDocument .odt and .ods; PDF with a text layer (no OCR); HTML "
            + ".html/.htm (also Word's web-page export); spreadsheets .xlsx and .xls; plain text .txt (UTF-8, UTF-16 or "
            + "GB18030/GBK, detected). One or several forms per file.";

    /** Exit code: every input converted. */
    static final int OK = 0;
    /** Exit code: some inputs failed (listed in errors.csv); the rest converted. */
    static final int SOME_FAILED = 1;
    /** Exit code: usage error, or nothing could be written. */
    static final int UNUSABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before picocli parses anything, as the first POI class may log: quiet unless --debug.
        Logging.quiet(java.util.Arrays.asList(args).contains("--debug"));
        System.exit(execute(commandLine(), args));
    }

    /** The configured command line, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        // An exception no command expected: one line, never a stack trace (picocli prints one).
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            stopped(cl.getErr(), e);
            return UNUSABLE;
        });
        return commandLine;
    }

    /**
     * Runs {@code args}; an error that escapes every command, such as an OutOfMemoryError raised on
     * the thread that writes the output while a worker thread holds the heap, ends the run with one
     * line on stderr and exit code 2 instead of the JVM's stack trace.
     */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (VirtualMachineError e) {
            stopped(commandLine.getErr(), e);
            return UNUSABLE;
        }
    }

    private static void stopped(PrintWriter err, Throwable e) {
        String reason = e instanceof OutOfMemoryError
                ? "this JVM ran out of memory (" + e.getMessage() + "); try fewer --threads"
                : FileWork.unexpected(e);
        err.println("jixiao: the run stopped before writing its output: " + reason);
        err.flush();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: convert or audit");
    }

    /**
     * Runs a command's batch and ends it as every command does: {@code onSummary} (convert's line on
     * stdout), then the summary on stderr unless quiet, and the exit code the batch earned; an
     * output folder that cannot be written is exit 2.
     */
    static int runBatch(CommandLine commandLine, BatchOptions options, Optional<Path> out,
                        boolean inProcess, Consumer<FileOutcome> listener, Consumer<BatchRun.Summary> onSummary)
            throws InterruptedException {
        PrintWriter err = commandLine.getErr();
        BatchRun.Summary summary;
        try {
            summary = new BatchRun(options, out, err, listener, inProcess).run(commandLine).orElseThrow();
        } catch (BatchRun.NoInputFile e) {
            err.println("jixiao: " + e.getMessage());
            err.flush();
            return UNUSABLE;
        } catch (RunLock.Held e) {
            err.println("jixiao: " + e.getMessage());
            err.flush();
            return UNUSABLE;
        } catch (BatchRun.Aborted e) {
            err.println("jixiao: the run was aborted, no output written: " + e.getMessage());
            err.flush();
            return UNUSABLE;
        } catch (IOException e) {
            err.println("jixiao: cannot write the output: " + IoReasons.describe(e));
            err.flush();
            return UNUSABLE;
        }
        onSummary.accept(summary);
        return finish(err, options, summary, out.orElse(null));
    }

    /** Prints the summary (unless quiet) and says which exit code the batch earned. */
    private static int finish(PrintWriter err, BatchOptions options, BatchRun.Summary summary, Path out) {
        if (!options.quiet) {
            err.println("jixiao: " + summary.describe());
        }
        if (summary.failedFiles() > 0) {
            String where = out == null ? "" : "; see " + out.resolve("errors.csv");
            err.printf(Locale.ROOT, "jixiao: %d file(s) could not be converted%s%n", summary.failedFiles(), where);
            err.flush();
            return SOME_FAILED;
        }
        err.flush();
        return OK;
    }

    /** The version from the jar manifest (set by Maven), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jixiao " + (v == null ? "development" : v)};
        }
    }
}
