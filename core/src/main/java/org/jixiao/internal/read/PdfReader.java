package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jixiao.internal.read.PdfLayout.PageBlock;
import org.jixiao.internal.read.PdfLayout.Part;
import org.jixiao.internal.read.PdfLayout.PartCell;
import org.jixiao.internal.read.PdfLayout.Text;
import org.jixiao.model.Block;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads PDF with Apache PDFBox: the text layer with positions, tables rebuilt from the ruling lines
 * ({@link PdfLayout}), into the same {@link Document} as the form's Word file gives.
 *
 * <p>Pages are read one at a time and only their tables and text are kept, so a long file costs
 * the memory of its object tree and one page. A table that ends a page and one that starts the
 * next with the same outer edges are one table broken by the page: they are joined on one grid, a
 * repeated header row (the next page's first row equal to a row of the table already read) is
 * dropped, and a merged cell that goes on across the break (a blank first-row cell under a cell
 * of the last row with the same edges) is one cell. Each row of a table knows its page, so a
 * {@code source_ref} reads {@code page 2, table 1, row 7, col 5}.
 *
 * <p>A page without ruled tables has a table drawn without lines rebuilt from its text's alignment
 * ({@link PdfStreamTable}). A file in which no page shows a table either way is read as text laid
 * out by position: each line of the page, with a tab where a wide gap parts two columns, goes
 * through {@link TextReader}'s rules for aligned text.
 *
 * <p>OCR is not done: a PDF whose pages hold no text (a scan) fails with
 * {@code read.pdf.no_text_layer}.
 */
public final class PdfReader implements DocumentReader {

    /** No form page holds near this many glyphs; a page that does is refused, not held in memory. */
    static final int MAX_GLYPHS_PER_PAGE = 200_000;
    /** Rulings kept per page; beyond this a page is a drawing, and the rest are not read. */
    static final int MAX_RULINGS_PER_PAGE = 20_000;
    /** Pages read at most; a form archive's longest file is far below. */
    static final int MAX_PAGES = 5_000;

    private final ReadLimits limits;
    private final TextReader text;

    public PdfReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.text = new TextReader(limits);
    }

    /** True when the bytes start as a PDF does ({@code %PDF-} within the first kilobyte, as readers allow). */
    static boolean looksLikePdf(byte[] b) {
        int n = Math.min(b.length - 5, 1024);
        for (int i = 0; i <= n; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code Failed} with {@code read.pdf.not_pdf}, {@code read.pdf.truncated} (no end of
     *         file marker: a download cut short), {@code read.pdf.encrypted} (a password is needed
     *         to open it), {@code read.pdf.corrupt}, {@code read.pdf.no_text_layer} (scanned pages,
     *         OCR is not done), {@code read.too_deep} (a hostile nesting of the page tree or
     *         objects), {@code read.too_large} or {@code read.too_many_cells}
     */
    @Override
    public Result<Document> read(Source source) {
        byte[] b = source.content();
        if (!looksLikePdf(b)) {
            return failed(source, "read.pdf.not_pdf", "expected a PDF file (%PDF- at the start), found other bytes");
        }
        if (!hasEndMarker(b)) {
            return failed(source, "read.pdf.truncated",
                    "the PDF has no %%EOF end marker in its last 2 kB: the file was cut short (an incomplete download or copy)");
        }
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(b), "", null, null,
                IOUtils.createMemoryOnlyStreamCache())) {
            return read(source, pdf);
        } catch (InvalidPasswordException e) {
            return failed(source, "read.pdf.encrypted",
                    "the PDF is password-protected (it cannot be opened without its password); save it without a password");
        } catch (StackOverflowError e) {
            // PDFBox walks the page tree and nested objects recursively; a hostile nesting ends here.
            return failed(source, "read.too_deep",
                    "the PDF's page tree or objects nest too deeply to read (thousands of levels; a real file has a few)");
        } catch (IOException | RuntimeException e) {
            return failed(source, "read.pdf.corrupt", "expected a readable PDF, found a broken one: " + OfficeFiles.firstLine(e));
        }
    }

    private Result<Document> read(Source source, PDDocument pdf) throws IOException {
        int pageCount = pdf.getNumberOfPages();
        if (pageCount > MAX_PAGES) {
            return failed(source, "read.too_large",
                    String.format(Locale.ROOT, "the PDF has %d pages, more than the limit of %d", pageCount, MAX_PAGES));
        }
        Assembly assembly = new Assembly(source.name());
        StringBuilder layoutText = new StringBuilder();
        long chars = 0;
        int glyphs = 0;
        int images = 0;
        int pageNumber = 0;
        for (PDPage page : pdf.getPages()) {
            pageNumber++;
            if (pageNumber > MAX_PAGES) {
                break;
            }
            PdfPage content = new PdfPage(page, MAX_GLYPHS_PER_PAGE, MAX_RULINGS_PER_PAGE);
            if (!content.read()) {
                return failed(source, "read.too_large", String.format(Locale.ROOT,
                        "page %d draws more than %d characters of text", pageNumber, MAX_GLYPHS_PER_PAGE));
            }
            glyphs += content.glyphs.size();
            images += content.images;
            for (PdfPage.Glyph g : content.glyphs) {
                chars += g.text().length();
            }
            if (chars > limits.maxTextChars()) {
                return failed(source, "read.too_large",
                        String.format(Locale.ROOT, "the document has more than %d characters of text", limits.maxTextChars()));
            }
            List<PageBlock> blocks = PdfLayout.layout(content, assembly.openPart());
            if (!assembly.add(pageNumber, blocks)) {
                return failed(source, "read.too_many_cells",
                        String.format(Locale.ROOT, "the tables have more than %d cells", limits.maxCells()));
            }
            if (!assembly.sawTable) {
                appendLayoutText(layoutText, content);
            }
        }
        if (glyphs == 0) {
            return failed(source, "read.pdf.no_text_layer", images > 0
                    ? String.format(Locale.ROOT, "the PDF's %d pages are images without a text layer (a scan); OCR is not done", pageCount)
                    : "the PDF has no text on any of its " + pageCount + " pages; OCR is not done");
        }
        if (!assembly.sawTable) {
            // Stream mode: no page has ruled tables, so columns come from the text's alignment.
            Document read = text.parse(source.name(), layoutText.toString());
            return Result.ok(new Document(source.name(), SourceFormat.PDF, read.blocks()));
        }
        return Result.ok(new Document(source.name(), SourceFormat.PDF, assembly.blocks()));
    }

    private static void appendLayoutText(StringBuilder out, PdfPage page) {
        for (List<PdfPage.Glyph> line : PdfLayout.lines(page.glyphs)) {
            StringBuilder text = new StringBuilder();
            PdfPage.Glyph previous = null;
            List<PdfPage.Glyph> run = new ArrayList<>();
            for (PdfPage.Glyph g : line) {
                // A gap of two glyphs or more parts two columns.
                if (previous != null && g.x() - previous.right() > 2 * g.height()) {
                    text.append(PdfLayout.lineText(run).strip()).append('\t');
                    run.clear();
                }
                run.add(g);
                previous = g;
            }
            text.append(PdfLayout.lineText(run).strip());
            out.append(text).append('\n');
        }
    }

    /** True when {@code %%EOF} is in the last 2 kB (writers may add a little after it). */
    private static boolean hasEndMarker(byte[] b) {
        int from = Math.max(0, b.length - 2048);
        String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static Result<Document> failed(Source source, String code, String message) {
        return Result.failed(source.name(), Stage.READ, code, message);
    }

    /**
     * Builds the document page by page: paragraphs as they come, table parts joined while a table
     * runs from the foot of one page to the head of the next.
     */
    private final class Assembly {
        private final String name;
        private final List<Block> blocks = new ArrayList<>();
        private int paragraphs;
        private int tables;
        private long cells;
        boolean sawTable;
        /** The last block read ends its page with a paragraph cut by the page break. */
        private boolean openParagraph;
        /** The table still open: the parts read so far with their pages, last block of its page. */
        private Joined open;

        Assembly(String name) {
            this.name = name;
        }

        /** The last part of the table the last page read ended in (it may go on), or null. */
        Part openPart() {
            return open == null ? null : open.parts.get(open.parts.size() - 1);
        }

        /** Adds one page's blocks; false when the cell limit is broken. */
        boolean add(int page, List<PageBlock> pageBlocks) {
            for (int i = 0; i < pageBlocks.size(); i++) {
                PageBlock block = pageBlocks.get(i);
                if (block instanceof Part part) {
                    sawTable = true;
                    cells += part.cells().size();
                    if (cells > limits.maxCells()) {
                        return false;
                    }
                    if (open != null && i == 0 && open.continuedBy(part)) {
                        open.append(page, part);
                    } else {
                        close();
                        open = new Joined(page, part);
                    }
                    if (i < pageBlocks.size() - 1) {
                        close();
                    }
                } else {
                    close();
                    Text text = (Text) block;
                    if (i == 0 && openParagraph && !blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Paragraph p) {
                        // The paragraph that ended the last page at full width goes on here.
                        blocks.set(blocks.size() - 1, new Paragraph(p.number(), p.text() + text.text()));
                    } else {
                        blocks.add(new Paragraph(++paragraphs, text.text()));
                    }
                }
                openParagraph = i == pageBlocks.size() - 1 && block instanceof Text t && t.open();
            }
            return true;
        }

        private void close() {
            if (open == null) {
                return;
            }
            try {
                blocks.add(open.table(tables + 1));
                tables++;
            } catch (IllegalArgumentException e) {
                // The pages' column edges would not lie on one grid (cells would overlap): the
                // parts stay tables of their own rather than the file failing.
                for (int i = 0; i < open.parts.size(); i++) {
                    blocks.add(new Joined(open.pages.get(i), open.parts.get(i)).table(++tables));
                }
            }
            open = null;
        }

        List<Block> blocks() {
            close();
            return blocks;
        }
    }

    /** A table gathered from one or more pages, laid on the union of their column edges. */
    private static final class Joined {
        private final List<Part> parts = new ArrayList<>();
        private final List<Integer> pages = new ArrayList<>();

        Joined(int page, Part part) {
            parts.add(part);
            pages.add(page);
        }

        /** True when {@code next}, at the head of a page, goes on with this table: the same outer edges. */
        boolean continuedBy(Part next) {
            Part last = parts.get(parts.size() - 1);
            return Math.abs(last.left() - next.left()) <= PdfLayout.SNAP
                    && Math.abs(last.right() - next.right()) <= PdfLayout.SNAP;
        }

        void append(int page, Part next) {
            parts.add(repeatsAHeader(next) ? withoutHeadRow(next) : next);
            pages.add(page);
        }

        /**
         * True when the part's first row repeats a row already read (a header row the writer
         * repeats on each page): its cells with text are those of that row, less the cells over
         * which the first row has a blank cell (a label merged down from above, not repeated).
         */
        private boolean repeatsAHeader(Part next) {
            List<String> first = rowSignature(next, 0, null);
            if (first.size() < 2) {
                return false;
            }
            java.util.Set<String> blankRanges = new java.util.HashSet<>();
            for (PartCell c : next.cells()) {
                if (c.row() == 0 && c.text().isBlank()) {
                    blankRanges.add(range(next, c));
                }
            }
            for (Part p : parts) {
                for (int r = 0; r < p.rowCount(); r++) {
                    if (first.equals(rowSignature(p, r, blankRanges))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The part without its first row; cells reaching below it start one row lower. */
        private static Part withoutHeadRow(Part part) {
            List<PartCell> cells = new ArrayList<>();
            for (PartCell c : part.cells()) {
                if (c.row() > 0) {
                    cells.add(new PartCell(c.row() - 1, c.fromEdge(), c.toEdge(), c.rowSpan(), c.text(), c.open(),
                            c.spare(), c.lines()));
                } else if (c.rowSpan() > 1) {
                    // A label merged down from the repeated row: its text was part of the repeat.
                    cells.add(new PartCell(0, c.fromEdge(), c.toEdge(), c.rowSpan() - 1, "", false, Float.NaN, 0));
                }
            }
            return new Part(part.top(), part.columnEdges(), part.rowCount() - 1, cells, part.linePitch());
        }

        private static String range(Part p, PartCell c) {
            return Math.round(p.columnEdges()[c.fromEdge()]) + "-" + Math.round(p.columnEdges()[c.toEdge()]);
        }

        /** A row's cells with text as "left-right:text" (edges rounded to whole points), less those over {@code without}. */
        private static List<String> rowSignature(Part p, int row, java.util.Set<String> without) {
            List<String> out = new ArrayList<>();
            for (PartCell c : p.cells()) {
                if (c.row() == row && !c.text().isBlank() && (without == null || !without.contains(range(p, c)))) {
                    out.add(range(p, c) + ":" + c.text());
                }
            }
            return out;
        }

        Table table(int number) {
            float[] edges = unionEdges();
            List<Grid.Placed> placed = new ArrayList<>();
            List<Integer> rowPages = new ArrayList<>();
            int rowOffset = 0;
            // Cells of the previous part that reach its last row, by their column range: a cell at
            // the head of the next part with the same range may go on with them.
            java.util.Map<Long, Integer> lastRowCells = new java.util.HashMap<>();
            // Those of them whose last line ran to the cell's edge and bottom, with their part's cell.
            java.util.Map<Integer, PartCell> openCells = new java.util.HashMap<>();
            for (int p = 0; p < parts.size(); p++) {
                Part part = parts.get(p);
                boolean splitRow = p > 0 && continuesARow(part, edges, lastRowCells, openCells, placed);
                // A row the page break cut in two is one row: the head row of this part lies on the last row read.
                int base = rowOffset - (splitRow ? 1 : 0);
                java.util.Map<Long, Integer> endingHere = new java.util.HashMap<>();
                java.util.Map<Integer, PartCell> openHere = new java.util.HashMap<>();
                for (PartCell c : part.cells()) {
                    int col = edgeIndex(edges, part.columnEdges()[c.fromEdge()]);
                    int end = edgeIndex(edges, part.columnEdges()[c.toEdge()]);
                    long key = ((long) col << 32) | end;
                    int rowSpan = Math.min(c.rowSpan(), part.rowCount() - c.row());
                    int index;
                    Integer above = c.row() == 0 && p > 0 ? lastRowCells.get(key) : null;
                    // A merged cell whose text the break cut: it spans rows on either side, unless
                    // the two pieces are two labels that each fill a line (经济效益指标 over
                    // 社会效益指标). So is the tail of a label the break cut off a one-row piece
                    // (可持续影响指|标): a few characters under words that ran to the cell's edge and
                    // bottom, leaving no room for one more (持续提升 over 健全 are two whole texts).
                    boolean cutMerge = above != null && openCells.containsKey(above)
                            && ((c.rowSpan() > 1 || placed.get(above).rowSpan() > 1)
                                    && !openCells.get(above).twoWordsWith(c)
                                || openCells.get(above).mayGoOnWith(c.text()) && cutWord(placed.get(above).text())
                                    && cutTail(c.text()));
                    // A blank head cell continues a merged label above it; blank under blank,
                    // or under a one-row cell, is a cell of its own, as Word keeps it.
                    Grid.Placed over = above == null ? null : placed.get(above);
                    boolean mergedOn = over != null && c.text().isBlank() && !over.text().isBlank()
                            && (c.rowSpan() > 1 || over.rowSpan() > 1);
                    if (above != null && (splitRow || mergedOn || cutMerge)) {
                        // The cell above goes on across the page break: a merged cell, or a cut row.
                        Grid.Placed a = placed.get(above);
                        String text = c.text().isBlank() ? a.text()
                                : a.text().isBlank() ? c.text()
                                : openCells.containsKey(above) ? a.text() + c.text() : a.text() + "\n" + c.text();
                        placed.set(above, new Grid.Placed(a.row(), a.col(), a.colSpan(),
                                a.rowSpan() + rowSpan - (splitRow ? 1 : 0), text));
                        index = above;
                    } else if (splitRow && c.row() == 0) {
                        // A blank piece of a cut row under no cell of the row: nothing to keep.
                        continue;
                    } else {
                        placed.add(new Grid.Placed(base + c.row(), col, Math.max(1, end - col), rowSpan, c.text()));
                        index = placed.size() - 1;
                    }
                    if (c.row() + c.rowSpan() >= part.rowCount()) {
                        endingHere.put(key, index);
                        if (c.open()) {
                            openHere.put(index, c);
                        }
                    }
                }
                for (int r = splitRow ? 1 : 0; r < part.rowCount(); r++) {
                    rowPages.add(pages.get(p));
                }
                rowOffset = base + part.rowCount();
                lastRowCells = endingHere;
                openCells = openHere;
            }
            // The rows Grid.rows keeps are those with text in a cell anchored there.
            boolean[] keep = new boolean[rowOffset];
            for (Grid.Placed c : placed) {
                if (!c.text().isBlank()) {
                    keep[c.row()] = true;
                }
            }
            List<Integer> keptPages = new ArrayList<>();
            for (int r = 0; r < rowOffset; r++) {
                if (keep[r]) {
                    keptPages.add(rowPages.get(r));
                }
            }
            List<Row> rows = Grid.rows(rowOffset, placed);
            return new Table(number, "", rows, keptPages);
        }

        /** A label the break may have cut: words of four characters or more, no figure (a value, ≥18年, is whole). */
        private static boolean cutWord(String text) {
            String t = text.strip();
            return t.length() >= 4 && t.codePoints().allMatch(Character::isIdeographic);
        }

        /** A word's last characters left alone by a page break: one to three, none a digit. */
        private static boolean cutTail(String text) {
            String t = text.strip();
            return !t.isEmpty() && t.length() <= 3 && t.chars().noneMatch(Character::isDigit)
                    && t.codePoints().allMatch(Character::isIdeographic);
        }

        /**
         * True when the head row of {@code part} is the rest of the last row read, cut by the page
         * break: it has text, every cell of it with text lies under a cell of the last row whose
         * last line ran up to its edge (so its text was cut there), and some one-row cell of the
         * last row with text has nothing under it (its text ended on the page before, as figures
         * and short texts do). A head row with text wherever the last row had some is a row of its
         * own, however full the lines above it.
         */
        private static boolean continuesARow(Part part, float[] edges, java.util.Map<Long, Integer> lastRowCells,
                                             java.util.Map<Integer, PartCell> openCells, List<Grid.Placed> placed) {
            boolean goesOn = false;
            java.util.Set<Long> underText = new java.util.HashSet<>();
            for (PartCell c : part.cells()) {
                if (c.row() != 0 || c.text().isBlank()) {
                    continue;
                }
                int col = edgeIndex(edges, part.columnEdges()[c.fromEdge()]);
                int end = edgeIndex(edges, part.columnEdges()[c.toEdge()]);
                long key = ((long) col << 32) | end;
                Integer above = lastRowCells.get(key);
                if (above == null || !openCells.containsKey(above) || !openCells.get(above).mayGoOnWith(c.text())) {
                    return false;
                }
                underText.add(key);
                goesOn = true;
            }
            boolean endedAbove = false;
            for (var e : lastRowCells.entrySet()) {
                Grid.Placed cell = placed.get(e.getValue());
                endedAbove |= cell.rowSpan() == 1 && !cell.text().isBlank() && !underText.contains(e.getKey());
            }
            return goesOn && endedAbove;
        }

        private float[] unionEdges() {
            int n = 0;
            for (Part p : parts) {
                n += p.columnEdges().length;
            }
            float[] all = new float[n];
            int i = 0;
            for (Part p : parts) {
                for (float e : p.columnEdges()) {
                    all[i++] = e;
                }
            }
            Arrays.sort(all);
            float[] out = new float[n];
            int m = 0;
            for (float e : all) {
                if (m == 0 || e - out[m - 1] > PdfLayout.SNAP) {
                    out[m++] = e;
                }
            }
            return Arrays.copyOf(out, m);
        }

        private static int edgeIndex(float[] edges, float at) {
            int best = 0;
            for (int i = 1; i < edges.length; i++) {
                if (Math.abs(edges[i] - at) < Math.abs(edges[best] - at)) {
                    best = i;
                }
            }
            return best;
        }
    }
}
