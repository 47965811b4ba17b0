package org.jixiao.cli;

import org.jixiao.FileResult;
import org.jixiao.Jixiao;
import org.jixiao.ReadLimits;
import org.jixiao.RuleProfile;
import org.jixiao.Source;
import org.jixiao.internal.batch.InProcessLimits;
import org.jixiao.internal.batch.Journal;
import org.jixiao.internal.batch.OrderedPool;
import org.jixiao.internal.batch.Progress;
import org.jixiao.internal.batch.WorkerPool;
import org.jixiao.internal.batch.WorkerProcess;
import org.jixiao.internal.read.IoReasons;
import org.jixiao.internal.write.Closing;
import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.Outputs;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.internal.write.XlsxSink;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;
import org.jixiao.model.Severity;
import org.jixiao.model.Stage;
import picocli.CommandLine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One batch as {@code convert} and {@code audit} run it: take the output folder's lock, clear its
 * old outputs, count the inputs, then walk them ({@link Inputs}: never a list of the batch) through
 * an {@link OrderedPool}; in input order append each finished file to the journal, write its rows
 * to the sinks, report progress and hand it to the command's listener; at the end commit the
 * outputs, write {@code run.json} last and summarize.
 *
 * <p>Where a file is parsed: in this JVM, unless its bytes say it could be expensive
 * ({@link InProcessLimits}: larger than any form, or a zip declaring more than a form inflates to),
 * in which case {@code convert} hands it to a worker process ({@link Worker}, through a
 * {@link WorkerPool}) that is killed with its heap at the file's deadline. A file parsed here that
 * runs out of memory, or past {@link #IN_PROCESS_SECONDS}, is parsed again in a worker, so that
 * its end (a record, pipeline.out_of_memory, pipeline.timeout) does not depend on its neighbours.
 * {@code audit}, whose report needs the records themselves, parses every file here.
 *
 * <p>Output layout in DIR: the CSV files (and {@code jixiao.xlsx}) appear only at the end, moved
 * from their temporary copies in {@code DIR/.jixiao/} (mode 700); the journal
 * {@code DIR/.jixiao/journal} holds every finished file's rows so that {@code --resume} can
 * complete an interrupted run; {@code DIR/.jixiao/lock} keeps a second run out. A killed run
 * leaves only {@code DIR/.jixiao/}, and no {@code run.json}.
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
    private Optional<FileWork.Pipeline> standIn;
    /** The facade and the pipeline for one loaded file, set by {@link #run} once the options are valid. */
    private Jixiao jixiao;
    /** The rule profile's name, for the report. */
    private String profileName;
    /** Identifies the rule profile in journal keys (see {@link #journalKey}). */
    private String profileTag;
    private final ReadLimits limits = ReadLimits.defaults();
    private FileWork.Pipeline pipeline;
    /** The names record ids derive from, set by {@link #run} from the inputs. */
    private RecordNames recordNames;
    /** For tests: stop after this many files without committing, as a killed run would. */
    private final long stopAfter;
    /**
     * Whether every file is processed in this JVM, with no worker process: for audit, whose report
     * needs the records themselves, and for a stand-in pipeline unless a test names a worker.
     */
    private boolean inProcess;
    /** Which files are parsed in this JVM when workers are used. */
    private InProcessLimits inProcessLimits = inProcessLimits();
    /** The files handed to a worker by this run's threads, so a pool time-out of one is not sent again. */
    private final Set<Path> inWorkers = ConcurrentHashMap.newKeySet();
    /** The worker processes' main class (tests put a stand-in around the pipeline there). */
    private String workerMain = Worker.class.getName();
    /**
     * Set once a parse in this JVM has run out of memory. From then on this JVM is not trusted to
     * parse (an error in a class's static initializer leaves that class unusable for good, and the
     * JDK's locks are not safe against it): with workers, every file left goes to one, and so does
     * a file whose parse here failed in any way.
     */
    private final AtomicBoolean heapRanOut = new AtomicBoolean();
    /** Why the run must stop (no worker can be started), set by a batch thread. */
    private final AtomicReference<String> abort = new AtomicReference<>();

    /**
     * The heap cap of a worker process: the memory limit of one file. A worker's own JVM (classes,
     * compiled code, the compilers' arenas) adds 110-140 MB, measured on the hostile batch of issue
     * 16, so 144 MB keeps every worker under DESIGN's 300 MB; a cap of 176 MB reached 295-300 MB.
     */
    static final String WORKER_HEAP = System.getProperty("jixiao.worker.heap", "144m");

    /**
     * How long a file may run in this JVM before it is given to a worker with its full time limit
     * (when workers are used; capped by --timeout-seconds). A form takes 5 to 50 ms; a parse that
     * runs for seconds is a runaway that only a worker can stop for real.
     */
    static final int IN_PROCESS_SECONDS = 10;

    /** The in-process limits, -Djixiao.inprocess.max-bytes overriding the file size (-1: every file in a worker). */
    private static InProcessLimits inProcessLimits() {
        InProcessLimits defaults = InProcessLimits.defaults();
        String maxBytes = System.getProperty("jixiao.inprocess.max-bytes");
        if (maxBytes == null) {
            return defaults;
        }
        long max = Long.parseLong(maxBytes.trim());
        return max < 0 ? InProcessLimits.none() : new InProcessLimits(max, defaults.maxInflatedBytes());
    }

    private final Tally tally = new Tally();

    /** Time a worker may take to start, on top of a file's limit, before the pool gives the file up. */
    private static final Duration WORKER_START = Duration.ofSeconds(120);

    /** For tests: a stand-in pipeline, and a stop after {@code stopAfter} files without commit. */
    BatchRun(BatchOptions options, Optional<Path> out, PrintWriter err, Consumer<FileOutcome> listener,
             Optional<Function<Source, FileResult>> pipeline, long stopAfter) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.listener = listener;
        this.standIn = pipeline.map(f -> (source, hash, recordName) -> f.apply(source));
        this.stopAfter = stopAfter;
        this.inProcess = pipeline.isPresent();
    }

    /** For tests: a stand-in for the facade's {@code process(source, contentHash, recordName)} in this JVM. */
    BatchRun(BatchOptions options, Optional<Path> out, PrintWriter err, Consumer<FileOutcome> listener,
             FileWork.Pipeline pipeline) {
        this(options, out, err, listener, Optional.empty(), Long.MAX_VALUE);
        this.standIn = Optional.of(pipeline);
        this.inProcess = true;
    }

    /** @param inProcess whether to process the files in this JVM (audit) rather than in worker processes */
    BatchRun(BatchOptions options, Optional<Path> out, PrintWriter err, Consumer<FileOutcome> listener,
             boolean inProcess) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.listener = listener;
        this.standIn = Optional.empty();
        this.stopAfter = Long.MAX_VALUE;
        this.inProcess = inProcess;
    }

    /**
     * For tests: the main class of the worker processes, e.g. one that wraps the pipeline in a
     * stand-in; workers are used from then on, also beside a stand-in pipeline in this JVM.
     */
    BatchRun workerMain(String className) {
        this.workerMain = className;
        this.inProcess = false;
        return this;
    }

    /** For tests: which files are parsed in this JVM ({@link InProcessLimits#none()}: none). */
    BatchRun inProcessLimits(InProcessLimits limits) {
        this.inProcessLimits = limits;
        return this;
    }

    /**
     * The command line of a worker process: this JVM's java and class path, the worker's heap cap,
     * and an exit (code 3) rather than an OutOfMemoryError the worker would go on with.
     */
    private List<String> workerCommand() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx" + WORKER_HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr",
                "-Dfile.encoding=UTF-8", "-Djixiao.debug=" + options.debug));
        // The launcher's choices for a short run (C1 only) and its class-data archive hold for the
        // workers too: the archive maps the classes a worker would otherwise load and verify (the
        // class path is this JVM's, which the archive was made for).
        for (String jvmOption : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (jvmOption.startsWith("-XX:TieredStopAtLevel") || jvmOption.startsWith("-Xshare")
                    || jvmOption.startsWith("-XX:SharedArchiveFile") || jvmOption.startsWith("-Xlog:cds")) {
                command.add(jvmOption);
            }
        }
        // Extra options for the worker JVMs, e.g. to look into their memory: -Djixiao.worker.jvm="-XX:..."
        for (String extra : System.getProperty("jixiao.worker.jvm", "").trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                command.add(extra);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), workerMain));
        if (options.profile != null) {
            command.add(options.profile.toAbsolutePath().toString());
        }
        return command;
    }

    /** A run that must stop: exit code 2, and no CSV file written. */
    static final class Aborted extends IOException {
        Aborted(String why) {
            super(why);
        }
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
        Instant started = Instant.now();
        // Counted before the output folder is made: with no input file, nothing is left behind.
        Inputs.Listing listing = new Inputs(options.include, options.exclude, options.followLinks, out)
                .list(options.inputs);
        recordNames = new RecordNames(options.inputs);
        if (listing.files() == 0) {
            throw new NoInputFile(noInputReason(listing));
        }
        RunLock lock = null;
        try {
            Optional<Path> spool = Optional.empty();
            boolean previousRunCutShort = false;
            if (out.isPresent()) {
                spool = Optional.of(privateFolder(out.get().resolve(SPOOL)));
                lock = RunLock.acquire(out.get(), spool.get());
                // A run starts its journal first and writes run.json last: a journal without a
                // run.json is a run that was cut short, perhaps before it finished its first file.
                previousRunCutShort = options.resume && Files.exists(spool.get().resolve(JOURNAL))
                        && !Files.exists(out.get().resolve(RunRecord.FILE_NAME));
                removeOldOutputs(out.get());
            }
            Optional<Summary> summary = process(spool, listing, previousRunCutShort);
            if (summary.isPresent() && out.isPresent()) {
                List<String> outputs = new ArrayList<>(OUTPUT_FILES);
                if (options.xlsx) {
                    outputs.add(XlsxSink.FILE_NAME);
                }
                Summary s = summary.get();
                RunRecord.write(out.get(), spool.get(), commandLine.getCommandName(), options.inputs, options.resume,
                        started, s, s.failedFiles() > 0 ? Main.SOME_FAILED : Main.OK, outputs);
            }
            return summary;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** The CSV files of the output contract. */
    private static final List<String> OUTPUT_FILES = Arrays.stream(OutputTable.values())
            .map(OutputTable::fileName).toList();

    /**
     * Before anything is processed: {@code run.json} goes, so that no one takes the folder for a
     * finished run while this one works or if it fails; without --resume the previous outputs go too,
     * so a killed or failed run never leaves the last run's complete-looking files behind.
     */
    private void removeOldOutputs(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(RunRecord.FILE_NAME));
        if (!options.resume) {
            for (String name : OUTPUT_FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir.resolve(XlsxSink.FILE_NAME));
        }
    }

    /**
     * The spool folder, readable by its owner only (mode 700): it holds the journal, the outputs
     * in the making and the workbook's sheet spools, which are the forms' contents.
     */
    static Path privateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        return folder;
    }

    private Optional<Summary> process(Optional<Path> spool, Inputs.Listing listing, boolean previousRunCutShort)
            throws IOException, InterruptedException {
        Progress progress = new Progress(err, progressMode(), listing.files() + listing.problems(), 5, System::nanoTime);

        Journal journal = null;
        Outputs outputs = null;
        boolean completed = false;
        try {
            Outputs.Plan plan = Outputs.plan();
            if (out.isPresent()) {
                journal = options.resume ? Journal.resume(spool.get().resolve(JOURNAL))
                        : Journal.create(spool.get().resolve(JOURNAL));
                plan.tables(out.get(), spool.get(), options.excel, options.xlsx);
            }
            if (options.report != null) {
                plan.report(options.report, profileName);
            }
            outputs = plan.open();
            Journal j = journal;
            Outputs o = outputs;
            Optional<WorkerPool> workers = inProcess ? Optional.empty()
                    : Optional.of(WorkerPool.shared(workerCommand(), options.debug));
            // With workers, the pool's budget is the time a file may run in this JVM before it goes
            // to a worker; a file handed to a worker extends it (FileJob.inWorker), as the worker is
            // killed at the file's own deadline.
            Duration budget = Duration.ofSeconds(inProcess ? options.timeoutSeconds
                    : Math.min(options.timeoutSeconds, IN_PROCESS_SECONDS));
            OrderedPool<Inputs.Listed, FileOutcome> pool = new OrderedPool<>(options.threads, window(), budget);
            // Under --resume after a run that was cut short, the files it had in flight are parsed
            // in a worker: one of them may be what stopped it, and would stop this run too.
            Set<Path> inFlightWhenCut = journal != null && previousRunCutShort
                    ? firstNotJournaled(listing, journal) : Set.of();
            long[] emitted = {0};
            try {
                pool.run(listing.iterator(), new ListedJob(new FileJob(journal, workers, inFlightWhenCut)), outcome -> {
                    if (emitted[0]++ >= stopAfter) {
                        throw new Stopped();
                    }
                    if (abort.get() != null) {
                        throw new Aborted(abort.get());
                    }
                    emit(outcome, j, o, progress);
                });
            } catch (Stopped e) {
                return Optional.empty();
            }
            progress.finish();
            outputs.commit();
            completed = true;
            if (heapRanOut.get() && workers.isPresent()) {
                // Printed even with --quiet: the outputs are whole, but the batch ran slower and
                // one of its files is a runaway to report.
                err.printf(Locale.ROOT, "jixiao: warning: a parse in this process ran out of memory; the files after it "
                        + "were parsed in worker processes (errors.csv names the files given up)%n");
            }
            long dropped = outputs.rowsLeftOutOfWorkbook();
            if (dropped > 0) {
                // Printed even with --quiet: the workbook is incomplete, the CSV files are not.
                err.printf(Locale.ROOT, "jixiao: warning: jixiao.xlsx lacks %d row(s) beyond Excel's limit of 1,048,576 rows "
                        + "per sheet; the CSV files hold every row%n", dropped);
            }
        } finally {
            closeAll(outputs, journal, completed);
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

    private String noInputReason(Inputs.Listing listing) {
        StringBuilder why = new StringBuilder("no input file found");
        List<String> reasons = new ArrayList<>();
        for (Failure f : listing.firstProblems()) {
            reasons.add(f.sourceFile() + ": " + f.message());
        }
        // Only the first problems are kept: the count says how many reasons there are in all.
        long allReasons = listing.problems();
        if (listing.problems() < options.inputs.size()) {
            reasons.add(options.include.isEmpty() && options.exclude.isEmpty()
                    ? "the folders given hold no file (hidden files and folders are skipped)"
                    : "no file in the folders given matches --include/--exclude");
            allReasons++;
        }
        why.append(": ").append(String.join("; ", reasons.subList(0, Math.min(5, reasons.size()))));
        if (allReasons > 5) {
            why.append(String.format(Locale.ROOT, "; and %d more", allReasons - 5));
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
        pipeline = standIn.orElse(jixiao::process);
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

    private void emit(FileOutcome outcome, Journal journal, Outputs outputs, Progress progress)
            throws IOException {
        if (journal != null && !outcome.reused() && outcome.hash().isPresent()) {
            journal.append(outcome.name(), outcome.hash().get(), outcome.rows());
        }
        // The journal keeps rows unlinked (the outputs link them): which copy comes first is a fact
        // of this run's order.
        outputs.write(outcome.rows());
        tally.add(outcome);
        progress.fileDone(outcome.failed());
        listener.accept(outcome);
    }

    /** The files taken and not yet written at most: the pool's window. */
    private int window() {
        return Math.max(8, options.threads * 4);
    }

    /**
     * The first {@link #window()} files without a journal entry, in input order: the journal holds
     * the files in that order, and a run writes a file only once every file before it is written,
     * so those are the files the run before this one had in flight when it stopped.
     */
    private Set<Path> firstNotJournaled(Inputs.Listing listing, Journal journal) {
        int window = window();
        Set<Path> out = new HashSet<>();
        for (Iterator<Inputs.Listed> items = listing.iterator(); items.hasNext() && out.size() < window; ) {
            if (items.next() instanceof Inputs.ListedFile f && !journal.holds(f.path().toString())) {
                out.add(f.path());
            }
        }
        return out;
    }

    /** Closes the outputs and the journal (either may be null); a failure counts only after a completed run. */
    private static void closeAll(Outputs outputs, Journal journal, boolean completed) throws IOException {
        IOException failed = Closing.closeEach(Arrays.asList(outputs, journal));
        if (failed != null && completed) {
            throw failed;
        }
    }

    /**
     * The pool's job over a listing: a file goes to {@link FileJob}; a problem the listing met is
     * its {@code errors.csv} row, at its place in the order.
     */
    private static final class ListedJob implements OrderedPool.Job<Inputs.Listed, FileOutcome> {

        private final FileJob files;

        ListedJob(FileJob files) {
            this.files = files;
        }

        @Override
        public FileOutcome process(Inputs.Listed item) {
            return item instanceof Inputs.ListedFile f ? files.process(f.path()) : problem(item);
        }

        @Override
        public FileOutcome failed(Inputs.Listed item, Throwable error) {
            return item instanceof Inputs.ListedFile f ? files.failed(f.path(), error) : problem(item);
        }

        @Override
        public FileOutcome timedOut(Inputs.Listed item, Duration budget) {
            return item instanceof Inputs.ListedFile f ? files.timedOut(f.path(), budget) : problem(item);
        }

        private static FileOutcome problem(Inputs.Listed item) {
            Failure f = ((Inputs.Problem) item).failure();
            return new FileOutcome(f.sourceFile(), Optional.empty(), List.of(Rows.of(f)), Optional.empty(), false);
        }
    }

    /**
     * Processes one file on a batch thread: looks it up in the journal under --resume, else has it
     * processed in this JVM or, if it is too big for that (see {@link InProcessLimits}), ran out of
     * memory or past its time here, in a worker process. Thread-safe: the facade, the journal and
     * the worker pool are.
     */
    private final class FileJob implements OrderedPool.Job<Path, FileOutcome> {

        private final Journal journal;
        private final FileWork work;
        /** Empty: the file is processed in this JVM. */
        private final Optional<WorkerPool> workers;
        /** Files parsed in a worker whatever their size: those a cut-short run had in flight. */
        private final Set<Path> inFlightWhenCut;

        FileJob(Journal journal, Optional<WorkerPool> workers, Set<Path> inFlightWhenCut) {
            this.journal = journal;
            this.workers = workers;
            this.inFlightWhenCut = inFlightWhenCut;
            this.work = new FileWork(jixiao, limits, pipeline);
        }

        @Override
        public FileOutcome process(Path path) {
            String name = path.toString();
            String recordName = recordNames.of(path);
            try {
                long size = Files.size(path);
                // A file over the size limit is refused unread, here as anywhere.
                boolean readable = size <= limits.maxFileBytes();
                if (workers.isPresent() && readable && !inProcessLimits.admitsSize(size)) {
                    return inWorker(path, recordName, workers.get());
                }
                if (!readable) {
                    FileWork.Done done = work.process(path, recordName);
                    return new FileOutcome(name, Optional.empty(), done.rows(), done.result(), false);
                }
                byte[] content = Files.readAllBytes(path);
                String hash = Jixiao.contentHash(content);
                String key = journalKey(hash, recordName);
                if (journal != null && options.resume) {
                    Optional<Journal.Entry> entry = journal.find(name, key);
                    if (entry.isPresent()) {
                        return new FileOutcome(name, Optional.of(key), journal.rows(entry.get()), Optional.empty(), true);
                    }
                }
                if (workers.isPresent() && (heapRanOut.get() || inFlightWhenCut.contains(path)
                        || !inProcessLimits.admits(content))) {
                    return inWorker(path, recordName, workers.get());
                }
                FileWork.Done done = work.process(path, content, hash, recordName);
                return new FileOutcome(name, Optional.of(key), done.rows(), done.result(), false);
            } catch (IOException e) {
                // Gone or unreadable since it was listed: the file's failure, not a bug.
                return failure(path, Stage.READ, "read.io", "cannot read the file: " + IoReasons.describe(e));
            }
        }

        private FileOutcome inWorker(Path path, String recordName, WorkerPool pool) {
            inWorkers.add(path);
            // The worker is killed at the file's deadline; the pool's budget is for work in this JVM.
            OrderedPool.extendBudget(Duration.ofSeconds(options.timeoutSeconds).plus(WORKER_START));
            WorkerProcess.Outcome outcome;
            try {
                outcome = pool.process(path.toString(), recordName, Duration.ofSeconds(options.timeoutSeconds));
            } catch (IOException e) {
                abort.compareAndSet(null, "cannot start a worker process: " + e.getMessage());
                return failure(path, Stage.PIPELINE, "pipeline.worker", "no worker process could be started");
            } catch (OutOfMemoryError e) {
                // This JVM's heap, not the worker's: the file never reached one, so it may go again
                // (the pool tries this call again once the heap is back).
                heapRanOut.set(true);
                inWorkers.remove(path);
                throw e;
            }
            if (outcome instanceof WorkerProcess.Outcome.Done done) {
                // The worker keyed the records by recordName; the journal key says so too.
                return new FileOutcome(path.toString(), done.reply().contentHash().map(h -> journalKey(h, recordName)),
                        done.reply().rows(), Optional.empty(), false);
            }
            if (outcome instanceof WorkerProcess.Outcome.Died died && died.outOfMemory()) {
                return failure(path, Stage.PIPELINE, "pipeline.out_of_memory", String.format(Locale.ROOT,
                        "processing needed more memory than the limit of %s; the file was given up", WORKER_HEAP));
            }
            if (outcome instanceof WorkerProcess.Outcome.Died died) {
                return failure(path, Stage.PIPELINE, "pipeline.crash", String.format(Locale.ROOT,
                        "the worker process ended while processing the file (exit code %d); the file was given up",
                        died.exitCode()));
            }
            return timedOut(path, Duration.ofSeconds(options.timeoutSeconds));
        }

        /**
         * Called by the pool for what {@link #process} threw. An OutOfMemoryError in this JVM may
         * be this file's or a neighbour's doing: the file is parsed again in a worker, whose heap is
         * its own, and gets the end it gets there. After one, so is any file that fails here
         * ({@link #heapRanOut}).
         */
        @Override
        public FileOutcome failed(Path path, Throwable error) {
            if (error instanceof OutOfMemoryError) {
                heapRanOut.set(true);
            }
            if (heapRanOut.get() && workers.isPresent() && !inWorkers.contains(path)) {
                return inWorker(path, recordNames.of(path), workers.get());
            }
            return failure(path, Stage.PIPELINE, "pipeline.error", FileWork.unexpected(error));
        }

        /**
         * Called by the pool (on the emitting thread) for a file past the pool's budget. In this JVM
         * the parse cannot be stopped for real (its thread is interrupted and abandoned): with
         * workers, the file is parsed again in one, with its full time limit, and is killed there if
         * it runs away again.
         */
        @Override
        public FileOutcome timedOut(Path path, Duration budget) {
            if (workers.isPresent() && !inWorkers.contains(path)) {
                return inWorker(path, recordNames.of(path), workers.get());
            }
            return failure(path, Stage.PIPELINE, "pipeline.timeout", String.format(Locale.ROOT,
                    "processing took longer than the limit of %d s; the file was given up", options.timeoutSeconds));
        }

        /** The stage is READ for read.io, as the facade and Inputs write it, else PIPELINE. */
        private FileOutcome failure(Path path, Stage stage, String code, String message) {
            FileWork.Done done = FileWork.failed(path, stage, code, message);
            return new FileOutcome(path.toString(), Optional.empty(), done.rows(), Optional.empty(), false);
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
