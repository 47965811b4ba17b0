package org.jixiao.cli;

import org.jixiao.FileResult;
import org.jixiao.Jixiao;
import org.jixiao.ReadLimits;
import org.jixiao.RuleProfile;
import org.jixiao.Source;
import org.jixiao.internal.batch.Journal;
import org.jixiao.internal.batch.OrderedPool;
import org.jixiao.internal.batch.Progress;
import org.jixiao.internal.read.IoReasons;
import org.jixiao.internal.write.CopyLinks;
import org.jixiao.internal.write.CsvSink;
import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.RecordSink;
import org.jixiao.internal.write.ReportSink;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.internal.write.XlsxSink;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;
import org.jixiao.model.Severity;
import org.jixiao.model.Stage;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One batch as {@code convert} and {@code audit} run it: list the inputs (paths only), process them
 * with an {@link OrderedPool}, and in input order append each finished file to the journal, write
 * its rows to the sinks, report progress and hand it to the command's listener; at the end commit
 * the outputs and summarize.
 *
 * <p>Output layout in DIR: the CSV files (and {@code jixiao.xlsx}) appear only at the end, moved
 * from their temporary copies in {@code DIR/.jixiao/}; the journal {@code DIR/.jixiao/journal}
 * holds every finished file's rows so that {@code --resume} can complete an interrupted run. A
 * killed run leaves only {@code DIR/.jixiao/}.
 */
final class BatchRun {

    /** The hidden folder in DIR for the journal and the temporary outputs. */
    static final String SPOOL = ".jixiao";
    static final String JOURNAL = "journal";

    private final BatchOptions options;
    private final Optional<Path> out;
    private final PrintWriter err;
    private final Consumer<FileOutcome> listener;
    /** A stand-in for the pipeline in tests (a hang, a crash); empty: the facade built in {@link #run}. */
    private final Optional<Function<Source, FileResult>> standIn;
    /** The facade and the pipeline for one loaded file, set by {@link #run} once the options are valid. */
    private Jixiao jixiao;
    /** The rule profile's name, for the report. */
    private String profileName;
    /** Identifies the rule profile in journal keys (see {@link #journalKey}). */
    private String profileTag;
    private final ReadLimits limits = ReadLimits.defaults();
    private Pipeline pipeline;
    /** The names record ids derive from, set by {@link #run} from the inputs. */
    private RecordNames recordNames;
    /** Fills in duplicate_of in output order (so the same whatever the threads or a resume). */
    private final CopyLinks copyLinks = new CopyLinks();

    /** The facade's {@code process(source, contentHash, recordName)}, or a test's stand-in. */
    private interface Pipeline {
        FileResult apply(Source source, String contentHash, String recordName);
    }
    /** For tests: stop after this many files without committing, as a killed run would. */
    private final long stopAfter;

    private final Tally tally = new Tally();

