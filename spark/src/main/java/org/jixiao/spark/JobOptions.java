package org.jixiao.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of the job converts and how it writes.
 *
 * @param inputs              files, folders or globs on any Hadoop file system ({@code file:},
 *                            {@code hdfs:}, {@code s3a:}, or a path of the default file system)
 * @param out                 the folder that receives one sub-folder per table ({@code projects/},
 *                            {@code indicators/}, …); existing table folders are replaced
 * @param format              CSV (the contract) or Parquet
 * @param partitionByYear     whether the tables of forms are written in {@code year=…} folders
 * @param partitions          how many tasks share the files; 0 lets the job choose (four tasks a
 *                            core, at least one per 2,000 files)
 * @param timeoutSeconds      time one file may take before it is given up ({@code pipeline.timeout})
 * @param failFirstAttemptOf  test hook: the record name of a file whose task throws on its first
 *                            attempt, to show that a retried task leaves no duplicate row
 */
public record JobOptions(List<String> inputs, String out, OutputFormat format, boolean partitionByYear,
                         int partitions, int timeoutSeconds, Optional<String> failFirstAttemptOf) {

    /** The command line's default, so both give up a runaway file after the same time. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public JobOptions {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(failFirstAttemptOf, "failFirstAttemptOf");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input given");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 (automatic) or more, got " + partitions);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout-seconds must be at least 1, got " + timeoutSeconds);
        }
    }

    /** CSV, no partitioning, automatic partitions, the default time budget. */
    public static JobOptions of(List<String> inputs, String out) {
        return new JobOptions(inputs, out, OutputFormat.CSV, false, 0, DEFAULT_TIMEOUT_SECONDS, Optional.empty());
    }

    public JobOptions withFormat(OutputFormat f) {
        return new JobOptions(inputs, out, f, partitionByYear, partitions, timeoutSeconds, failFirstAttemptOf);
    }

    public JobOptions withPartitionByYear(boolean byYear) {
        return new JobOptions(inputs, out, format, byYear, partitions, timeoutSeconds, failFirstAttemptOf);
    }

    public JobOptions withPartitions(int n) {
        return new JobOptions(inputs, out, format, partitionByYear, n, timeoutSeconds, failFirstAttemptOf);
    }

    public JobOptions withFailFirstAttemptOf(String recordName) {
        return new JobOptions(inputs, out, format, partitionByYear, partitions, timeoutSeconds,
                Optional.of(recordName));
    }

    /** The usage line {@link #parse} refers to. */
    static final String USAGE = "usage: ConvertJob --out DIR [--format csv|parquet] [--partition-by year] "
            + "[--partitions N] [--timeout-seconds S] INPUT...";

    /**
     * The options of a command line such as
     * {@code --out hdfs:///out --format parquet --partition-by year hdfs:///archive}.
     *
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    public static JobOptions parse(String... args) {
        List<String> inputs = new ArrayList<>();
        String out = null;
        OutputFormat format = OutputFormat.CSV;
        boolean byYear = false;
        int partitions = 0;
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = value(args, ++i, a);
                case "--format" -> format = OutputFormat.ofLabel(value(args, ++i, a));
                case "--partition-by" -> {
                    String column = value(args, ++i, a);
                    if (!column.equals("year")) {
                        throw new IllegalArgumentException("--partition-by takes only year, got " + column);
                    }
                    byYear = true;
                }
                case "--partitions" -> partitions = number(value(args, ++i, a), a);
                case "--timeout-seconds" -> timeout = number(value(args, ++i, a), a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    inputs.add(a);
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new JobOptions(inputs, out, format, byYear, partitions, timeout, Optional.empty());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s takes a whole number, got %s", option, text),
                    e);
        }
    }
}
