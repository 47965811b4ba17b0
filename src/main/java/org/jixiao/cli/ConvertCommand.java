package org.jixiao.cli;

import org.jixiao.FileResult;
import org.jixiao.Jixiao;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;
import org.jixiao.model.Stage;
import org.jixiao.write.CsvSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jixiao convert INPUT... --out DIR}: every form of every file into the CSV files of DESIGN.md. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = Main.UNUSABLE, exitCodeOnInvalidInput = Main.UNUSABLE,
        description = "Convert forms into projects.csv, indicators.csv, funds.csv, findings.csv and errors.csv.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (walked recursively).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the CSV files.")
    Path out;

    @Option(names = "--excel", description = "Write a UTF-8 byte-order mark so Excel shows Chinese text correctly.")
    boolean excel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> missing = new ArrayList<>();
        List<Path> files;
        try {
            files = Inputs.expand(inputs, missing);
        } catch (IOException e) {
            err.println("jixiao: cannot list the inputs: " + e.getMessage());
            return Main.UNUSABLE;
        }
        Jixiao jixiao = Jixiao.withDefaults();
        int forms = 0;
        int failed = 0;
        try (CsvSink sink = new CsvSink(out, excel)) {
            for (Path m : missing) {
                sink.accept(new Failure(m.toString(), Stage.READ, "read.not_found", "no such file or folder"));
                failed++;
            }
            for (Path file : files) {
                FileResult result = jixiao.process(file);
                for (AssessedRecord r : result.records()) {
                    sink.accept(r);
                    forms++;
                }
                if (result.failure().isPresent()) {
                    sink.accept(result.failure().get());
                    failed++;
                }
            }
            sink.commit();
        } catch (IOException e) {
            err.println("jixiao: cannot write to " + out + ": " + e.getMessage());
            return Main.UNUSABLE;
        }
        stdout.printf("%d file(s), %d form(s) converted, %d file(s) failed; output in %s%n",
                files.size() + missing.size(), forms, failed, out);
        if (failed > 0) {
            err.printf("jixiao: %d file(s) could not be converted; see %s%n", failed, out.resolve("errors.csv"));
            return Main.SOME_FAILED;
        }
        return Main.OK;
    }
}
