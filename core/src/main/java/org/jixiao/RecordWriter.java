package org.jixiao;

import org.jixiao.internal.write.Outputs;
import org.jixiao.internal.write.Rows;
import org.jixiao.internal.write.TableRow;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private final Outputs outputs;
    private boolean committed;

    private RecordWriter(Outputs outputs) {
        this.outputs = outputs;
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
            Outputs.Plan plan = Outputs.plan().tables(dir, dir, byteOrderMark, xlsx);
            if (report != null) {
                plan.report(report, profileName);
            }
            return new RecordWriter(plan.open());
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
        outputs.write(rows);
    }

    /**
     * Rows the workbook left out because a sheet reached Excel's limit of 1,048,576 rows; the CSV
     * files hold them. Zero without {@link Builder#xlsx(boolean)}.
     */
    public long rowsLeftOutOfWorkbook() {
        return outputs.rowsLeftOutOfWorkbook();
    }

    /** Completes every file and moves it into place. */
    public void commit() throws IOException {
        requireOpen();
        outputs.commit();
        committed = true;
    }

    /** Releases the files; without a {@link #commit()}, removes what was written. */
    @Override
    public void close() throws IOException {
        outputs.close();
    }

    private void requireOpen() {
        if (committed) {
            throw new IllegalStateException("the writer was committed; open a new one to write more");
        }
    }
}
