package org.jixiao.write;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code jixiao.xlsx}: one sheet per output table ({@code projects}, {@code indicators},
 * {@code funds}, {@code findings}, {@code errors}), the header row frozen, the numeric
 * columns of the contract (amounts, rates, weights, scores, counts) as numeric cells and every
 * other column as text. The cells are the same strings as the CSV files, so text keeps the
 * formula guard's leading apostrophe (a text cell is never evaluated anyway).
 *
 * <p>Uses POI's streaming {@link SXSSFWorkbook}: only the last {@value #ROWS_IN_MEMORY} rows of
 * each sheet stay in memory, older ones go to POI's temporary files, so memory does not grow with
 * the batch. The workbook is written to a temporary file and moved into place by {@link #commit()}.
 * Excel's limit of 1,048,576 rows per sheet applies; rows beyond it are dropped and counted.
 * Only {@code poi-ooxml}'s streaming types are used, so the build needs no direct {@code poi}
 * dependency (the header is therefore plain, not bold).
 */
public final class XlsxSink implements RecordSink {

    /** The workbook's file name. */
    public static final String FILE_NAME = "jixiao.xlsx";

    private static final int ROWS_IN_MEMORY = 100;
    private static final int MAX_ROWS = 1_048_576;

    /** Every zip entry's time: a fixed one, so that identical runs give identical bytes. */
    private static final long ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault())
            .toInstant().toEpochMilli();

    private final SXSSFWorkbook workbook;
    private final Map<OutputTable, SXSSFSheet> sheets = new EnumMap<>(OutputTable.class);
    private final Map<OutputTable, Integer> nextRow = new EnumMap<>(OutputTable.class);
    private final AtomicFile file;
    private long dropped;

    /** Prepares {@code dir/jixiao.xlsx}, its temporary copy in {@code tempDir} (same file system). */
    public XlsxSink(Path dir, Path tempDir) throws IOException {
        Files.createDirectories(dir);
        this.file = new AtomicFile(dir.resolve(FILE_NAME), tempDir);
        this.workbook = new Workbook(tempDir);
        // No creation time (POI stamps "now"): the same rows give the same file.
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.empty());
        for (OutputTable table : OutputTable.values()) {
            SXSSFSheet sheet = workbook.createSheet(table.label());
            sheet.createFreezePane(0, 1);
            SXSSFRow header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c));
            }
            sheets.put(table, sheet);
            nextRow.put(table, 1);
        }
    }

    @Override
    public void accept(TableRow row) throws IOException {
        int index = nextRow.get(row.table());
        if (index >= MAX_ROWS) {
            dropped++;
            return;
        }
        nextRow.put(row.table(), index + 1);
        SXSSFRow r = sheets.get(row.table()).createRow(index);
        for (int c = 0; c < row.cells().size(); c++) {
            String value = row.cells().get(c);
            if (value.isEmpty()) {
                continue;
            }
            SXSSFCell cell = r.createCell(c);
            if (row.table().isNumeric(c)) {
                setNumber(cell, value);
            } else {
                cell.setCellValue(value);
            }
        }
    }

    /** A number as a numeric cell; anything unparseable stays text rather than being lost. */
    private static void setNumber(SXSSFCell cell, String value) {
        try {
            cell.setCellValue(new BigDecimal(value).doubleValue());
        } catch (NumberFormatException e) {
            cell.setCellValue(value);
        }
    }

    /** Rows dropped because a sheet reached Excel's row limit. */
    public long droppedRows() {
        return dropped;
    }

    @Override
    public void commit() throws IOException {
        // Not write(): that spools the template through POI's shared temporary folder.
        workbook.writeAvoidingTempFiles(file.stream());
        file.commit();
    }

    /**
     * POI's streaming workbook with its sheet spools in the run's private folder rather than in
     * {@code /tmp/poifiles}, which the first user of the host creates and every later one shares
     * (or cannot write), and with fixed zip entry times.
     */
    private static final class Workbook extends SXSSFWorkbook {
        private final Path scratch;

        Workbook(Path scratch) {
            super(ROWS_IN_MEMORY);
            this.scratch = scratch;
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            Path folder = scratch;
            // SheetDataWriter asks for its file in its constructor; a captured local is set by then.
            return new SheetDataWriter(getSharedStringSource()) {
                @Override
                public File createTempFile() throws IOException {
                    return Files.createTempFile(folder, "sheet-", ".xml").toFile();
                }
            };
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
                @Override
                public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                    entry.setTime(ENTRY_TIME);
                    super.putArchiveEntry(entry);
                }
            };
            zip.setUseZip64(Zip64Mode.AsNeeded);
            return zip;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            file.close();
        } finally {
            // Since POI 5.3 close() also deletes the temporary sheet files (dispose() is deprecated).
            workbook.close();
        }
    }
}
