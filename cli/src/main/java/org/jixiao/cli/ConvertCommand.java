package org.jixiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jixiao convert INPUT... --out DIR}: every form of every file into the CSV files of
 * DESIGN.md, in parallel, in input order, resumable. Exit codes: 0 every input converted, 1 some
 * failed (see errors.csv), 2 usage error or nothing could be written.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = Main.UNUSABLE, exitCodeOnInvalidInput = Main.UNUSABLE,
        exitCodeListHeading = Main.EXIT_CODES_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_SOME, Main.EXIT_UNUSABLE},
        footerHeading = Main.FORMATS_HEADING, footer = Main.FORMATS,
        description = "Convert forms into projects.csv, indicators.csv, funds.csv, goals.csv, findings.csv and errors.csv.")
final class ConvertCommand implements Callable<Integer> {

    @Mixin
    BatchOptions batch;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the CSV files.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        return Main.runBatch(spec.commandLine(), batch, Optional.of(out), false, o -> { }, s -> {
            if (!batch.quiet) {
                stdout.printf(Locale.ROOT, "%d file(s), %d form(s) converted, %d file(s) failed; output in %s%n",
                        s.files(), s.forms(), s.failedFiles(), out);
            }
        });
    }
}