    /** For tests: a stand-in pipeline, and a stop after {@code stopAfter} files without commit. */
    BatchRun(BatchOptions options, Optional<Path> out, PrintWriter err, Consumer<FileOutcome> listener,
             Optional<Function<Source, FileResult>> pipeline, long stopAfter) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.listener = listener;
        this.standIn = pipeline;
        this.stopAfter = stopAfter;
    }

    BatchRun(BatchOptions options, Optional<Path> out, PrintWriter err, Consumer<FileOutcome> listener) {
        this(options, out, err, listener, Optional.empty(), Long.MAX_VALUE);
    }

    /** What the batch gave; {@code failedFiles > 0} means exit code 1. */
    record Summary(long files, long forms, long failedFiles, long reused, Map<Severity, Long> findings,
                   double seconds, Map<String, Long> failuresByCode) {
        String describe() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%d file(s), %d form(s), %d failed", files, forms, failedFiles));
            if (!failuresByCode.isEmpty()) {
                List<String> parts = new ArrayList<>();
                failuresByCode.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
                s.append(" (").append(String.join(", ", parts)).append(')');
            }
            if (reused > 0) {
                s.append(String.format(Locale.ROOT, ", %d reused from the journal", reused));
            }
            s.append("; findings:");
            for (Severity sev : Severity.values()) {
                s.append(String.format(Locale.ROOT, " %d %s", findings.getOrDefault(sev, 0L), sev.label()));
            }
            s.append(String.format(Locale.ROOT, "; %.1f s", seconds));
            return s.toString();
        }
    }

    /**
     * Runs the batch.
     *
     * @return the summary, or empty if the run was stopped early (tests only)
     * @throws IOException if an output cannot be written (exit code 2)
     */
    Optional<Summary> run(CommandLine commandLine) throws IOException, InterruptedException {
        validate(commandLine);
        List<Failure> unlisted = new ArrayList<>();
        List<Path> files = new Inputs(options.include, options.exclude).expand(options.inputs, unlisted);
        recordNames = new RecordNames(options.inputs);
        if (files.isEmpty()) {
            throw new NoInputFile(noInputReason(unlisted));
        }
        Progress progress = new Progress(err, progressMode(), files.size() + unlisted.size(), 5, System::nanoTime);

        Journal journal = null;
        List<RecordSink> sinks = new ArrayList<>();
        Optional<XlsxSink> workbook = Optional.empty();
        boolean completed = false;
        try {
            if (out.isPresent()) {
                Path dir = out.get();
                Path spool = dir.resolve(SPOOL);
                Files.createDirectories(spool);
                journal = options.resume ? Journal.resume(spool.resolve(JOURNAL)) : Journal.create(spool.resolve(JOURNAL));
                sinks.add(new CsvSink(dir, options.excel, spool));
                if (options.xlsx) {
                    workbook = Optional.of(new XlsxSink(dir, spool));
                    sinks.add(workbook.get());
                }
            }
            if (options.report != null) {
                sinks.add(new ReportSink(options.report, profileName));
            }
            Journal j = journal;
            for (Failure f : unlisted) {
                emit(new FileOutcome(f.sourceFile(), Optional.empty(), List.of(Rows.of(f)), Optional.empty(), false),
                        j, sinks, progress);
            }
            OrderedPool<Path, FileOutcome> pool = new OrderedPool<>(options.threads, Math.max(8, options.threads * 4),
                    Duration.ofSeconds(options.timeoutSeconds));
            long[] emitted = {0};
            try {
                pool.run(files.iterator(), new FileJob(journal), outcome -> {
                    if (emitted[0]++ >= stopAfter) {
                        throw new Stopped();
                    }
                    emit(outcome, j, sinks, progress);
                });
            } catch (Stopped e) {
                return Optional.empty();
            }
            progress.finish();
            for (RecordSink sink : sinks) {
                sink.commit();
            }
            completed = true;
            long dropped = workbook.map(XlsxSink::droppedRows).orElse(0L);
            if (dropped > 0) {
                // Printed even with --quiet: the workbook is incomplete, the CSV files are not.
                err.printf(Locale.ROOT, "jixiao: warning: jixiao.xlsx lacks %d row(s) beyond Excel's limit of 1,048,576 rows "
                        + "per sheet; the CSV files hold every row%n", dropped);
            }
        } finally {
            closeAll(sinks, journal, completed);
        }
        tally.seconds = progress.elapsedSeconds();
        return Optional.of(tally.summary());
    }

    /** No file to convert: a usage error (exit 2) that leaves no output behind. */
    static final class NoInputFile extends RuntimeException {
        NoInputFile(String message) {
            super(message, null, false, false);
        }
    }

    private String noInputReason(List<Failure> unlisted) {
        StringBuilder why = new StringBuilder("no input file found");
        List<String> reasons = new ArrayList<>();
        for (Failure f : unlisted) {
            reasons.add(f.sourceFile() + ": " + f.message());
        }
        if (unlisted.size() < options.inputs.size()) {
            reasons.add(options.include.isEmpty() && options.exclude.isEmpty()
                    ? "the folders given hold no file (hidden files and folders are skipped)"
                    : "no file in the folders given matches --include/--exclude");
        }
        why.append(": ").append(String.join("; ", reasons.subList(0, Math.min(5, reasons.size()))));
        if (reasons.size() > 5) {
            why.append(String.format(Locale.ROOT, "; and %d more", reasons.size() - 5));
        }
        return why.toString();
    }

    private void validate(CommandLine commandLine) {
        if (options.threads < 1) {
            throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1, got " + options.threads);
        }
        if (options.timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--timeout-seconds must be at least 1, got " + options.timeoutSeconds);
        }
        if (out.isEmpty() && (options.resume || options.xlsx || options.excel)) {
            throw new CommandLine.ParameterException(commandLine, "--resume, --xlsx and --excel need --out DIR");
        }
        RuleProfile profile = RuleProfile.national();
        if (options.profile != null) {
            try {
                profile = RuleProfile.load(options.profile);
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "cannot use the rule profile " + options.profile
                        + ": " + (e instanceof IOException io ? IoReasons.describe(io) : e.getMessage()));
            }
        }
        jixiao = Jixiao.builder().limits(limits).profile(profile).build();
        profileName = profile.name();
        // Results in the journal hold scores, so they are reused only under the same rules.
        profileTag = Jixiao.contentHash(profile.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        pipeline = standIn.<Pipeline>map(f -> (source, hash, name) -> f.apply(source)).orElse(jixiao::process);
    }

    /**
     * The journal key of a file: its content hash and the rule profile, since a result scored under
     * one profile must not be reused in a run under another, and its record key, since its rows'
     * ids must not be reused under another record name (the same file given with other arguments).
     */
    private String journalKey(String contentHash, String recordName) {
        return contentHash + "/" + profileTag + "/" + Jixiao.recordKey(recordName, contentHash);
    }

    private Progress.Mode progressMode() {
        if (options.quiet) {
            return Progress.Mode.QUIET;
        }
        // The launcher says whether stderr is a terminal; System.console() only tells about stdin
        // and stdout, so `convert ... 2>log` from a terminal would fill the log with bar redraws.
        String stderrTty = System.getProperty("jixiao.stderr.tty");
        boolean bar = stderrTty != null ? Boolean.parseBoolean(stderrTty) : System.console() != null;
        return bar ? Progress.Mode.BAR : Progress.Mode.LINES;
    }

    private void emit(FileOutcome outcome, Journal journal, List<RecordSink> sinks, Progress progress)
            throws IOException {
        if (journal != null && !outcome.reused() && outcome.hash().isPresent()) {
            journal.append(outcome.name(), outcome.hash().get(), outcome.rows());
        }
        // The journal keeps rows unlinked: which copy comes first is a fact of this run's order.
        List<TableRow> rows = copyLinks.link(outcome.rows());
        for (RecordSink sink : sinks) {
            for (TableRow row : rows) {
                sink.accept(row);
            }
        }
        tally.add(outcome);
        progress.fileDone(outcome.failed());
        listener.accept(outcome);
    }

    private static void closeAll(List<RecordSink> sinks, Journal journal, boolean completed) throws IOException {
        IOException first = null;
        for (RecordSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null && completed) {
            throw first;
        }
    }

    /** Processes one file on a worker thread. Thread-safe: the facade and the journal are. */
    private final class FileJob implements OrderedPool.Job<Path, FileOutcome> {

        private final Journal journal;

        FileJob(Journal journal) {
            this.journal = journal;
        }

        @Override
        public FileOutcome process(Path path) {
            try {
                return processReadable(path);
            } catch (IOException e) {
                // Gone or unreadable since it was listed: the file's failure, not a bug.
                return failure(path, Stage.READ, "read.io", "cannot read the file: " + IoReasons.describe(e));
            }
        }

        private FileOutcome processReadable(Path path) throws IOException {
            String name = path.toString();
            if (Files.size(path) > limits.maxFileBytes()) {
                // The facade refuses it without loading it; no hash, so a resume simply asks again.
                return fresh(name, Optional.empty(), jixiao.process(path));
            }
            byte[] content = Files.readAllBytes(path);
            String hash = Jixiao.contentHash(content);
            String recordName = recordNames.of(path);
            String key = journalKey(hash, recordName);
            if (journal != null && options.resume) {
                Optional<Journal.Entry> entry = journal.find(name, key);
                if (entry.isPresent()) {
                    return new FileOutcome(name, Optional.of(key), journal.rows(entry.get()), Optional.empty(), true);
                }
            }
            return fresh(name, Optional.of(key), pipeline.apply(new Source(name, content), hash, recordName));
        }

        @Override
        public FileOutcome failed(Path path, Throwable error) {
            String message = "unexpected %s while processing the file: %s"
                    .formatted(error.getClass().getName(), error.getMessage());
            return failure(path, Stage.PIPELINE, "pipeline.error", message);
        }

        @Override
        public FileOutcome timedOut(Path path, Duration budget) {
            return failure(path, Stage.PIPELINE, "pipeline.timeout", String.format(Locale.ROOT,
                    "processing took longer than the limit of %d s; the file was given up", budget.toSeconds()));
        }

        /** The stage is READ for read.io, as the facade and Inputs write it, else PIPELINE. */
        private FileOutcome failure(Path path, Stage stage, String code, String message) {
            Failure f = new Failure(path.toString(), stage, code, message);
            return new FileOutcome(path.toString(), Optional.empty(), List.of(Rows.of(f)), Optional.empty(), false);
        }

        private FileOutcome fresh(String name, Optional<String> hash, FileResult result) {
            List<TableRow> rows = new ArrayList<>();
            for (AssessedRecord r : result.records()) {
                rows.addAll(Rows.of(r));
            }
            result.failures().forEach(f -> rows.add(Rows.of(f)));
            return new FileOutcome(name, hash, rows, Optional.of(result), false);
        }
    }

    /** Counts for the summary, taken from the rendered rows so reused files count like fresh ones. */
    private static final class Tally {
        long files;
        long forms;
        long failed;
        long reused;
        double seconds;
        final Map<Severity, Long> findings = new EnumMap<>(Severity.class);
        final Map<String, Long> failures = new HashMap<>();

        void add(FileOutcome o) {
            files++;
            if (o.reused()) {
                reused++;
            }
            if (o.failed()) {
                failed++;
            }
            for (TableRow row : o.rows()) {
                if (row.table() == OutputTable.PROJECTS) {
                    forms++;
                } else if (row.table() == OutputTable.ERRORS) {
                    failures.merge(row.cell("code"), 1L, Long::sum);
                } else if (row.table() == OutputTable.FINDINGS) {
                    // the severity column holds Severity.label()
                    Severity s = Severity.valueOf(row.cell("severity").toUpperCase(Locale.ROOT));
                    findings.merge(s, 1L, Long::sum);
                }
            }
        }

        Summary summary() {
            return new Summary(files, forms, failed, reused, Map.copyOf(findings), seconds, Map.copyOf(failures));
        }
    }

    /** Thrown by the emitter to simulate a run killed midway (tests only). */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
