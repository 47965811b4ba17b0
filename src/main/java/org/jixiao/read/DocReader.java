package org.jixiao.read;

import org.apache.poi.OldFileFormatException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.HWPFDocumentCore;
import org.apache.poi.hwpf.converter.AbstractWordConverter;
import org.apache.poi.hwpf.usermodel.Bookmark;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.OfficeDrawing;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Picture;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Section;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jixiao.model.Block;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads legacy Word 97-2003 .doc files through POI HWPF.
 *
 * <p>In .doc a horizontal merge shows only as cell widths ({@code isMerged()} is false
 * everywhere, LIBRARIES.md), so grid columns come from the cell edges of all rows, and a vertical
 * merge from {@code isFirstVerticallyMerged}/{@code isVerticallyMerged}; POI's
 * {@link AbstractWordConverter} already walks a document that way, with fields, bookmarks,
 * hyperlinks, list labels and notes resolved. This reader is such a converter, but it writes
 * paragraphs and grid cells directly instead of an HTML tree: the document reads exactly as POI's
 * {@code WordToHtmlConverter} output read by {@link HtmlReader} (the way .doc was read before, and
 * the reference the tests hold this reader to) without building, serialising and re-parsing that
 * HTML, which was 80 % of reading a .doc.
 *
 * <p>What HTML would have shown is kept: header rows ({@code isTableHeader}) come first in their
 * table, a table with header rows only is left out, list labels start their paragraph, a note's
 * number stays where it is anchored and its text follows the body as a paragraph, drop-down
 * fields and pictures give no text. A table nested in a cell adds its cells' texts, one per line,
 * to the outer cell (HWPF mostly flattens them already).
 */
public final class DocReader implements DocumentReader {

    private final ReadLimits limits;

    public DocReader(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code Failed} with {@code read.ole2.corrupt}, {@code read.doc.not_doc} (another OLE2
     *         file), {@code read.doc.encrypted}, {@code read.doc.old_format} (Word 6/95),
     *         {@code read.doc.corrupt}, {@code read.too_large} or {@code read.too_many_cells}
     */
    @Override
    public Result<Document> read(Source source) {
        return OfficeFiles.openOle2(source).then(fs -> {
            OfficeFiles.Ole2Kind kind = OfficeFiles.kindOf(fs);
            if (kind == OfficeFiles.Ole2Kind.ENCRYPTED_OOXML) {
                return OfficeFiles.encrypted(source);
            }
            if (kind != OfficeFiles.Ole2Kind.DOC) {
                return Result.failed(source.name(), Stage.READ, "read.doc.not_doc",
                        "expected a Word 97-2003 document (a WordDocument stream), found an OLE2 file without one");
            }
            return read(source, fs);
        });
    }

    Result<Document> read(Source source, POIFSFileSystem fs) {
        try (HWPFDocument doc = new HWPFDocument(fs)) {
            Walk walk = new Walk(limits);
            walk.processDocument(doc);
            return Result.ok(new Document(source.name(), SourceFormat.DOC, walk.finish()));
        } catch (Refused r) {
            return Result.failed(source.name(), Stage.READ, r.code, r.getMessage());
        } catch (OldFileFormatException e) {
            return Result.failed(source.name(), Stage.READ, "read.doc.old_format",
                    "expected a Word 97-2003 document, found an older Word format: " + OfficeFiles.firstLine(e));
        } catch (IOException | RuntimeException e) {
            if (OfficeFiles.isEncrypted(e)) {
                return Result.failed(source.name(), Stage.READ, "read.doc.encrypted",
                        "the .doc is password-protected; save it without a password");
            }
            return Result.failed(source.name(), Stage.READ, "read.doc.corrupt",
                    "expected a readable Word 97-2003 document, found: " + OfficeFiles.firstLine(e));
        }
    }

    /** A limit broken in the middle of the walk: the read stops at once with this failure. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /**
     * Where text goes: the page (paragraphs) or a cell (lines). Text is laid out as a browser shows
     * the HTML: whitespace runs one space, a line break a new line, a block edge (a paragraph, a
     * nested table's rows and cells) a new paragraph on the page or a new line in a cell.
     */
    private abstract static class Sink {
        final StringBuilder text = new StringBuilder();

        void chars(String s) {
            HtmlReader.appendCollapsed(text, s);
        }

        void lineBreak() {
            text.append('\n');
        }

        abstract void edge();
    }

