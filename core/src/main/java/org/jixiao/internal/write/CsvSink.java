package org.jixiao.internal.write;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the five CSV files of the output contract into a folder: UTF-8, a header row, RFC 4180
 * quoting, CRLF line ends (commons-csv's {@code RFC4180} format), optionally with a byte-order mark
 * for Excel. Rows are written as they come, so memory does not grow with the batch. Nothing is
 * visible in the folder before {@link #commit()}.
 */
public final class CsvSink implements RecordSink {

    /** RFC 4180's line end; the quoting of each line is {@link TableRow#csvLine()}'s. */
    private static final String RECORD_END = "\r\n";

    private final List<AtomicFile> files = new ArrayList<>();
    private final Map<OutputTable, Writer> writers = new EnumMap<>(OutputTable.class);

    /**
     * Opens the five files in {@code dir} (created if missing), their temporary copies beside them.
     *
     * @param byteOrderMark write a UTF-8 BOM so Excel opens Chinese text correctly
     */
    public CsvSink(Path dir, boolean byteOrderMark) throws IOException {
        this(dir, byteOrderMark, dir);
    }

    /**
     * Opens the five files in {@code dir}, writing them first into {@code tempDir} (which must be on
     * the same file system, e.g. a hidden sub-folder of {@code dir}) so that an interrupted run leaves
     * nothing but hidden temporary files.
     */
    public CsvSink(Path dir, boolean byteOrderMark, Path tempDir) throws IOException {
        Files.createDirectories(dir);
        try {
            for (OutputTable table : OutputTable.values()) {
                AtomicFile f = new AtomicFile(dir.resolve(table.fileName()), tempDir);
                files.add(f);
                Writer w = f.writer(byteOrderMark);
                w.write(TableRow.csvLine(table.columns()));
                w.write(RECORD_END);
                writers.put(table, w);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void accept(TableRow row) throws IOException {
        Writer w = writers.get(row.table());
        w.write(row.csvLine());
        w.write(RECORD_END);
    }

    @Override
    public void commit() throws IOException {
        for (Writer w : writers.values()) {
            w.flush();
        }
        for (AtomicFile f : files) {
            f.commit();
        }
    }

    @Override
    public void close() throws IOException {
        IOException failed = Closing.closeEach(files);
        if (failed != null) {
            throw failed;
        }
    }
}
