package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads OpenDocument text (.odt) and spreadsheets (.ods) by streaming {@code content.xml} with StAX.
 *
 * <p>The package is a zip whose {@code mimetype} entry names the kind. Its entries are read in one
 * pass under POI's zip-bomb rule (the ratio floor and entry cap of {@link OfficeFiles}), and the XML parser has DTDs and external entities switched off, so an XXE payload yields no text.
 * A package whose manifest declares encryption is refused before its scrambled XML is parsed.
 *
 * <p>What becomes of the markup:
 * <ul>
 *   <li>{@code table:table}: a {@link Table} (in a spreadsheet, one per sheet that holds text,
 *       named after the sheet). ODF lists every grid position of a row, a merge's hidden positions
 *       as {@code table:covered-table-cell}, so a cell's column is the count of position elements
 *       before it; {@code number-columns-spanned} / {@code number-rows-spanned} are its spans.
 *       {@code number-columns-repeated} / {@code number-rows-repeated} repeat a cell or a row; a
 *       repeated blank cell or row only moves the position (a sheet's trailing million blank rows
 *       cost nothing), and every cell made is counted against {@link ReadLimits#maxCells()} before
 *       it is made, so a hostile repeat count fails instead of filling memory.</li>
 *   <li>A text document keeps its blank cells (as a Word table does, so the grid equals the same
 *       form's .docx); a spreadsheet keeps only cells with text or a merge (as {@link
 *       SpreadsheetReader} does). Rows whose cells are all blank are dropped and spans reaching
 *       over them shrink, as in {@link Grid#rows}.</li>
 *   <li>{@code text:p} / {@code text:h} outside tables: a {@link Paragraph}; inside a cell: one line
 *       of the cell. {@code text:s} is spaces ({@code text:c} of them), {@code text:tab} a tab,
 *       {@code text:line-break} a line break; other white space collapses to one space, as ODF
 *       says. Spans, links, lists, sections and text boxes are read through; notes, annotations,
 *       tracked changes and declarations are skipped. A table nested in a cell adds its cell
 *       texts, one per line, to the outer cell.</li>
 * </ul>
 */
public final class OdfReader implements DocumentReader {

    /** The two OpenDocument kinds read, with the extension their failure codes use. */
    enum Kind {
        TEXT("odt", SourceFormat.ODT), SPREADSHEET("ods", SourceFormat.ODS);

        final String code;
        final SourceFormat format;

        Kind(String code, SourceFormat format) {
            this.code = code;
            this.format = format;
        }
    }

    static final String MIME_TEXT = "application/vnd.oasis.opendocument.text";
    static final String MIME_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";
    /** Templates ({@code -template}) hold the same content model. */
    private static final String TEMPLATE = "-template";

    /** No spreadsheet program goes past this column (LibreOffice's and Excel's 16,384). */
    static final int MAX_COLUMNS = 16_384;
    /** A {@code text:s} longer than this is hostile, not layout. */
    private static final int MAX_SPACES = 1_000;

    private static final String NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    /** Elements whose whole subtree holds no text of the body. */
    private static final Set<String> SKIPPED_TEXT = Set.of(
            "note", "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls",
            "dde-connection-decls", "alphabetical-index-mark", "bookmark-ref", "table-of-content-source",
            "index-title-template");
    private static final Set<String> SKIPPED_TABLE = Set.of(
            "table-column", "table-columns", "table-header-columns", "table-column-group", "named-expressions",
            "database-ranges", "content-validations", "calculation-settings", "label-ranges", "dde-links",
            "shapes", "table-source", "scenario", "data-pilot-tables", "consolidation", "tracked-changes");
    private static final Set<String> SKIPPED_OFFICE = Set.of(
            "annotation", "automatic-styles", "font-face-decls", "scripts", "forms", "event-listeners");

    private final ReadLimits limits;

    public OdfReader(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * The kind a package's first entry declares, read from the bytes without inflating anything:
     * ODF requires {@code mimetype} to be the first entry, stored uncompressed, so its text sits at
     * a fixed place in the local file header. Empty when the first entry is something else.
     */
    static Optional<String> leadingMimetype(byte[] b) {
        final int header = 30;
        if (b.length < header || b[0] != 0x50 || b[1] != 0x4B || b[2] != 0x03 || b[3] != 0x04) {
            return Optional.empty();
        }
        int method = u16(b, 8);
        long size = u16(b, 18) | ((long) u16(b, 20) << 16);
        int nameLength = u16(b, 26);
        int extraLength = u16(b, 28);
        int data = header + nameLength + extraLength;
        if (method != 0 || nameLength != 8 || size < 1 || size > 100 || data + size > b.length
                || !"mimetype".equals(new String(b, header, nameLength, StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new String(b, data, (int) size, StandardCharsets.US_ASCII).strip());
    }

    /** The kind a mimetype names; empty for other OpenDocument kinds (presentations, drawings). */
    static Optional<Kind> kindOf(String mimetype) {
        String m = mimetype.strip().toLowerCase(Locale.ROOT);
        if (m.equals(MIME_TEXT) || m.equals(MIME_TEXT + TEMPLATE)) {
            return Optional.of(Kind.TEXT);
        }
        if (m.equals(MIME_SPREADSHEET) || m.equals(MIME_SPREADSHEET + TEMPLATE)) {
            return Optional.of(Kind.SPREADSHEET);
        }
        return Optional.empty();
    }

    /** True when a mimetype says OpenDocument of any kind. */
    static boolean isOpenDocument(String mimetype) {
        return mimetype.strip().toLowerCase(Locale.ROOT).startsWith("application/vnd.oasis.opendocument.");
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code Failed} with {@code read.zip.corrupt}, {@code read.zip.bomb},
     *         {@code read.odt.not_odt} (not an OpenDocument text or spreadsheet),
     *         {@code read.odt.encrypted} / {@code read.ods.encrypted} (saved with a password),
     *         {@code read.odt.corrupt} / {@code read.ods.corrupt} (no or broken content.xml),
     *         {@code read.too_large} or {@code read.too_many_cells}
     */
    @Override
    public Result<Document> read(Source source) {
        // One pass over the entries, stopping at none: content.xml is parsed as it inflates, and
        // the manifest (which LibreOffice writes last) is read when it comes.
        String mimetype = "";
        boolean encrypted = false;
        boolean sawContent = false;
        Result<Document> parsed = null;
        String broken = null;
        byte[] early = null;
        Counted raw = new Counted(source.content());
        try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                InputStream in = new BombGuard(zip, raw);
                switch (e.getName()) {
                    case "mimetype" -> mimetype = new String(in.readNBytes(1024), StandardCharsets.US_ASCII).strip();
                    case "META-INF/manifest.xml" ->
                            encrypted = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).contains("encryption-data");
                    case "content.xml" -> {
                        sawContent = true;
                        Optional<Kind> kind = kindOf(mimetype);
                        if (kind.isEmpty()) {
                            // mimetype not (yet) seen: an out-of-order package; keep the part for later
                            early = in.readAllBytes();
                        } else {
                            try {
                                parsed = parse(source.name(), kind.get(), in);
                            } catch (XMLStreamException | RuntimeException x) {
                                if (OfficeFiles.isBomb(x)) {
                                    return OfficeFiles.zipFailure(source, x);
                                }
                                broken = OfficeFiles.firstLine(x);
                            }
                        }
                    }
                    default -> {
                        // styles, settings, thumbnails, pictures: skipped (still inflated under the guard)
                    }
                }
            }
            Optional<Kind> kind = kindOf(mimetype);
            if (kind.isEmpty()) {
                return Result.failed(source.name(), Stage.READ, "read.odt.not_odt",
                        "expected an OpenDocument text or spreadsheet, found a zip whose mimetype is "
                                + (mimetype.isEmpty() ? "missing" : "'" + mimetype + "'"));
            }
            String code = "read." + kind.get().code;
            if (encrypted) {
                return Result.failed(source.name(), Stage.READ, code + ".encrypted",
                        "the file is password-protected (its manifest declares encrypted parts); save it without a password");
            }
            if (!sawContent) {
                return Result.failed(source.name(), Stage.READ, code + ".corrupt",
                        "expected a content.xml part in the OpenDocument package, found none");
            }
            if (early != null) {
                try {
                    parsed = parse(source.name(), kind.get(), new ByteArrayInputStream(early));
                } catch (XMLStreamException | RuntimeException x) {
                    broken = OfficeFiles.firstLine(x);
                }
            }
            if (parsed == null) {
                return Result.failed(source.name(), Stage.READ, code + ".corrupt",
                        "expected well-formed OpenDocument XML in content.xml, found: " + broken);
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            if (OfficeFiles.isBomb(e)) {
                return OfficeFiles.zipFailure(source, e);
            }
            return Result.failed(source.name(), Stage.READ, "read.zip.corrupt",
                    "expected a readable OpenDocument zip archive, found a broken one: " + OfficeFiles.firstLine(e));
        }
    }

    private Result<Document> parse(String name, Kind kind, InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SecureXml.factory().createXMLStreamReader(in);
        try {
            return new Body(name, kind, limits).read(xml);
        } finally {
            xml.close();
        }
    }

    /** The archive's bytes, counting how many the inflater has taken so far. */
    private static final class Counted extends ByteArrayInputStream {
        Counted(byte[] b) {
            super(b);
        }

        long taken() {
            return pos;
        }
    }

    /**
     * POI's zip-bomb rule over one entry: past a grace of 100 kB, an entry inflating beyond
     * 1/{@link OfficeFiles#MIN_INFLATE_RATIO} of the compressed bytes it took, or beyond
     * {@link OfficeFiles#MAX_ENTRY_SIZE}, is a bomb. The JDK's zip stream is used for its speed (a
     * form's package has a dozen entries); the compressed count it took is read off the archive
     * bytes, within the JDK's 512-byte read-ahead, which the grace covers.
     */
    private static final class BombGuard extends FilterInputStream {
        private static final long GRACE = 100 * 1024;
        private final Counted raw;
        private final long start;
        private long inflated;

        BombGuard(InputStream entry, Counted raw) {
            super(entry);
            this.raw = raw;
            this.start = raw.taken();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                inflated++;
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                inflated += n;
                check();
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream outlives its entries
        }

        private void check() throws IOException {
            long taken = raw.taken() - start;
            if (inflated > OfficeFiles.MAX_ENTRY_SIZE
                    || (inflated > GRACE && (double) taken / inflated < OfficeFiles.MIN_INFLATE_RATIO)) {
                throw new IOException(String.format(Locale.ROOT,
                        "Zip bomb detected! An entry inflates %d compressed bytes to %d", taken, inflated));
            }
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** A cell made from the markup, at its 0-based grid column, with spans in the file's own rows. */
    private record Made(int col, int colSpan, int rowSpan, String text) {
    }

    /** A row of the file that made cells, at its 0-based row index in the file. */
    private record MadeRow(long index, List<Made> cells) {
    }

    /** Thrown inside the walk when a limit is broken; turned into the failure at the top. */
    private static final class LimitBroken extends RuntimeException {
        final String code;

        LimitBroken(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** One {@code table:table} being read. */
    private static final class TableBuilder {
        final String name;
        final List<MadeRow> rows = new ArrayList<>();
        long row;
        long col;
        long rowRepeat;
        List<Made> rowCells;
        /** The cell being read: its text, spans and repeat, or null between cells. */
        StringBuilder open;
        boolean openCovered;
        int openColSpan;
        int openRowSpan;
        long openRepeat;

        TableBuilder(String name) {
            this.name = name;
        }

        /** Nested table text for its outer cell: each cell's lines, row by row. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (MadeRow r : rows) {
                for (Made c : r.cells) {
                    Grid.appendLines(out, c.text);
                }
            }
            return out.toString();
        }

        /** The grid with all-blank rows dropped and the spans over them shrunk. */
        List<Row> grid() {
            List<MadeRow> kept = new ArrayList<>();
            for (MadeRow r : rows) {
                if (r.cells.stream().anyMatch(c -> !c.text.isBlank())) {
                    kept.add(r);
                }
            }
            long[] index = new long[kept.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = kept.get(i).index;
            }
            List<Row> out = new ArrayList<>(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                MadeRow r = kept.get(i);
                List<Cell> cells = new ArrayList<>(r.cells.size());
                for (Made c : r.cells) {
                    // The kept rows from this one up to the end of the cell's span in the file.
                    int end = upperBound(index, r.index + c.rowSpan - 1);
                    cells.add(new Cell(c.col, c.colSpan, Math.max(1, end - i), c.text));
                }
                out.add(new Row(cells));
            }
            return out;
        }

        /** The number of entries of the sorted {@code a} that are at most {@code key}. */
        private static int upperBound(long[] a, long key) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** The state of one streaming pass over {@code office:body}. */
    private static final class Body {
        private final String name;
        private final Kind kind;
        private final ReadLimits limits;
        private final List<Block> blocks = new ArrayList<>();
        private final Deque<TableBuilder> tables = new ArrayDeque<>();
        private final Deque<StringBuilder> paragraphs = new ArrayDeque<>();
        /** Whether the last character appended was collapsible white space (ODF collapses runs). */
        private boolean afterSpace;
        private long chars;
        private long cells;
        private int paragraphCount;
        private int tableCount;

        Body(String name, Kind kind, ReadLimits limits) {
            this.name = name;
            this.kind = kind;
            this.limits = limits;
        }

        Result<Document> read(XMLStreamReader xml) throws XMLStreamException {
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        start(xml);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        end(xml.getNamespaceURI(), xml.getLocalName());
                    } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                            || event == XMLStreamConstants.SPACE) && !paragraphs.isEmpty()) {
                        // The parser's own buffer: no String for each run of text, most of it outside paragraphs.
                        appendCollapsing(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    // ENTITY_REFERENCE events are left unresolved on purpose (XXE).
                }
            } catch (LimitBroken e) {
                return Result.failed(name, Stage.READ, e.code, e.getMessage());
            }
            return Result.ok(new Document(name, kind.format, blocks));
        }

        private void start(XMLStreamReader xml) throws XMLStreamException {
            String ns = xml.getNamespaceURI();
            String local = xml.getLocalName();
            if (NS_TEXT.equals(ns)) {
                if (SKIPPED_TEXT.contains(local)) {
                    SecureXml.skipElement(xml);
                    return;
                }
                switch (local) {
                    case "p", "h" -> {
                        paragraphs.push(new StringBuilder());
                        afterSpace = false;
                    }
                    case "s" -> {
                        int n = (int) Math.min(MAX_SPACES, Math.max(1, longAttribute(xml, NS_TEXT, "c", 1)));
                        appendExact(" ".repeat(n));
                    }
                    case "tab" -> appendExact("\t");
                    case "line-break" -> appendExact("\n");
                    default -> {
                        // span, a, list, list-item, section, soft-page-break, ... are read through
                    }
                }
            } else if (NS_TABLE.equals(ns)) {
                if (SKIPPED_TABLE.contains(local)) {
                    SecureXml.skipElement(xml);
                    return;
                }
                switch (local) {
                    case "table" -> {
                        String sheet = xml.getAttributeValue(NS_TABLE, "name");
                        tables.push(new TableBuilder(sheet == null ? "" : sheet));
                    }
                    case "table-row" -> startRow(xml);
                    case "table-cell" -> startCell(xml, false);
                    case "covered-table-cell" -> startCell(xml, true);
                    default -> {
                        // table-header-rows, table-row-group, table-rows are read through
                    }
                }
            } else if (NS_OFFICE.equals(ns) && SKIPPED_OFFICE.contains(local)) {
                SecureXml.skipElement(xml);
            } else if ("desc".equals(local) || "title".equals(local)) {
                // svg:desc / svg:title of a drawing: alternative text, not shown on the page.
                SecureXml.skipElement(xml);
            }
        }

        private void end(String ns, String local) {
            if (NS_TEXT.equals(ns) && ("p".equals(local) || "h".equals(local))) {
                StringBuilder p = paragraphs.poll();
                if (p != null) {
                    endParagraph(p);
                }
            } else if (NS_TABLE.equals(ns)) {
                switch (local) {
                    case "table-cell", "covered-table-cell" -> endCell();
                    case "table-row" -> endRow();
                    case "table" -> endTable();
                    default -> {
                    }
                }
            }
        }

        private void startRow(XMLStreamReader xml) {
            TableBuilder t = tables.peek();
            if (t == null) {
                return;
            }
            t.rowRepeat = Math.max(1, longAttribute(xml, NS_TABLE, "number-rows-repeated", 1));
            t.col = 0;
            t.rowCells = new ArrayList<>();
        }

        private void startCell(XMLStreamReader xml, boolean covered) {
            TableBuilder t = tables.peek();
            if (t == null) {
                return;
            }
            if (t.rowCells == null) {
                // a cell outside any row: malformed, read as a row of its own
                t.rowRepeat = 1;
                t.col = 0;
                t.rowCells = new ArrayList<>();
            }
            t.open = new StringBuilder();
            t.openCovered = covered;
            t.openRepeat = Math.max(1, longAttribute(xml, NS_TABLE, "number-columns-repeated", 1));
            t.openColSpan = covered ? 1 : clampSpan(longAttribute(xml, NS_TABLE, "number-columns-spanned", 1));
            t.openRowSpan = covered ? 1 : clampSpan(longAttribute(xml, NS_TABLE, "number-rows-spanned", 1));
        }

        private void endCell() {
            TableBuilder t = tables.peek();
            if (t == null || t.open == null) {
                return;
            }
            String text = Grid.cellText(t.open);
            long repeat = t.openRepeat;
            boolean keep = !t.openCovered && (kind == Kind.TEXT || !text.isEmpty()
                    || t.openColSpan > 1 || t.openRowSpan > 1);
            if (keep) {
                count(repeat);
                if (t.col + repeat - 1 + t.openColSpan > MAX_COLUMNS) {
                    throw new LimitBroken("read.too_many_cells", String.format(Locale.ROOT,
                            "table %d: a cell reaches past column %d", tableCount + 1, MAX_COLUMNS));
                }
                for (long i = 0; i < repeat; i++) {
                    t.rowCells.add(new Made((int) (t.col + i), t.openColSpan, t.openRowSpan, text));
                }
            }
            // Every cell element is one grid position: the positions a span covers follow as
            // covered cells of their own, so a span never moves the column itself.
            t.col += repeat;
            t.open = null;
        }

        private void endRow() {
            TableBuilder t = tables.peek();
            if (t == null || t.rowCells == null) {
                return;
            }
            List<Made> made = t.rowCells;
            long repeat = t.rowRepeat;
            if (!made.isEmpty()) {
                // The first copy was counted as it was made; the others are counted before they are.
                count((repeat - 1) * made.size());
                for (long i = 0; i < repeat; i++) {
                    t.rows.add(new MadeRow(t.row + i, made));
                }
            }
            t.row += repeat;
            t.rowCells = null;
        }

        private void endTable() {
            TableBuilder inner = tables.poll();
            if (inner == null) {
                return;
            }
            TableBuilder outer = tables.peek();
            if (outer != null) {
                if (outer.open != null) {
                    Grid.appendLines(outer.open, inner.text());
                }
                return;
            }
            List<Row> rows = inner.grid();
            if (kind == Kind.SPREADSHEET) {
                if (!rows.isEmpty()) {
                    blocks.add(new Table(++tableCount, inner.name, rows));
                }
            } else {
                blocks.add(new Table(++tableCount, rows));
            }
        }

        private void count(long more) {
            cells += more;
            if (more < 0 || cells > limits.maxCells()) {
                throw new LimitBroken("read.too_many_cells",
                        String.format(Locale.ROOT, "the tables have more than %d cells", limits.maxCells()));
            }
        }

        private void endParagraph(StringBuilder p) {
            TableBuilder table = tables.peek();
            if (table != null && table.open != null) {
                Grid.appendLines(table.open, p);
                return;
            }
            if (table != null) {
                // a paragraph in a table but in no cell: malformed, its text is dropped as layout
                return;
            }
            String text = Grid.cellText(p);
            if (!text.isEmpty()) {
                blocks.add(new Paragraph(++paragraphCount, text));
            }
        }

        /** Character data: tabs, line ends and runs of spaces are one space (ODF 1.2, 6.1.2). */
        private void appendCollapsing(char[] text, int start, int length) {
            StringBuilder p = paragraphs.peek();
            if (p == null) {
                return;
            }
            for (int i = start; i < start + length; i++) {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    if (!afterSpace) {
                        p.append(' ');
                        afterSpace = true;
                    }
                } else {
                    p.append(c);
                    afterSpace = false;
                }
            }
            added(length);
        }

        /** Text from an element ({@code text:s}, {@code text:tab}, ...), kept as it is. */
        private void appendExact(String s) {
            StringBuilder p = paragraphs.peek();
            if (p != null) {
                p.append(s);
                afterSpace = false;
                added(s.length());
            }
        }

        private void added(int length) {
            chars += length;
            if (chars > limits.maxTextChars()) {
                throw new LimitBroken("read.too_large",
                        String.format(Locale.ROOT, "the document has more than %d characters of text", limits.maxTextChars()));
            }
        }

        private static int clampSpan(long span) {
            return (int) Math.max(1, Math.min(Grid.MAX_SPAN, span));
        }

        /** A non-negative integer attribute; {@code fallback} when absent or not a number. */
        private static long longAttribute(XMLStreamReader xml, String ns, String local, long fallback) {
            String v = xml.getAttributeValue(ns, local);
            if (v == null) {
                return fallback;
            }
            try {
                long n = Long.parseLong(v.strip());
                // Beyond any real count; the cell limit stops such a repeat before it costs anything.
                return Math.max(0, Math.min(n, Integer.MAX_VALUE));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
