package org.jixiao.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The inputs and batch options shared by {@code convert} and {@code audit} (a picocli mixin). */
final class BatchOptions {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (walked recursively).")
    List<Path> inputs;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only files of the folders whose name or relative path matches this glob, e.g. '*.docx' "
                    + "or '2020/**' (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files of the folders whose name or relative path matches this glob (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--follow-links",
            description = "Follow symbolic links of the folders that lead out of the folder given; by default such a "
                    + "link is reported as read.outside_input and not read.")
    boolean followLinks;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "30",
            description = "Time one file may take before it is given up as pipeline.timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--resume",
            description = "Reuse the results of an earlier (interrupted) run into the same DIR for every file whose "
                    + "content is unchanged; process only the rest.")
    boolean resume;

    @Option(names = "--excel", description = "Write a UTF-8 byte-order mark so Excel shows Chinese text correctly.")
    boolean excel;

    @Option(names = "--xlsx", description = "Also write DIR/jixiao.xlsx: a summary sheet, then one sheet per table "
            + "(bold filtered header, numbers as numbers).")
    boolean xlsx;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write an audit report: one self-contained HTML page (totals, findings by code, "
                    + "department and year, charts of reported against recomputed totals and grades, the forms that "
                    + "differ most) that opens offline and prints on A4.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on stderr.")
    boolean quiet;

    @Option(names = "--debug",
            description = "Show the libraries' own warnings and the worker processes' stderr (for a bug report).")
    boolean debug;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Scoring rules to recompute with (a .properties file: budget weight, grade bands, "
                    + "reverse formula, tolerance, ...); default: the national rules of the Ministry of Finance (2020).")
    Path profile;
}
