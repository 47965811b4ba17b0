package org.jixiao.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.jixiao.FileResult;
import org.jixiao.Jixiao;
import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.internal.batch.OrderedPool;
import org.jixiao.internal.read.IoReasons;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;
import org.jixiao.model.Stage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A task's work: the files of its partition, each read from its file system and converted by the
 * core library one at a time, the rows handed on lazily (at most one file's rows and bytes are
 * held). Per-file failures become {@code errors} rows with the command line's codes: what the
 * pipeline reports ({@code read.*}, {@code extract.*}), {@code read.too_large} before loading,
 * {@code read.io} for a file that cannot be read, and, through the core's {@link OrderedPool} with
 * one worker, {@code pipeline.error} for a file whose conversion throws and {@code pipeline.timeout}
 * for one that outlives the time budget. So no file can fail the task, except the test hook's.
 */
final class FileConverter implements FlatMapFunction<Iterator<List<ListedFile>>, Row> {

    private static final long serialVersionUID = 1L;

    private final HadoopConf conf;
    private final int timeoutSeconds;
    /** The test hook's record name, empty for none ({@code Optional} is not serializable). */
    private final String failFirstAttemptOf;

    FileConverter(HadoopConf conf, int timeoutSeconds, Optional<String> failFirstAttemptOf) {
        this.conf = conf;
        this.timeoutSeconds = timeoutSeconds;
        this.failFirstAttemptOf = failFirstAttemptOf.orElse("");
    }

    /** One facade per executor JVM: it loads the dictionaries and templates once and is thread-safe. */
    private static final class Shared {
        static final Jixiao JIXIAO = Jixiao.withDefaults();
        static final long MAX_BYTES = ReadLimits.defaults().maxFileBytes();
    }

    @Override
    public Iterator<Row> call(Iterator<List<ListedFile>> groups) {
        return new Iterator<>() {
            private Iterator<ListedFile> files = List.<ListedFile>of().iterator();
            private final Deque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty()) {
                    while (!files.hasNext()) {
                        if (!groups.hasNext()) {
                            return false;
                        }
                        files = groups.next().iterator();
                    }
                    ready.addAll(convert(files.next()));
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.removeFirst();
            }
        };
    }

    /** What one file gave, rendered, with its record key when it was read. */
    private record Outcome(List<TableRow> rows, Optional<String> recordKey) {
    }

    List<Row> convert(ListedFile file) {
        TaskContext task = TaskContext.get();
        if (file.recordName().equals(failFirstAttemptOf) && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("test hook: the first attempt at " + file.recordName() + " fails");
        }
        Optional<FileResult> refused = Shared.JIXIAO.refuseBySize(file.uri(), file.size());
        Outcome outcome;
        if (refused.isPresent()) {
            outcome = new Outcome(rows(refused.get()), Optional.empty());
        } else {
            outcome = inPool(file);
        }
        return Staged.of(file, outcome.rows(), outcome.recordKey());
    }

    private Outcome inPool(ListedFile file) {
        List<Outcome> result = new ArrayList<>(1);
        OrderedPool<ListedFile, Outcome> pool = new OrderedPool<>(1, 1, Duration.ofSeconds(timeoutSeconds));
        try {
            pool.run(List.of(file).iterator(), new Job(), result::add);
        } catch (InterruptedException e) {
            // Spark interrupts a task it kills (a speculative copy, a cancelled job): let it end.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting " + file.uri(), e);
        }
        return result.get(0);
    }

    private final class Job implements OrderedPool.Job<ListedFile, Outcome> {

        @Override
        public Outcome process(ListedFile file) {
            byte[] content;
            try {
                content = read(file);
            } catch (IOException e) {
                return failure(file, Stage.READ, "read.io", "cannot read the file: " + IoReasons.describe(e));
            }
            if (content.length > Shared.MAX_BYTES) {
                // Grown since it was listed.
                return new Outcome(rows(Shared.JIXIAO.refuseBySize(file.uri(), content.length).orElseThrow()),
                        Optional.empty());
            }
            String hash = Jixiao.contentHash(content);
            FileResult result = Shared.JIXIAO.process(new Source(file.uri(), content), hash, file.recordName());
            return new Outcome(rows(result), Optional.of(Jixiao.recordKey(file.recordName(), hash)));
        }

        @Override
        public Outcome failed(ListedFile file, Throwable error) {
            return failure(file, Stage.PIPELINE, "pipeline.error", "unexpected %s while processing the file: %s"
                    .formatted(error.getClass().getName(), error.getMessage()));
        }

        @Override
        public Outcome timedOut(ListedFile file, Duration budget) {
            return failure(file, Stage.PIPELINE, "pipeline.timeout", String.format(Locale.ROOT,
                    "processing took longer than the limit of %d s; the file was given up", budget.toSeconds()));
        }
    }

    /** The file's bytes, at most one more than the limit (so a file grown past it is not loaded whole). */
    private byte[] read(ListedFile file) throws IOException {
        Path path = new Path(file.uri());
        FileSystem fs = path.getFileSystem(conf.get());
        try (FSDataInputStream in = fs.open(path)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Shared.MAX_BYTES + 1));
        }
    }

    private static Outcome failure(ListedFile file, Stage stage, String code, String message) {
        return new Outcome(List.of(Rows.of(new Failure(file.uri(), stage, code, message))), Optional.empty());
    }

    private static List<TableRow> rows(FileResult result) {
        List<TableRow> rows = new ArrayList<>();
        for (AssessedRecord r : result.records()) {
            rows.addAll(Rows.of(r));
        }
        result.failures().forEach(f -> rows.add(Rows.of(f)));
        return rows;
    }
}
