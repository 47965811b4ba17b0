package org.jixiao.cli;

import org.jixiao.FileResult;
import org.jixiao.Jixiao;
import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.internal.read.IoReasons;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;
import org.jixiao.model.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file through the pipeline into output rows, as a batch does it both in a worker process and
 * in process: a file over the size limit is refused unread, any other is read whole, hashed and
 * processed, and whatever it throws becomes its {@code errors} row. Thread-safe.
 */
final class FileWork {

    /**
     * What one file gave.
     *
     * @param contentHash the SHA-256 of its content; empty if it was not read whole
     * @param rows        its output rows
     * @param result      the pipeline's result, when it ran
     */
    record Done(Optional<String> contentHash, List<TableRow> rows, Optional<FileResult> result) {
    }

    /** The facade's {@code process(source, contentHash, recordName)}, or a test's stand-in. */
    interface Pipeline {
        FileResult apply(Source source, String contentHash, String recordName);
    }

    private final Jixiao jixiao;
    private final ReadLimits limits;
    private final Pipeline pipeline;

    FileWork(Jixiao jixiao, ReadLimits limits, Pipeline pipeline) {
        this.jixiao = jixiao;
        this.limits = limits;
        this.pipeline = pipeline;
    }

    /** @param recordName the name its record ids derive from (see {@link RecordNames}) */
    Done process(Path path, String recordName) {
        try {
            if (Files.size(path) > limits.maxFileBytes()) {
                // The facade refuses it without loading it; no hash, so a resume simply asks again.
                return done(Optional.empty(), jixiao.process(path));
            }
            byte[] content = Files.readAllBytes(path);
            String hash = Jixiao.contentHash(content);
            return process(path, content, hash, recordName);
        } catch (IOException e) {
            // Gone or unreadable since it was listed: the file's failure, not a bug.
            return failed(path, Stage.READ, "read.io", "cannot read the file: " + IoReasons.describe(e));
        }
    }

    /** A file already read and hashed (the in-process batch reads it first to look it up in the journal). */
    Done process(Path path, byte[] content, String hash, String recordName) {
        try {
            return done(Optional.of(hash), pipeline.apply(new Source(path.toString(), content), hash, recordName));
        } catch (OutOfMemoryError e) {
            // In a worker process this must end the JVM (-XX:+ExitOnOutOfMemoryError does); in the
            // batch's JVM the batch gives the file to a worker.
            throw e;
        } catch (Throwable t) {
            return failed(path, Stage.PIPELINE, "pipeline.error", unexpected(t));
        }
    }

    /** One line, whatever the library put in its message (POI's advice runs over four). */
    static String unexpected(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int newline = message.indexOf('\n');
        return "unexpected %s while processing the file: %s".formatted(error.getClass().getName(),
                newline < 0 ? message : message.substring(0, newline).strip());
    }

    static Done failed(Path path, Stage stage, String code, String message) {
        return new Done(Optional.empty(), List.of(Rows.of(new Failure(path.toString(), stage, code, message))),
                Optional.empty());
    }

    private static Done done(Optional<String> hash, FileResult result) {
        List<TableRow> rows = new ArrayList<>();
        for (AssessedRecord r : result.records()) {
            rows.addAll(Rows.of(r));
        }
        result.failures().forEach(f -> rows.add(Rows.of(f))); // a file's forms that failed, or the file
        return new Done(hash, rows, Optional.of(result));
    }
}