    /** A cell's text, or a note's: a block edge breaks the line. */
    private static final class CellSink extends Sink {
        @Override
        void edge() {
            text.append('\n');
        }
    }

    /** The walk over the whole document, collecting blocks as HtmlReader's page walk does. */
    private static final class Walk extends AbstractWordConverter {
        private final ReadLimits limits;
        private final List<Block> blocks = new ArrayList<>();
        private final Sink page = new Sink() {
            @Override
            void edge() {
                String paragraph = Grid.cellText(text);
                text.setLength(0);
                if (!paragraph.isEmpty()) {
                    blocks.add(new org.jixiao.model.Paragraph(++paragraphs, paragraph));
                }
            }
        };
        private Sink sink = page;
        /** Each note's number and text, in anchor order; they follow the body. */
        private final List<StringBuilder> notes = new ArrayList<>();
        private int paragraphs;
        private int tables;
        /** Grid positions the tables so far cover, spans counted in full (HtmlReader's measure). */
        private long cells;
        private long chars;

        Walk(ReadLimits limits) {
            this.limits = limits;
        }

        List<Block> finish() {
            page.edge();
            return blocks;
        }

        @Override
        public org.w3c.dom.Document getDocument() {
            return null;
        }

        @Override
        protected void outputCharacters(Element block, CharacterRun characterRun, String text) {
            chars += text.length();
            if (chars > limits.maxTextChars()) {
                throw new Refused("read.too_large", String.format(Locale.ROOT,
                        "the document has more than %d characters of text", limits.maxTextChars()));
            }
            sink.chars(text);
        }

        @Override
        protected void processBookmarks(HWPFDocumentCore doc, Element block, Range range, int level,
                List<Bookmark> bookmarks) {
            if (range != null) {
                processCharacters(doc, level, range, block);
            }
        }

        @Override
        protected void processDocumentInformation(SummaryInformation summary) {
            // The HTML head: no text of the page.
        }

        @Override
        protected void processDropDownList(Element block, CharacterRun run, String[] values, int defaultIndex) {
            // A <select> in HTML, whose options are no text of the page.
        }

        @Override
        protected void processDrawnObject(HWPFDocument doc, CharacterRun run, OfficeDrawing drawing, String path,
                Element block) {
            // A picture: no text.
        }

        @Override
        protected void processImage(Element block, boolean inlined, Picture picture, String url) {
            // A picture: no text.
        }

        @Override
        protected void processImageWithoutPicturesManager(Element block, boolean inlined, Picture picture) {
            // A picture: no text.
        }

        @Override
        protected void processEndnoteAutonumbered(HWPFDocument doc, int index, Element block, Range text) {
            note(doc, index, block, text);
        }

        @Override
        protected void processFootnoteAutonumbered(HWPFDocument doc, int index, Element block, Range text) {
            note(doc, index, block, text);
        }

        /** The note's number where it is anchored; "number text" among the notes after the body. */
        private void note(HWPFDocument doc, int index, Element block, Range noteText) {
            String number = String.valueOf(index + 1);
            sink.chars(number);
            Sink note = new CellSink();
            note.chars(number);
            note.chars(" ");
            Sink outer = sink;
            sink = note;
            try {
                processCharacters(doc, Integer.MIN_VALUE, noteText, block);
            } finally {
                sink = outer;
            }
            notes.add(note.text);
        }

        @Override
        protected void afterProcess() {
            // The notes' block after the body: one paragraph a note.
            page.edge();
            for (StringBuilder note : notes) {
                page.edge();
                page.text.append(note);
                page.edge();
            }
            notes.clear();
        }

        @Override
        protected void processHyperlink(HWPFDocumentCore doc, Element block, Range textRange, int level, String link) {
            if (textRange != null) {
                processCharacters(doc, level, textRange, block);
            }
        }

        @Override
        protected void processPageref(HWPFDocumentCore doc, Element block, Range textRange, int level, String ref) {
            if (textRange != null) {
                processCharacters(doc, level, textRange, block);
            }
        }

        @Override
        protected void processLineBreak(Element block, CharacterRun run) {
            sink.lineBreak();
        }

        @Override
        protected void processPageBreak(HWPFDocumentCore doc, Element flow) {
            sink.lineBreak();
        }

