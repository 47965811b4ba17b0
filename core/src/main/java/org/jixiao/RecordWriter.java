package org.jixiao;

import org.jixiao.internal.write.CopyLinks;
import org.jixiao.internal.write.CsvSink;
import org.jixiao.internal.write.RecordSink;
import org.jixiao.internal.write.ReportSink;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.internal.write.XlsxSink;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes what {@link Jixiao} gives as the tables {@code jixiao convert} writes: the CSV files of
 * the output contract ({@code projects.csv}, {@code indicators.csv}, {@code funds.csv},
 * {@code goals.csv}, {@code findings.csv}, {@code errors.csv}), and on request the workbook
 * {@code jixiao.xlsx} and the HTML audit report. The same rows, byte for byte, as the command
 * line's.
 *
 * <pre>{@code
 * Jixiao jixiao = Jixiao.withDefaults();
 * try (RecordWriter out = RecordWriter.to(Path.of("out")).xlsx(true).open()) {
 *     for (Path file : files) {
 *         out.write(jixiao.process(file));
 *     }
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>Nothing appears in the folder before {@link #commit()}: every file is written under a
 * temporary name beside its final one and moved into place when complete; {@link #close()}
 * without a commit removes the temporary files. Rows are written as they come, so memory does not
 * grow with the number of files. Copies of one file are linked, never merged: the
 * {@code duplicate_of} column of a copy's projects rows names the record of the first copy
 * written. Not thread-safe: write from one thread, in the order the rows should have.
 */
public final class RecordWriter implements AutoCloseable {

    private final List<RecordSink> sinks;
    private final Optional<XlsxSink> workbook;
    private final CopyLinks copyLinks = new CopyLinks();
    private boolean committed;

    private RecordWriter(List<RecordSink> sinks, Optional<XlsxSink> workbook) {
        this.sinks = List.copyOf(sinks);
        this.workbook = workbook;
    }

    /** A writer of the CSV files into {@code dir} (created if missing); options on the builder. */
    public static Builder to(Path dir) {
        return new Builder(Objects.requireNonNull(dir, "dir"));
    }

    /** What a writer writes besides the CSV files; every option is off by default. */
    public static final class Builder {
        private final Path dir;
        private boolean byteOrderMark;
        private boolean xlsx;
        private Path report;
        private String profileName;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** Starts each CSV file with a UTF-8 byte-order mark, so Excel shows Chinese text correctly. */
        public Builder byteOrderMark(boolean value) {
            this.byteOrderMark = value;
            return this;
        }

        /** Also writes {@code jixiao.xlsx} into the folder: a summary sheet, then one sheet per table. */
        public Builder xlsx(boolean value) {
            this.xlsx = value;
            return this;
        }

        /**
         * Also writes the HTML audit report to {@code file}.
         *
         * @param profile the rule profile the records were scored with (the report names it)
         */
        public Builder report(Path file, RuleProfile profile) {
            this.report = Objects.requireNonNull(file, "file");
            this.profileName = Objects.requireNonNull(profile, "profile").name();
            return this;
        }

        /** Creates the folder and the temporary files. */
        public RecordWriter open() throws IOException {
            List<RecordSink> opened = new ArrayList<>();
            Optional<XlsxSink> workbook = Optional.empty();
            try {
                opened.add(new CsvSink(dir, byteOrderMark));
                if (xlsx) {
                    workbook = Optional.of(new XlsxSink(dir, dir));
                    opened.add(workbook.get());
                }
                if (report != null) {
                    opened.add(new ReportSink(report, profileName));
                }
            } catch (IOException | RuntimeException e) {
                closeAll(opened, e);
                throw e;
            }
            return new RecordWriter(opened, workbook);
        }
    }

    /**
     * Writes the rows of one file: one projects row per record with its indicators, funds, goals and
     * findings, and an errors row per failure (the file's, or each form's that could not be read).
     *
     * @throws IllegalStateException after {@link #commit()}
     */
    public void write(FileResult result) throws IOException {
        requireOpen();
        List<TableRow> rows = new ArrayList<>();
        for (AssessedRecord record : result.records()) {
            rows.addAll(Rows.of(record));
        }
        for (Failure failure : result.failures()) {
            rows.add(Rows.of(failure));
        }
        for (TableRow row : copyLinks.link(rows)) {
            for (RecordSink sink : sinks) {
                sink.accept(row);
            }
        }
    }

    /**
     * Rows the workbook left out because a sheet reached Excel's limit of 1,048,576 rows; the CSV
     * files hold them. Zero without {@link Builder#xlsx(boolean)}.
     */
    public long rowsLeftOutOfWorkbook() {
        return workbook.map(XlsxSink::droppedRows).orElse(0L);
    }

    /** Completes every file and moves it into place. */
    public void commit() throws IOException {
        requireOpen();
        for (RecordSink sink : sinks) {
            sink.commit();
        }
        committed = true;
    }

    /** Releases the files; without a {@link #commit()}, removes what was written. */
    @Override
    public void close() throws IOException {
        IOException failed = closeAll(sinks, null);
        if (failed != null) {
            throw failed;
        }
    }

    private void requireOpen() {
        if (committed) {
            throw new IllegalStateException("the writer was committed; open a new one to write more");
        }
    }

    /** Closes every sink even when one fails; the first failure is returned (or added to {@code cause}). */
    private static IOException closeAll(List<RecordSink> sinks, Exception cause) {
        IOException first = null;
        for (RecordSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }
}
