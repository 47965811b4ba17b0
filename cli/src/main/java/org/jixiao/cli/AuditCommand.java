package org.jixiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jixiao audit INPUT... [--out DIR]}: the same batch as {@code convert}, plus a readable
 * report per form on stdout (reported against computed budget score, total and grade, and the
 * findings). With {@code --out} it also writes the CSV files, {@code findings.csv} included. Exit
 * codes as {@code convert}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = Main.UNUSABLE, exitCodeOnInvalidInput = Main.UNUSABLE,
        exitCodeListHeading = Main.EXIT_CODES_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_SOME, Main.EXIT_UNUSABLE},
        footerHeading = Main.FORMATS_HEADING, footer = Main.FORMATS,
        description = "Recompute every form's scores and print what disagrees; with --out also write the CSV files.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    BatchOptions batch;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the CSV files (findings.csv …) here.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AuditReport report = new AuditReport(spec.commandLine().getOut());
        return Main.runBatch(spec.commandLine(), batch, Optional.ofNullable(out), true, report::print, s -> { });
    }
}