        @Override
        protected void processParagraph(HWPFDocumentCore doc, Element parent, int level, Paragraph paragraph,
                String bulletText) {
            sink.edge();
            if (paragraph.numCharacterRuns() == 0) {
                sink.edge();
                return;
            }
            if (bulletText != null && !bulletText.isEmpty()) {
                // As WordToHtmlConverter writes a list label: its last character (a tab or space)
                // becomes a zero-width and a no-break space, or is dropped.
                String label = bulletText.substring(0, bulletText.length() - 1);
                sink.chars(bulletText.endsWith("\t") ? label + "\u200B\u00A0" : label);
            }
            processCharacters(doc, level, paragraph, parent);
            sink.edge();
        }

        @Override
        protected void processSection(HWPFDocumentCore doc, Section section, int index) {
            sink.edge();
            processParagraphes(doc, null, section, Integer.MIN_VALUE);
            sink.edge();
        }

        @Override
        protected void processSingleSection(HWPFDocumentCore doc, Section section) {
            processParagraphes(doc, null, section, Integer.MIN_VALUE);
        }

        @Override
        protected void processTable(HWPFDocumentCore doc, Element flow, org.apache.poi.hwpf.usermodel.Table table) {
            int[] edges = cellEdges(table);
            List<List<Grid.Spanned>> headerRows = new ArrayList<>();
            List<List<Grid.Spanned>> bodyRows = new ArrayList<>();
            Sink outer = sink;
            try {
                for (int r = 0; r < table.numRows(); r++) {
                    TableRow row = table.getRow(r);
                    List<Grid.Spanned> cellsOfRow = new ArrayList<>();
                    int edge = 0;
                    for (int c = 0; c < row.numCells(); c++) {
                        TableCell cell = row.getCell(c);
                        if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                            edge += getNumberColumnsSpanned(edges, edge, cell);
                            continue;
                        }
                        int colSpan = getNumberColumnsSpanned(edges, edge, cell);
                        edge += colSpan;
                        if (colSpan == 0) {
                            continue;
                        }
                        int rowSpan = getNumberRowsSpanned(table, edges, r, c, cell);
                        Sink text = new CellSink();
                        sink = text;
                        processParagraphes(doc, null, cell, table.getTableLevel());
                        sink = outer;
                        cellsOfRow.add(new Grid.Spanned(colSpan, rowSpan, text.text.toString()));
                    }
                    (row.isTableHeader() ? headerRows : bodyRows).add(cellsOfRow);
                }
            } finally {
                sink = outer;
            }
            if (bodyRows.isEmpty()) {
                // WordToHtmlConverter leaves out a table without body rows, header rows and all.
                return;
            }
            List<List<Grid.Spanned>> rows = new ArrayList<>(headerRows);
            rows.addAll(bodyRows);
            if (sink == page) {
                addTable(rows);
            } else {
                // A nested table: its cells' texts are lines of the outer cell.
                for (List<Grid.Spanned> row : rows) {
                    for (Grid.Spanned cell : row) {
                        sink.edge();
                        sink.text.append(cell.text());
                        sink.edge();
                    }
                }
            }
        }

        private void addTable(List<List<Grid.Spanned>> rows) {
            page.edge();
            List<List<Grid.Spanned>> texts = new ArrayList<>(rows.size());
            for (List<Grid.Spanned> row : rows) {
                List<Grid.Spanned> cellsOfRow = new ArrayList<>(row.size());
                for (Grid.Spanned s : row) {
                    cellsOfRow.add(new Grid.Spanned(s.colSpan(), s.rowSpan(), Grid.cellText(s.text())));
                }
                texts.add(cellsOfRow);
            }
            Optional<List<Grid.Placed>> fitted = Grid.place(texts, limits.maxCells() - cells);
            if (fitted.isEmpty()) {
                throw new Refused("read.too_many_cells", String.format(Locale.ROOT,
                        "the tables cover more than %d grid cells (counting the cells that spans cover)",
                        limits.maxCells()));
            }
            for (Grid.Placed p : fitted.get()) {
                cells += (long) p.colSpan() * p.rowSpan();
            }
            blocks.add(new Table(++tables, Grid.rows(texts.size(), fitted.get())));
        }

        /** Every distinct left and right cell edge of the table, ascending: the grid's column lines. */
        private static int[] cellEdges(org.apache.poi.hwpf.usermodel.Table table) {
            TreeSet<Integer> edges = new TreeSet<>();
            for (int r = 0; r < table.numRows(); r++) {
                TableRow row = table.getRow(r);
                for (int c = 0; c < row.numCells(); c++) {
                    TableCell cell = row.getCell(c);
                    edges.add(cell.getLeftEdge());
                    edges.add(cell.getLeftEdge() + cell.getWidth());
                }
            }
            return edges.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
