package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the sheets of a .xlsx workbook as XML streams: no cell, row or string object of POI's
 * usermodel is ever built (its DOM of shared strings and sheets was 60 % of reading a form).
 *
 * <p>The result is cell for cell what {@link SpreadsheetReader} documents, and what POI's
 * usermodel gives for the same file: the same cell types and values ({@code t="s"} through the
 * shared strings, inline strings, cached formula results, {@code _xHHHH_} escapes decoded), the same
 * styles (the cell's {@code s}, else its column's), a number format looked up only for a numeric
 * cell, and POI's rules for rows and cells without a reference and for repeated ones (the later
 * wins). Array-formula ranges are not tracked: a cell inside one without a cached value reads blank
 * where POI reads 0.
 *
 * <p>Memory follows the cells that hold text, not the sheet's coordinates: cells are counted while
 * the sheet streams and the workbook is refused ({@code read.too_many_cells}) the moment they pass
 * the limit, before the sheet's end; a sheet whose rows (empty rows included, since table row
 * {@code n} is sheet row {@code n + 1}) pass the same limit is refused the same way. Text is held to
 * {@link ReadLimits#maxTextChars()} ({@code read.too_large}).
 */
final class XlsxWorkbook {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /** Limits a sheet's merged regions may cost when tested against the rows holding text. */
    private static final long MAX_MERGE_WORK = 20_000_000L;

    private final String name;
    private final OoxmlParts parts;
    private final ReadLimits limits;
    private String sharedStringsPart;
    private String stylesPart;
    private List<String> sharedStrings;
    private Styles styles;
    private boolean date1904;
    private int cells;
    private long rows;
    private long chars;

    private XlsxWorkbook(String name, OoxmlParts parts, ReadLimits limits) {
        this.name = name;
        this.parts = parts;
        this.limits = limits;
    }

    /** A limit broken in the middle of a stream: the read stops at once with this failure. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /**
     * Reads every sheet of the workbook whose main part is {@code workbookPart}.
     *
     * @return the document, or {@code Failed} with {@code read.xlsx.corrupt} (XML or values that
     *         cannot be read), {@code read.too_many_cells} or {@code read.too_large}
     * @throws IOException when a part cannot be inflated (zip damage, the zip-bomb guard); the caller
     *                     knows whether to fall back or to name a zip failure
     */
    static Result<Document> read(String name, OoxmlParts parts, String workbookPart, ReadLimits limits)
            throws IOException {
        try {
            return Result.ok(new XlsxWorkbook(name, parts, limits).read(workbookPart));
        } catch (Refused r) {
            return Result.failed(name, Stage.READ, r.code, r.getMessage());
        } catch (XMLStreamException | RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            return Result.failed(name, Stage.READ, "read.xlsx.corrupt",
                    "expected a readable .xlsx workbook, found: " + OfficeFiles.firstLine(e));
        }
    }

    private Document read(String workbookPart) throws IOException, XMLStreamException {
        Map<String, OoxmlParts.Relationship> byId = new HashMap<>();
        for (OoxmlParts.Relationship r : parts.relationships(workbookPart)) {
            byId.putIfAbsent(r.id(), r);
            if (sharedStringsPart == null && r.isType("sharedStrings")) {
                sharedStringsPart = r.target();
            } else if (stylesPart == null && r.isType("styles")) {
                stylesPart = r.target();
            }
        }
        List<Block> blocks = new ArrayList<>();
        List<String[]> sheets = sheets(workbookPart);
        if (!sheets.isEmpty() && sheets.stream().noneMatch(sheet -> byId.containsKey(sheet[1]))) {
            throw new XMLStreamException("the workbook lists " + sheets.size()
                    + " sheet(s) but its relationships name none of their parts");
        }
        for (String[] sheet : sheets) {
            OoxmlParts.Relationship rel = byId.get(sheet[1]);
            // A chart sheet holds no cells; a sheet whose part is missing is left out, as POI does.
            if (rel == null || !(rel.isType("worksheet") || rel.isType("dialogsheet"))) {
                continue;
            }
            List<Row> sheetRows;
            try (InputStream in = parts.open(rel.target())) {
                if (in == null) {
                    continue;
                }
                XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
                try {
                    sheetRows = new Sheet().read(xml);
                } finally {
                    xml.close();
                }
            }
            if (!sheetRows.isEmpty()) {
                blocks.add(new Table(blocks.size() + 1, sheet[0], sheetRows));
            }
        }
        return new Document(name, SourceFormat.XLSX, blocks);
    }

    /** The sheets in workbook order, each as {@code [name, relationship id]}; also reads {@code date1904}. */
    private List<String[]> sheets(String workbookPart) throws IOException, XMLStreamException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = parts.open(workbookPart)) {
            if (in == null) {
                throw new XMLStreamException("the workbook part " + workbookPart + " is missing");
            }
            XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT || !isMain(xml)) {
                        continue;
                    }
                    String local = xml.getLocalName();
                    if (local.equals("workbookPr")) {
                        String v = xml.getAttributeValue(null, "date1904");
                        date1904 = v != null && (v.strip().equals("1") || v.strip().equals("true"));
                    } else if (local.equals("sheet")) {
                        String sheetName = xml.getAttributeValue(null, "name");
                        String id = null;
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            String ns = xml.getAttributeNamespace(i);
                            if ("id".equals(xml.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                                id = xml.getAttributeValue(i);
                            }
                        }
                        if (id != null) {
                            out.add(new String[] {sheetName == null ? "" : sheetName, id});
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
        return out;
    }

    private static boolean isMain(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return MAIN.equals(ns) || STRICT.equals(ns);
    }

    // ---- shared strings and styles, read on first use ----

    private String sharedString(String v) throws IOException, XMLStreamException {
        if (sharedStrings == null) {
            sharedStrings = readSharedStrings();
        }
        // POI reads an index it cannot use as an empty string.
        try {
            int i = Integer.parseInt(v);
            return i >= 0 && i < sharedStrings.size() ? sharedStrings.get(i) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private List<String> readSharedStrings() throws IOException, XMLStreamException {
        List<String> out = new ArrayList<>();
        if (sharedStringsPart == null) {
            return out;
        }
        try (InputStream in = parts.open(sharedStringsPart)) {
            if (in == null) {
                return out;
            }
            XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
            try {
                long total = 0;
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && isMain(xml) && xml.getLocalName().equals("si")) {
                        String s = richText(xml);
                        total += s.length();
                        if (out.size() >= limits.maxCells()) {
                            throw new Refused("read.too_many_cells", String.format(Locale.ROOT,
                                    "the workbook's shared strings table has more than %d entries", limits.maxCells()));
                        }
                        if (total > limits.maxTextChars()) {
                            throw tooMuchText();
                        }
                        out.add(s);
                    }
                }
            } finally {
                xml.close();
            }
        }
        return out;
    }

    private Refused tooMuchText() {
        return new Refused("read.too_large", String.format(Locale.ROOT,
                "the workbook has more than %d characters of text", limits.maxTextChars()));
    }

    /** Number formats: {@code cellXfs} (style index to format id) and the workbook's own format codes. */
    private static final class Styles {
        private static final byte DECIDED = 1;
        private static final byte DATE = 2;
        private static final byte PERCENT = 4;

        final int[] formatIds;
        final Map<Short, String> formats;
        /**
         * How each style shows a number (DATE, PERCENT), decided on its first number: POI's date
         * test runs regular expressions over the format, and a sheet asks it of every number.
         */
        private final byte[] shows;

        Styles(int[] formatIds, Map<Short, String> formats) {
            this.formatIds = formatIds;
            this.formats = formats;
            this.shows = new byte[formatIds.length];
        }

        /** Whether an existing style's format is a date format (a valid date serial then reads as a date). */
        boolean isDate(int style) {
            return (decided(style) & DATE) != 0;
        }

        /** Whether an existing style's format shows a percentage. */
        boolean isPercent(int style) {
            return (decided(style) & PERCENT) != 0;
        }

        private byte decided(int style) {
            byte b = shows[style];
            if (b == 0) {
                int formatId = formatIds[style];
                String format = format(formatId);
                b = DECIDED;
                if (DateUtil.isADateFormat((short) formatId, format)) {
                    b |= DATE;
                }
                if (format != null && SpreadsheetReader.isPercent(format)) {
                    b |= PERCENT;
                }
                shows[style] = b;
            }
            return b;
        }

        boolean exists(int style) {
            return style >= 0 && style < formatIds.length;
        }

        String format(int formatId) {
            short id = (short) formatId;
            String custom = formats.get(id);
            return custom != null ? custom : BuiltinFormats.getBuiltinFormat(id);
        }
    }

    private Styles styles() throws IOException, XMLStreamException {
        if (styles != null) {
            return styles;
        }
        int[] ids = new int[16];
        int count = 0;
        Map<Short, String> formats = new HashMap<>();
        InputStream in = stylesPart == null ? null : parts.open(stylesPart);
        if (in == null) {
            // POI gives a workbook without styles one default style, General.
            styles = new Styles(new int[] {0}, formats);
            return styles;
        }
        try (in) {
            XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
            try {
                boolean inCellXfs = false;
                while (xml.hasNext()) {
                    int e = xml.next();
                    if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
                        inCellXfs = false;
                    }
                    if (e != XMLStreamConstants.START_ELEMENT || !isMain(xml)) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "numFmt" -> {
                            String id = xml.getAttributeValue(null, "numFmtId");
                            String code = xml.getAttributeValue(null, "formatCode");
                            if (id != null && code != null) {
                                formats.put((short) Long.parseLong(id.strip()), code);
                            }
                        }
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs) {
                                if (count == ids.length) {
                                    ids = Arrays.copyOf(ids, count * 2);
                                }
                                String id = xml.getAttributeValue(null, "numFmtId");
                                ids[count++] = id == null ? 0 : (int) Long.parseLong(id.strip());
                            }
                        }
                        case "fonts", "fills", "borders", "cellStyleXfs", "cellStyles", "dxfs", "colors", "extLst" ->
                                SecureXml.skipElement(xml);
                        default -> {
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
        styles = new Styles(Arrays.copyOf(ids, count), formats);
        return styles;
    }

    // ---- one sheet ----

    /** The cells of one sheet as it streams: only cells with text are kept, in parallel arrays. */
    private final class Sheet {
        private int[] cellRow = new int[64];
        private int[] cellCol = new int[64];
        private int[] cellSeq = new int[64];
        /** The text of each kept cell; null once a later cell or row element at its position replaced it. */
        private String[] cellText = new String[64];
        private int count;
        private int textCells;
        /** Where the cells of the current row element begin. */
        private int rowStart;
        /** Column to cell index for the current row element, built only once a cell repeats a column. */
        private Map<Integer, Integer> rowColumns;
        /** Rows given again by a later row element, with the latest element's sequence number. */
        private final Map<Integer, Integer> repeatedRows = new HashMap<>();

        private final List<int[]> colStyles = new ArrayList<>();
        private int[] regions = new int[16];
        private int regionCount;

        private int rowSeq;
        private int maxRowIndex = -1;

        List<Row> read(XMLStreamReader xml) throws XMLStreamException, IOException {
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog
            }
            if (!xml.isStartElement() || !isMain(xml) || !xml.getLocalName().equals("worksheet")
                    && !xml.getLocalName().equals("dialogsheet")) {
                throw new XMLStreamException("expected a worksheet, found " + (xml.isStartElement() ? xml.getLocalName() : "no element"));
            }
            while (nextChild(xml)) {
                if (!isMain(xml)) {
                    SecureXml.skipElement(xml);
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "cols" -> readCols(xml);
                    case "sheetData" -> readSheetData(xml);
                    case "mergeCells" -> readMergeCells(xml);
                    default -> SecureXml.skipElement(xml);
                }
            }
            return rows();
        }

        private void readCols(XMLStreamReader xml) throws XMLStreamException {
            while (nextChild(xml)) {
                if (isMain(xml) && xml.getLocalName().equals("col")) {
                    String min = xml.getAttributeValue(null, "min");
                    String max = xml.getAttributeValue(null, "max");
                    String style = xml.getAttributeValue(null, "style");
                    if (min != null && max != null) {
                        colStyles.add(new int[] {
                            (int) Long.parseLong(min.strip()) - 1,
                            (int) Long.parseLong(max.strip()) - 1,
                            style == null ? 0 : (int) Long.parseLong(style.strip())});
                    }
                }
                SecureXml.skipElement(xml);
            }
        }

        private void readSheetData(XMLStreamReader xml) throws XMLStreamException, IOException {
            while (nextChild(xml)) {
                if (isMain(xml) && xml.getLocalName().equals("row")) {
                    readRow(xml);
                } else {
                    SecureXml.skipElement(xml);
                }
            }
        }

        private void readRow(XMLStreamReader xml) throws XMLStreamException, IOException {
            String r = xml.getAttributeValue(null, "r");
            int row;
            if (r == null) {
                // POI numbers a row without a reference one past the highest row so far.
                row = maxRowIndex + 1;
            } else {
                row = (int) (Long.parseLong(r.strip()) - 1);
            }
            int seq = ++rowSeq;
            if (row <= maxRowIndex) {
                // Possibly a row given twice: the later element replaces the earlier one, as in POI's map.
                repeatedRows.put(row, seq);
                if (repeatedRows.size() > limits.maxCells()) {
                    throw tooManyCells();
                }
            }
            maxRowIndex = Math.max(maxRowIndex, row);
            rowStart = count;
            rowColumns = null;
            int maxCol = -1;
            while (nextChild(xml)) {
                if (isMain(xml) && xml.getLocalName().equals("c")) {
                    maxCol = readCell(xml, row, seq, maxCol);
                } else {
                    SecureXml.skipElement(xml);
                }
            }
        }

        /** Reads one {@code c}; returns the row's highest column so far. */
        private int readCell(XMLStreamReader xml, int row, int seq, int maxCol) throws XMLStreamException, IOException {
            String ref = null;
            String type = "n";
            int style = -1;
            for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                String ns = xml.getAttributeNamespace(i);
                if (ns != null && !ns.isEmpty()) {
                    continue;
                }
                switch (xml.getAttributeLocalName(i)) {
                    case "r" -> ref = xml.getAttributeValue(i);
                    case "t" -> type = xml.getAttributeValue(i).strip();
                    case "s" -> style = (int) Long.parseLong(xml.getAttributeValue(i).strip());
                    default -> {
                    }
                }
            }
            // POI places a cell without a reference one right of the row's highest cell so far.
            int col = ref == null ? maxCol + 1 : column(ref, 0, ref.length());
            boolean formula = false;
            String formulaText = null;
            String value = null;
            String inline = null;
            while (nextChild(xml)) {
                if (!isMain(xml)) {
                    SecureXml.skipElement(xml);
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "f" -> {
                        boolean table = "dataTable".equals(xml.getAttributeValue(null, "t"));
                        formula = formula || !table;
                        if (table) {
                            SecureXml.skipElement(xml);
                        } else {
                            formulaText = text(xml);
                        }
                    }
                    case "v" -> value = text(xml);
                    case "is" -> inline = richText(xml);
                    default -> SecureXml.skipElement(xml);
                }
            }
            Optional<String> typed = SpreadsheetReader.typedComparison(formulaText);
            String raw = typed.isPresent() ? typed.get() : value(type, formula, value, inline, style, col);
            String text = raw.isEmpty() ? "" : Grid.cellText(raw);
            if (col <= maxCol) {
                replace(col);
            }
            if (!text.isEmpty()) {
                add(row, col, seq, text);
                if (rowColumns != null) {
                    rowColumns.put(col, count - 1);
                }
            }
            return Math.max(maxCol, col);
        }

        /** A cell given again in its row element replaces the earlier one, blank or not (POI's map). */
        private void replace(int col) {
            if (rowColumns == null) {
                rowColumns = new HashMap<>();
                for (int i = rowStart; i < count; i++) {
                    if (cellText[i] != null) {
                        rowColumns.put(cellCol[i], i);
                    }
                }
            }
            Integer earlier = rowColumns.remove(col);
            if (earlier != null) {
                chars -= cellText[earlier].length();
                cellText[earlier] = null;
                textCells--;
            }
        }

        private void add(int row, int col, int seq, String text) {
            if (count == cellRow.length) {
                int n = count * 2;
                cellRow = Arrays.copyOf(cellRow, n);
                cellCol = Arrays.copyOf(cellCol, n);
                cellSeq = Arrays.copyOf(cellSeq, n);
                cellText = Arrays.copyOf(cellText, n);
            }
            cellRow[count] = row;
            cellCol[count] = col;
            cellSeq[count] = seq;
            cellText[count] = text;
            count++;
            if (!text.isEmpty()) {
                chars += text.length();
                if (cells + ++textCells > limits.maxCells()) {
                    throw tooManyCells();
                }
                if (chars > limits.maxTextChars()) {
                    throw tooMuchText();
                }
            }
        }

        /** The text of a cell as POI's usermodel reads it (see SpreadsheetReader for the forms). */
        private String value(String type, boolean formula, String v, String inline, int style, int col)
                throws IOException, XMLStreamException {
            switch (type) {
                case "s":
                    return v == null ? "" : sharedString(v);
                case "inlineStr":
                    return inline != null ? inline : v == null ? "" : utfDecode(v);
                case "str":
                    return v == null ? "" : utfDecode(v);
                case "b":
                    return "1".equals(v) ? "TRUE" : "FALSE";
                case "e":
                    if (v == null) {
                        return FormulaError.forInt(0).getString();
                    }
                    return FormulaError.forString(v).getString();
                case "d":
                    // ISO 8601 date cells (never written by Excel itself): the date as written.
                    return v == null ? "" : v;
                case "n":
                    if (v == null && !formula) {
                        return "";
                    }
                    double d = v == null || v.isEmpty() ? 0.0 : Double.parseDouble(v);
                    return number(d, style, col);
                default:
                    throw new IllegalStateException("illegal cell type: " + type);
            }
        }

        private String number(double d, int explicitStyle, int col) throws IOException, XMLStreamException {
            Styles st = styles();
            // POI takes the cell's own style when it exists, else its column's, else style 0.
            int style = st.exists(explicitStyle) ? explicitStyle : columnStyle(col);
            if (!st.exists(style)) {
                // POI has no style here and fails on the number; the General format reads it.
                return SpreadsheetReader.number(d, false);
            }
            if (st.isDate(style) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
                return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
            }
            return SpreadsheetReader.number(d, st.isPercent(style));
        }

        private int columnStyle(int col) {
            for (int[] c : colStyles) {
                if (c[0] <= col && col <= c[1]) {
                    return c[2];
                }
            }
            return 0;
        }

        private void readMergeCells(XMLStreamReader xml) throws XMLStreamException {
            while (nextChild(xml)) {
                if (isMain(xml) && xml.getLocalName().equals("mergeCell")) {
                    String ref = xml.getAttributeValue(null, "ref");
                    if (ref != null) {
                        addRegion(ref);
                    }
                }
                SecureXml.skipElement(xml);
            }
        }

        private void addRegion(String ref) {
            int sep = ref.indexOf(':');
            int a = sep < 0 ? ref.length() : sep;
            int b = sep < 0 ? 0 : sep + 1;
            int firstRow = row(ref, 0, a);
            int firstCol = column(ref, 0, a);
            int lastRow = sep < 0 ? firstRow : row(ref, b, ref.length());
            int lastCol = sep < 0 ? firstCol : column(ref, b, ref.length());
            if (lastRow < firstRow || lastCol < firstCol) {
                throw new IllegalArgumentException("invalid merged region " + ref);
            }
            if (regionCount == limits.maxCells()) {
                throw new Refused("read.too_many_cells", String.format(Locale.ROOT,
                        "a sheet has more than %d merged regions", limits.maxCells()));
            }
            if ((regionCount + 1) * 4 > regions.length) {
                regions = Arrays.copyOf(regions, regions.length * 2);
            }
            int k = regionCount++ * 4;
            regions[k] = firstRow;
            regions[k + 1] = lastRow;
            regions[k + 2] = firstCol;
            regions[k + 3] = lastCol;
        }

        /** The sheet's rows from row 1 to the last row with text, as SpreadsheetReader documents. */
        private List<Row> rows() {
            if (!repeatedRows.isEmpty()) {
                for (int i = 0; i < count; i++) {
                    Integer latest = repeatedRows.get(cellRow[i]);
                    if (latest != null && cellSeq[i] < latest) {
                        cellText[i] = null;
                    }
                }
            }
            Map<Long, Integer> anchors = new HashMap<>();
            for (int i = 0; i < regionCount; i++) {
                // A later region with the same corner replaces an earlier one, as in POI's map.
                anchors.put(key(regions[i * 4], regions[i * 4 + 2]), i);
            }
            Covered covered = new Covered();
            Map<Integer, List<Cell>> byRow = new HashMap<>();
            // Which regions (by index, the latest at each corner) have their corner's text placed.
            boolean[] cornerPlaced = new boolean[regionCount];
            int last = -1;
            int sheetCells = 0;
            for (int i = 0; i < count; i++) {
                int r = cellRow[i];
                int c = cellCol[i];
                String text = cellText[i];
                if (text == null || text.isEmpty() || r < 0) {
                    continue;
                }
                Integer region = regionCount == 0 ? null : anchors.get(key(r, c));
                // Text under a merged region, not at its corner, is hidden in Excel and left out.
                if (region == null && covered.contains(r, c)) {
                    continue;
                }
                int colSpan = region == null ? 1 : regions[region * 4 + 3] - c + 1;
                int rowSpan = region == null ? 1 : regions[region * 4 + 1] - r + 1;
                byRow.computeIfAbsent(r, x -> new ArrayList<>()).add(new Cell(c, colSpan, rowSpan, text));
                if (region != null) {
                    cornerPlaced[region] = true;
                }
                sheetCells++;
                last = Math.max(last, r);
            }
            if (last < 0) {
                return List.of();
            }
            // A merged region whose top-left cell holds no text still spans its area.
            for (int region : anchors.values()) {
                int k = region * 4;
                if (!cornerPlaced[region] && regions[k] >= 0 && regions[k] <= last) {
                    byRow.computeIfAbsent(regions[k], x -> new ArrayList<>()).add(new Cell(
                            regions[k + 2], regions[k + 3] - regions[k + 2] + 1, regions[k + 1] - regions[k] + 1, ""));
                    sheetCells++;
                }
            }
            cells += sheetCells;
            rows += last + 1L;
            if (cells > limits.maxCells()) {
                throw tooManyCells();
            }
            if (rows > limits.maxCells()) {
                throw new Refused("read.too_many_cells", String.format(Locale.ROOT,
                        "the workbook has more than %d rows (a sheet reaches row %d)", limits.maxCells(), last + 1L));
            }
            List<Row> out = new ArrayList<>(last + 1);
            Row empty = new Row(List.of());
            for (int r = 0; r <= last; r++) {
                List<Cell> here = byRow.get(r);
                if (here == null) {
                    out.add(empty);
                    continue;
                }
                int rowsLeft = last - r + 1;
                // A merge reaching past the last row with text stops there, as Grid.place clamps spans.
                List<Cell> clamped = new ArrayList<>(here.size());
                for (Cell c : here) {
                    clamped.add(c.rowSpan() <= rowsLeft ? c : new Cell(c.col(), c.colSpan(), rowsLeft, c.text()));
                }
                out.add(new Row(clamped));
            }
            return out;
        }

        /**
         * Which grid positions lie under a merged region: each row with text gets its regions sorted
         * by first column, so a test is a binary search rather than a pass over every region (a
         * hostile sheet may have hundreds of thousands of both).
         */
        private final class Covered {
            private final Map<Integer, int[]> firstCols = new HashMap<>();
            private final Map<Integer, int[]> maxLastCols = new HashMap<>();

            Covered() {
                if (regionCount == 0) {
                    return;
                }
                int[] textRows = new int[count];
                int n = 0;
                for (int i = 0; i < count; i++) {
                    if (cellText[i] != null && !cellText[i].isEmpty()) {
                        textRows[n++] = cellRow[i];
                    }
                }
                Arrays.sort(textRows, 0, n);
                int distinct = 0;
                for (int i = 0; i < n; i++) {
                    if (distinct == 0 || textRows[i] != textRows[distinct - 1]) {
                        textRows[distinct++] = textRows[i];
                    }
                }
                textRows = Arrays.copyOf(textRows, distinct);
                Map<Integer, List<int[]>> byRow = new HashMap<>();
                long work = 0;
                for (int i = 0; i < regionCount; i++) {
                    int k = i * 4;
                    int from = Arrays.binarySearch(textRows, regions[k]);
                    for (int j = from < 0 ? -from - 1 : from; j < textRows.length && textRows[j] <= regions[k + 1]; j++) {
                        byRow.computeIfAbsent(textRows[j], x -> new ArrayList<>()).add(new int[] {regions[k + 2], regions[k + 3]});
                        if (++work > MAX_MERGE_WORK) {
                            throw new Refused("read.too_many_cells", String.format(Locale.ROOT,
                                    "a sheet's merged regions cover more than %d row positions holding text", MAX_MERGE_WORK));
                        }
                    }
                }
                for (Map.Entry<Integer, List<int[]>> e : byRow.entrySet()) {
                    List<int[]> spans = e.getValue();
                    spans.sort((x, y) -> Integer.compare(x[0], y[0]));
                    int[] first = new int[spans.size()];
                    int[] maxLast = new int[spans.size()];
                    int max = Integer.MIN_VALUE;
                    for (int i = 0; i < spans.size(); i++) {
                        first[i] = spans.get(i)[0];
                        max = Math.max(max, spans.get(i)[1]);
                        maxLast[i] = max;
                    }
                    firstCols.put(e.getKey(), first);
                    maxLastCols.put(e.getKey(), maxLast);
                }
            }

            boolean contains(int row, int col) {
                int[] first = firstCols.get(row);
                if (first == null) {
                    return false;
                }
                // The last region starting at or left of col; any region up to it reaching col covers it.
                int i = Arrays.binarySearch(first, col);
                if (i < 0) {
                    i = -i - 2;
                } else {
                    while (i + 1 < first.length && first[i + 1] == col) {
                        i++;
                    }
                }
                return i >= 0 && maxLastCols.get(row)[i] >= col;
            }
        }
    }

    private Refused tooManyCells() {
        return new Refused("read.too_many_cells",
                String.format(Locale.ROOT, "the workbook has more than %d cells", limits.maxCells()));
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xFFFFFFFFL);
    }

    // ---- cell references ----

    /** The 0-based column of a reference such as {@code B7} or {@code $AB$12}. */
    static int column(String ref, int from, int to) {
        int col = 0;
        int letters = 0;
        for (int i = from; i < to; i++) {
            char ch = ref.charAt(i);
            if (ch == '$') {
                continue;
            }
            int v = ch >= 'A' && ch <= 'Z' ? ch - 'A' + 1 : ch >= 'a' && ch <= 'z' ? ch - 'a' + 1 : -1;
            if (v < 0) {
                break;
            }
            if (++letters > 6) {
                throw new IllegalArgumentException("bad cell reference " + ref);
            }
            col = col * 26 + v;
        }
        if (letters == 0) {
            throw new IllegalArgumentException("bad cell reference " + ref);
        }
        return col - 1;
    }

    /** The 0-based row of a reference; -1 when it has none ({@code B}), as POI reads it. */
    static int row(String ref, int from, int to) {
        int i = from;
        while (i < to && !Character.isDigit(ref.charAt(i))) {
            i++;
        }
        if (i == to) {
            return -1;
        }
        return Integer.parseInt(ref.substring(i, to)) - 1;
    }

    // ---- XML helpers ----

    /** Moves to the next child element of the current one; false at the current element's end. */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the part");
            }
        }
    }

    /** The character content of the current element (nested elements skipped); ends on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                if (first == null) {
                    first = xml.getText();
                } else {
                    if (more == null) {
                        more = new StringBuilder(first);
                    }
                    more.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                SecureXml.skipElement(xml);
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return more != null ? more.toString() : first == null ? "" : first;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the part");
            }
        }
    }

    /**
     * A rich text ({@code si} or {@code is}) as POI's {@code XSSFRichTextString.getString()}: the runs'
     * texts when it has runs, else its own {@code t}; phonetic runs ({@code rPh}) left out;
     * {@code _xHHHH_} escapes decoded.
     */
    private static String richText(XMLStreamReader xml) throws XMLStreamException {
        String plain = null;
        StringBuilder runs = null;
        while (nextChild(xml)) {
            String local = xml.getLocalName();
            if (local.equals("t")) {
                String t = text(xml);
                plain = plain == null ? t : plain + t;
            } else if (local.equals("r")) {
                if (runs == null) {
                    runs = new StringBuilder();
                }
                while (nextChild(xml)) {
                    if (xml.getLocalName().equals("t")) {
                        runs.append(text(xml));
                    } else {
                        SecureXml.skipElement(xml);
                    }
                }
            } else {
                SecureXml.skipElement(xml);
            }
        }
        return utfDecode(runs != null ? runs.toString() : plain == null ? "" : plain);
    }

    /** Decodes Excel's {@code _xHHHH_} escapes ({@code _x000D_} is a carriage return), as POI does. */
    static String utfDecode(String value) {
        int at = value.indexOf("_x");
        if (at < 0) {
            return value;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = at; i + 7 <= value.length(); ) {
            if (value.charAt(i) == '_' && value.charAt(i + 1) == 'x' && value.charAt(i + 6) == '_'
                    && isHex(value, i + 2, i + 6)) {
                if (out == null) {
                    out = new StringBuilder(value.length());
                }
                out.append(value, copied, i).append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
                i += 7;
                copied = i;
            } else {
                i++;
            }
        }
        if (out == null) {
            return value;
        }
        return out.append(value, copied, value.length()).toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
