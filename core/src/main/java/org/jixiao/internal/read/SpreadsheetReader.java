package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads .xlsx workbooks (streamed by {@link XlsxWorkbook}, never through POI's usermodel) and .xls
 * workbooks (POI HSSF).
 *
 * <p>Each sheet that holds any text becomes one {@link Table} named after the sheet, numbered in
 * sheet order. Grid positions are the sheet's own: table row 0 is sheet row 1 and column 0 is
 * column A, so a {@code SourceRef} points at the very cell an auditor opens; empty rows inside
 * the used range stay as empty rows, trailing ones are cut. A merged region is one cell with
 * spans at its top-left corner. Cells without text are left out.
 *
 * <p>Values are written as the form wrote them, never as binary float noise: a number is the
 * shortest decimal that round-trips its double, without exponent and trailing zeros
 * ({@code 11.25 -> "11.25"}, {@code 17049.23 -> "17049.23"}, {@code 10000 -> "10000"}); a cell
 * formatted as a percentage keeps its sign ({@code 0.6804 -> "68.04%"}); a date is ISO-8601
 * ({@code 2020-12-31}); a formula gives its cached value; a boolean {@code TRUE}/{@code FALSE};
 * an error its code ({@code #DIV/0!}).
 */
public final class SpreadsheetReader implements DocumentReader {

    private final ReadLimits limits;

    public SpreadsheetReader(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code Failed} with {@code read.zip.*}, {@code read.ole2.corrupt},
     *         {@code read.xlsx.corrupt}, {@code read.xls.corrupt}, {@code read.xls.encrypted},
     *         {@code read.xlsx.encrypted}, {@code read.spreadsheet.not_spreadsheet} or
     *         {@code read.too_many_cells}
     */
    @Override
    public Result<Document> read(Source source) {
        Sniffer.Kind kind = Sniffer.sniff(source.content());
        if (kind == Sniffer.Kind.ZIP) {
            Optional<Result<Document>> direct = OfficeFiles.readDirect(source, (zip, main) ->
                    main.kind() == OfficeFiles.OoxmlKind.XLSX ? readXlsx(source, zip, main.partName()) : Optional.empty());
            if (direct.isPresent()) {
                return direct.get();
            }
            return OfficeFiles.openOoxml(source).then(o -> {
                if (o.kind() != OfficeFiles.OoxmlKind.XLSX) {
                    o.pkg().revert();
                    return notSpreadsheet(source, "a package whose main part is " + o.main().getContentType());
                }
                return readXlsx(source, o);
            });
        }
        if (kind == Sniffer.Kind.OLE2) {
            return OfficeFiles.openOle2(source).then(fs -> {
                OfficeFiles.Ole2Kind ole = OfficeFiles.kindOf(fs);
                if (ole == OfficeFiles.Ole2Kind.ENCRYPTED_OOXML) {
                    return OfficeFiles.encrypted(source);
                }
                if (ole != OfficeFiles.Ole2Kind.XLS) {
                    return notSpreadsheet(source, "an OLE2 file without a Workbook stream");
                }
                return readXls(source, fs);
            });
        }
        return notSpreadsheet(source, "neither a zip nor an OLE2 file");
    }

    /**
     * Reads a .xlsx straight from its zip ({@link XlsxWorkbook}); empty when a part cannot be
     * inflated or its XML is broken, and the caller opens the file as a package, which names the
     * failure (a zip bomb, or the same {@code read.xlsx.corrupt}).
     */
    Optional<Result<Document>> readXlsx(Source source, OoxmlZip zip, String workbookPart) {
        try {
            return OfficeFiles.unlessCorrupt(XlsxWorkbook.read(source.name(), zip, workbookPart, limits));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads a .xlsx opened as a package: the fallback of the direct path. */
    Result<Document> readXlsx(Source source, OfficeFiles.Ooxml ooxml) {
        // Reverting (not closing) the package: a stream-opened package has nothing to save.
        try {
            return XlsxWorkbook.read(source.name(), OfficeFiles.parts(ooxml.pkg()),
                    ooxml.main().getPartName().getName().substring(1), limits);
        } catch (IOException | RuntimeException e) {
            return Result.failed(source.name(), Stage.READ, "read.xlsx.corrupt",
                    "expected a readable .xlsx workbook, found: " + OfficeFiles.firstLine(e));
        } finally {
            ooxml.pkg().revert();
        }
    }

    Result<Document> readXls(Source source, POIFSFileSystem fs) {
        try (Workbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
            return readWorkbook(source, wb, SourceFormat.XLS);
        } catch (IOException | RuntimeException e) {
            if (OfficeFiles.isEncrypted(e)) {
                return Result.failed(source.name(), Stage.READ, "read.xls.encrypted",
                        "the .xls is password-protected; save it without a password");
            }
            return Result.failed(source.name(), Stage.READ, "read.xls.corrupt",
                    "expected a readable Excel 97-2003 workbook, found: " + OfficeFiles.firstLine(e));
        }
    }

    /**
     * Reads a workbook through POI's usermodel: the .xls path, and the reference the .xlsx stream
     * is held to in the tests.
     */
    Result<Document> readWorkbook(Source source, Workbook wb, SourceFormat format) {
        List<Block> blocks = new ArrayList<>();
        int cells = 0;
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            List<Row> rows = rows(sheet);
            if (rows.isEmpty()) {
                continue;
            }
            for (Row r : rows) {
                cells += r.cells().size();
            }
            if (cells > limits.maxCells()) {
                return Result.failed(source.name(), Stage.READ, "read.too_many_cells",
                        String.format(Locale.ROOT, "the workbook has more than %d cells", limits.maxCells()));
            }
            blocks.add(new Table(blocks.size() + 1, sheet.getSheetName(), rows));
        }
        return Result.ok(new Document(source.name(), format, blocks));
    }

    /** The sheet's rows from row 1 to the last row with text; empty when the sheet has none. */
    private static List<Row> rows(Sheet sheet) {
        Map<Long, CellRangeAddress> anchors = new HashMap<>();
        List<CellRangeAddress> regions = sheet.getMergedRegions();
        for (CellRangeAddress region : regions) {
            anchors.put(key(region.getFirstRow(), region.getFirstColumn()), region);
        }
        Map<Integer, List<Cell>> byRow = new HashMap<>();
        Set<Long> placed = new HashSet<>();
        int last = -1;
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                int r = cell.getRowIndex();
                int c = cell.getColumnIndex();
                long k = key(r, c);
                CellRangeAddress region = anchors.get(k);
                String text = Grid.cellText(text(cell));
                if (text.isEmpty() && region == null) {
                    continue;
                }
                // Tested against the regions, not a set of every covered position: one region merging
                // a whole sheet would be a million entries (a 4 kB .xls exhausted the heap that way).
                // Blank cells go first: Excel fills merged areas with them, and the test costs
                // cells × regions.
                if (region == null && regions.stream().anyMatch(m -> m.isInRange(r, c))) {
                    continue;
                }
                int colSpan = region == null ? 1 : region.getLastColumn() - c + 1;
                int rowSpan = region == null ? 1 : region.getLastRow() - r + 1;
                byRow.computeIfAbsent(r, x -> new ArrayList<>()).add(new Cell(c, colSpan, rowSpan, text));
                placed.add(k);
                if (!text.isEmpty()) {
                    last = Math.max(last, r);
                }
            }
        }
        if (last < 0) {
            return List.of();
        }
        // A merged region whose top-left cell was never written still spans its area.
        for (Map.Entry<Long, CellRangeAddress> e : anchors.entrySet()) {
            CellRangeAddress region = e.getValue();
            if (!placed.contains(e.getKey()) && region.getFirstRow() <= last) {
                byRow.computeIfAbsent(region.getFirstRow(), x -> new ArrayList<>()).add(new Cell(
                        region.getFirstColumn(), region.getLastColumn() - region.getFirstColumn() + 1,
                        region.getLastRow() - region.getFirstRow() + 1, ""));
            }
        }
        List<Row> rows = new ArrayList<>(last + 1);
        for (int r = 0; r <= last; r++) {
            int rowsLeft = last - r + 1;
            // A merge reaching past the last row with text stops there, as Grid.place clamps spans.
            rows.add(new Row(byRow.getOrDefault(r, List.of()).stream()
                    .map(c -> c.rowSpan() <= rowsLeft ? c : new Cell(c.col(), c.colSpan(), rowsLeft, c.text()))
                    .toList()));
        }
        return rows;
    }

    private static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    private static String text(org.apache.poi.ss.usermodel.Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            Optional<String> typed = typedComparison(cell.getCellFormula());
            if (typed.isPresent()) {
                return typed.get();
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> numeric(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static String numeric(org.apache.poi.ss.usermodel.Cell cell) {
        if (DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
        }
        String format = cell.getCellStyle().getDataFormatString();
        return number(cell.getNumericCellValue(), format != null && isPercent(format));
    }

    /** A formula that is one percentage, nothing to compute: {@code 100%}, {@code １００％}, {@code 95.5%}. */
    private static final Pattern CONSTANT_FORMULA = Pattern.compile("[0-9\uFF10-\uFF19]+(?:[.\uFF0E][0-9\uFF10-\uFF19]+)?[%\uFF05]");

    /**
     * What was typed into a cell whose formula is a lone percentage: a form's {@code =100%} (指标值,
     * the comparator = and the figure) that the spreadsheet took for a formula and keeps as
     * {@code 100%} with the result 1, or with an error where the digits were full-width
     * ({@code ＝１００％}). Only a percentage: a weight, score or amount is never one, so a bare
     * number typed after = (=10) keeps reading as the number. Empty for any other formula, and
     * for none ({@code null}: a cell without one).
     */
    static Optional<String> typedComparison(String formula) {
        if (formula == null || formula.isEmpty()) {
            // Most cells: no formula, and no matcher built for them.
            return Optional.empty();
        }
        String f = formula.strip();
        return CONSTANT_FORMULA.matcher(f).matches() ? Optional.of("=" + f) : Optional.empty();
    }

    /**
     * A double as the decimal it was typed as: Java's shortest round-trip digits, no exponent, no
     * trailing zeros. {@code 10000.0 -> "10000"}, {@code 11.25 -> "11.25"},
     * {@code 0.6804} as a percentage {@code -> "68.04%"}.
     */
    static String number(double value, boolean percent) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = new BigDecimal(Double.toString(value));
        if (percent) {
            d = d.movePointRight(2);
        }
        String s = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        return percent ? s + "%" : s;
    }

    /** True when a number format shows a percentage: a {@code %} outside quotes. */
    static boolean isPercent(String format) {
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                i++;
            } else if (c == '%' && !quoted) {
                return true;
            }
        }
        return false;
    }

    private static Result<Document> notSpreadsheet(Source source, String found) {
        return Result.failed(source.name(), Stage.READ, "read.spreadsheet.not_spreadsheet",
                "expected an Excel workbook (.xlsx or .xls), found " + found);
    }
}
