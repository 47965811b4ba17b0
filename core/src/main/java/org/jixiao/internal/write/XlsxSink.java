package org.jixiao.internal.write;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.jixiao.model.FindingMessages;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes {@code jixiao.xlsx}: a {@code summary} sheet with the audit's aggregates (the figures of
 * the HTML report, {@link AuditFigures}), then one sheet per output table ({@code projects},
 * {@code indicators}, {@code funds}, {@code findings}, {@code errors}). Each table sheet has a bold
 * frozen header row, an autofilter over its rows and column widths from its content; the numeric
 * columns of the contract (amounts, rates, weights, scores, counts) are numeric cells, and so are
 * the {@code reported} and {@code computed} cells of findings when they hold a plain number. Text
 * is written without the CSV's formula guard: a string cell is never evaluated, and the guard's
 * apostrophe would show.
 *
 * <p>Uses POI's streaming {@link SXSSFWorkbook}: only the last {@value #ROWS_IN_MEMORY} rows of
 * each sheet stay in memory, older ones go to POI's temporary files, so memory does not grow with
 * the batch (widths are tracked as one number per column). The workbook is written to a temporary
 * file and moved into place by {@link #commit()}. Excel's limit of 1,048,576 rows per sheet
 * applies; rows beyond it are dropped and counted.
 */
public final class XlsxSink implements RecordSink {

    /** The workbook's file name. */
    public static final String FILE_NAME = "jixiao.xlsx";
    /** The name of the aggregates' sheet, first in the workbook. */
    public static final String SUMMARY = "summary";

    private static final int ROWS_IN_MEMORY = 100;
    private static final int MAX_ROWS = 1_048_576;
    /** Column widths in characters: at least the header's, at most this. */
    private static final int MAX_WIDTH = 60;
    /** A number as findings write one: {@code -1.5}, {@code 80}, {@code 0.958}; not {@code 95%} or {@code 1e3}. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final List<String> FINDING_FIGURES = List.of("reported", "computed");

    /** Every zip entry's time: a fixed one, so that identical runs give identical bytes. */
    private static final long ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault())
            .toInstant().toEpochMilli();

    private final SXSSFWorkbook workbook;
    private final Map<OutputTable, SXSSFSheet> sheets = new EnumMap<>(OutputTable.class);
    private final Map<OutputTable, Integer> nextRow = new EnumMap<>(OutputTable.class);
    private final Map<OutputTable, int[]> widths = new EnumMap<>(OutputTable.class);
    private final AuditFigures figures = new AuditFigures();
    private final CellStyle bold;
    private final AtomicFile file;
    private long dropped;

    /** Prepares {@code dir/jixiao.xlsx}, its temporary copy in {@code tempDir} (same file system). */
    public XlsxSink(Path dir, Path tempDir) throws IOException {
        Files.createDirectories(dir);
        this.file = new AtomicFile(dir.resolve(FILE_NAME), tempDir);
        this.workbook = new Workbook(tempDir);
        // No creation time (POI stamps "now"): the same rows give the same file.
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.empty());
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        workbook.createSheet(SUMMARY);
        for (OutputTable table : OutputTable.values()) {
            SXSSFSheet sheet = workbook.createSheet(table.label());
            sheet.createFreezePane(0, 1);
            SXSSFRow header = sheet.createRow(0);
            int[] w = new int[table.columns().size()];
            for (int c = 0; c < table.columns().size(); c++) {
                SXSSFCell cell = header.createCell(c);
                cell.setCellValue(table.columns().get(c));
                cell.setCellStyle(bold);
                // room for the autofilter's drop-down button
                w[c] = table.columns().get(c).length() + 3;
            }
            sheets.put(table, sheet);
            nextRow.put(table, 1);
            widths.put(table, w);
        }
    }

    @Override
    public void accept(TableRow row) throws IOException {
        figures.accept(row);
        int index = nextRow.get(row.table());
        if (index >= MAX_ROWS) {
            dropped++;
            return;
        }
        nextRow.put(row.table(), index + 1);
        SXSSFRow r = sheets.get(row.table()).createRow(index);
        int[] w = widths.get(row.table());
        for (int c = 0; c < row.cells().size(); c++) {
            String value = row.cells().get(c);
            if (value.isEmpty()) {
                continue;
            }
            SXSSFCell cell = r.createCell(c);
            if (row.table().isNumeric(c) || isFindingFigure(row.table(), c) && PLAIN_NUMBER.matcher(unguarded(value)).matches()) {
                setNumber(cell, unguarded(value));
            } else {
                value = unguarded(value);
                cell.setCellValue(value);
            }
            w[c] = Math.max(w[c], Math.min(MAX_WIDTH, displayWidth(value)));
        }
    }

    private static boolean isFindingFigure(OutputTable table, int column) {
        return table == OutputTable.FINDINGS && FINDING_FIGURES.contains(table.columns().get(column));
    }

    /**
     * The text without the CSV's formula guard ({@code '=SUM(A1)} → {@code =SUM(A1)}): only an
     * apostrophe that {@link Cells#safeText} added, i.e. one before a formula character.
     */
    static String unguarded(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    /** Characters a column needs: CJK and other wide characters count twice. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
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
        for (OutputTable table : OutputTable.values()) {
            SXSSFSheet sheet = sheets.get(table);
            int[] w = widths.get(table);
            for (int c = 0; c < w.length; c++) {
                sheet.setColumnWidth(c, (w[c] + 1) * 256);
            }
            int last = Math.max(0, nextRow.get(table) - 1);
            sheet.setAutoFilter(new CellRangeAddress(0, last, 0, w.length - 1));
        }
        figures.finish();
        writeSummary(workbook.getSheet(SUMMARY));
        // Not write(): that spools the template through POI's shared temporary folder.
        workbook.writeAvoidingTempFiles(file.stream());
        file.commit();
    }

    /** The report's aggregates as blocks of rows: a bold heading row, then label and figures. */
    private void writeSummary(SXSSFSheet sheet) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(heading("totals"));
        rows.add(new Object[] {ReportLabels.both("files"), figures.files()});
        rows.add(new Object[] {ReportLabels.both("forms"), figures.forms()});
        rows.add(new Object[] {ReportLabels.both("copies"), figures.copies()});
        rows.add(new Object[] {ReportLabels.both("error_rows"), figures.errorRows()});
        rows.add(new Object[] {ReportLabels.both("findings"), figures.findings()});
        for (String s : AuditFigures.SEVERITIES) {
            rows.add(new Object[] {ReportLabels.both("findings") + " · " + ReportLabels.both("severity." + s), figures.findings(s)});
        }
        rows.add(new Object[0]);
        rows.add(heading("by_code", "meaning", "severity.error", "severity.warning", "severity.info", "total"));
        for (Map.Entry<String, long[]> e : figures.byCode().entrySet()) {
            long[] n = e.getValue();
            rows.add(new Object[] {e.getKey(), FindingMessages.title(e.getKey()), n[0], n[1], n[2], n[0] + n[1] + n[2]});
        }
        rows.add(new Object[0]);
        rows.add(heading("by_department", "forms", "findings"));
        figures.byDepartment().forEach((k, n) -> rows.add(new Object[] {k.isEmpty() ? ReportLabels.both("none") : k, n[0], n[1]}));
        rows.add(new Object[0]);
        rows.add(heading("by_year", "forms", "findings"));
        figures.byYear().forEach((k, n) -> rows.add(new Object[] {k.isEmpty() ? ReportLabels.both("none") : k, n[0], n[1]}));
        rows.add(new Object[0]);
        rows.add(heading("total_bins", "reported", "computed"));
        long[] reported = figures.reportedTotals();
        long[] computed = figures.computedTotals();
        for (int b = 0; b < reported.length; b++) {
            rows.add(new Object[] {AuditFigures.binLabel(b), reported[b], computed[b]});
        }
        rows.add(new Object[] {ReportLabels.both("absent"), figures.reportedTotalAbsent(), figures.computedTotalAbsent()});
        rows.add(new Object[0]);
        rows.add(heading("grade_counts", "reported", "computed"));
        figures.grades().forEach((k, n) -> rows.add(new Object[] {k.isEmpty() ? ReportLabels.both("none") : k, n[0], n[1]}));

        int r = 0;
        for (Object[] values : rows) {
            SXSSFRow row = sheet.createRow(r++);
            boolean isHeading = values.length > 0 && values[0] instanceof Heading;
            for (int c = 0; c < values.length; c++) {
                SXSSFCell cell = row.createCell(c);
                Object v = values[c];
                if (v instanceof Long n) {
                    cell.setCellValue(n);
                } else {
                    cell.setCellValue(v instanceof Heading h ? h.text() : String.valueOf(v));
                }
                if (isHeading) {
                    cell.setCellStyle(bold);
                }
            }
        }
        sheet.setColumnWidth(0, 48 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        for (int c = 2; c < 6; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    /** A bold heading cell of the summary sheet. */
    private record Heading(String text) {
    }

    private static Object[] heading(String first, String... columns) {
        Object[] row = new Object[1 + columns.length];
        row[0] = new Heading(ReportLabels.both(first));
        for (int i = 0; i < columns.length; i++) {
            row[i + 1] = new Heading(ReportLabels.both(columns[i]));
        }
        return row;
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
                    // Hidden, like every temporary file of an output folder (RecordWriter's scratch
                    // folder is the output folder itself), and gone with close().
                    return Files.createTempFile(folder, ".sheet-", ".xml").toFile();
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
