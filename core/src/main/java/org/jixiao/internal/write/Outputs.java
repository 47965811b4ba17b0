package org.jixiao.internal.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files one run writes its rows to: the CSV tables, and on request the workbook and the HTML
 * report, with every copy of a file linked to the first ({@link CopyLinks}). The library's
 * {@code RecordWriter} and the command line's batch both write through it, so they write the same
 * files the same way. Nothing is visible before {@link #commit()}; {@link #close()} without a
 * commit removes what was written. Not thread-safe.
 */
public final class Outputs implements AutoCloseable {

    private final List<RecordSink> sinks;
    private final Optional<XlsxSink> workbook;
    private final CopyLinks copyLinks = new CopyLinks();

    private Outputs(List<RecordSink> sinks, Optional<XlsxSink> workbook) {
        this.sinks = List.copyOf(sinks);
        this.workbook = workbook;
    }

    /** Which files to write; none until named. */
    public static Plan plan() {
        return new Plan();
    }

    /** What {@link #open()} opens. */
    public static final class Plan {
        private Path dir;
        private Path tempDir;
        private boolean byteOrderMark;
        private boolean xlsx;
        private Path report;
        private String profileName;

        private Plan() {
        }

        /**
         * The CSV tables into {@code dir}, and {@code jixiao.xlsx} beside them when {@code xlsx}.
         *
         * @param tempDir where the files are made before {@link #commit()} moves them into {@code dir}
         * @param byteOrderMark starts each CSV file with a UTF-8 byte-order mark (for Excel)
         */
        public Plan tables(Path dir, Path tempDir, boolean byteOrderMark, boolean xlsx) {
            this.dir = Objects.requireNonNull(dir, "dir");
            this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
            this.byteOrderMark = byteOrderMark;
            this.xlsx = xlsx;
            return this;
        }

        /** The HTML audit report into {@code file}, naming the rule profile the records were scored with. */
        public Plan report(Path file, String profileName) {
            this.report = Objects.requireNonNull(file, "file");
            this.profileName = Objects.requireNonNull(profileName, "profileName");
            return this;
        }

        /** Creates the temporary files; on a failure, removes those already made. */
        public Outputs open() throws IOException {
            List<RecordSink> opened = new ArrayList<>();
            Optional<XlsxSink> workbook = Optional.empty();
            try {
                if (dir != null) {
                    opened.add(new CsvSink(dir, byteOrderMark, tempDir));
                    if (xlsx) {
                        workbook = Optional.of(new XlsxSink(dir, tempDir));
                        opened.add(workbook.get());
                    }
                }
                if (report != null) {
                    opened.add(new ReportSink(report, profileName));
                }
            } catch (IOException | RuntimeException e) {
                IOException alsoFailed = Closing.closeEach(opened);
                if (alsoFailed != null) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
            return new Outputs(opened, workbook);
        }
    }

    /** Writes the rows of one file, in order, to every output, linking copies of a file written before. */
    public void write(List<TableRow> rows) throws IOException {
        for (TableRow row : copyLinks.link(rows)) {
            for (RecordSink sink : sinks) {
                sink.accept(row);
            }
        }
    }

    /** Rows the workbook left out at Excel's limit of 1,048,576 rows a sheet; zero without a workbook. */
    public long rowsLeftOutOfWorkbook() {
        return workbook.map(XlsxSink::droppedRows).orElse(0L);
    }

    /** Completes every file and moves it into place. */
    public void commit() throws IOException {
        for (RecordSink sink : sinks) {
            sink.commit();
        }
    }

    /** Releases every file, even when one fails; without a {@link #commit()}, removes what was written. */
    @Override
    public void close() throws IOException {
        IOException failed = Closing.closeEach(sinks);
        if (failed != null) {
            throw failed;
        }
    }
}
