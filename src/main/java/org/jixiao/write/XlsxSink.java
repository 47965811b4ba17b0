package org.jixiao.write;

import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

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

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final Map<OutputTable, SXSSFSheet> sheets = new EnumMap<>(OutputTable.class);
    private final Map<OutputTable, Integer> nextRow = new EnumMap<>(OutputTable.class);
    private final AtomicFile file;
    private long dropped;

    /** Prepares {@code dir/jixiao.xlsx}, its temporary copy in {@code tempDir} (same file system). */
    public XlsxSink(Path dir, Path tempDir) throws IOException {
        Files.createDirectories(dir);
        this.file = new AtomicFile(dir.resolve(FILE_NAME), tempDir);
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
        workbook.write(file.stream());
        file.commit();
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
