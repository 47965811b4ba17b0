package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.jixiao.model.Block;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads .docx by streaming {@code word/document.xml} with StAX.
 *
 * <p>POI opens the package (and guards against zip bombs, see {@link OfficeFiles}); the body is
 * read as a stream because XWPF's object model reaches ~200 files/s here and a streaming read
 * ~730 (LIBRARIES.md). The XML parser has DTDs and external entities switched off and leaves
 * entity references unresolved, so an XXE payload yields no text.
 *
 * <p>What becomes of Word's markup:
 * <ul>
 *   <li>{@code w:tbl} / {@code w:tr} / {@code w:tc}: a {@link Table}; {@code w:gridSpan} is the
 *       column span, {@code w:gridBefore} shifts a row right, a {@code w:vMerge} continue cell
 *       (bare or {@code val="continue"}) adds one row to the cell above it, a legacy
 *       {@code w:hMerge} continue cell widens the cell to its left. A table nested in a cell adds
 *       its cell texts, one per line, to the outer cell.</li>
 *   <li>{@code w:p} outside tables: a {@link Paragraph}; inside a cell: one line of the cell.
 *       Text-box paragraphs ({@code w:txbxContent}) are paragraphs or cell lines the same way.</li>
 *   <li>Runs: {@code w:t} text, {@code w:tab} a tab, {@code w:br}/{@code w:cr} a line break.
 *       Field results are kept and field codes ({@code w:instrText}) dropped; hyperlinks, content
 *       controls and tracked insertions are read through; tracked deletions are dropped; of
 *       {@code mc:AlternateContent} only the first choice is read (the fallback repeats it).</li>
 * </ul>
 * Rows whose cells are all blank are dropped; blank paragraphs are not kept.
 */
public final class DocxReader implements DocumentReader {

    private static final Set<String> W = Set.of(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main");
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /** What an element means to the walk over the body. */
    private enum Tag {
        /** A subtree with no visible text of the body: deletions, field codes, properties. */
        SKIP,
        /** {@code mc:Fallback}, which repeats the choice before it. */
        FALLBACK,
        P, T, TAB, BREAK, HYPHEN, TBL, TR, GRID_BEFORE, TC, GRID_SPAN, V_MERGE, H_MERGE,
        /** Any other element, WordprocessingML or not: a container whose content is read through. */
        CONTAINER
    }

    /** The WordprocessingML elements the walk acts on, by local name; every other one is a {@link Tag#CONTAINER}. */
    private static final Map<String, Tag> W_TAGS = wordTags();

    private static Map<String, Tag> wordTags() {
        Map<String, Tag> tags = new HashMap<>();
        for (String skipped : List.of("del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr",
                "tblPr", "tblGrid", "tblPrEx", "sectPr", "sdtPr", "sdtEndPr", "fldData", "rubyPr", "rt")) {
            tags.put(skipped, Tag.SKIP);
        }
        tags.put("p", Tag.P);
        tags.put("t", Tag.T);
        tags.put("tab", Tag.TAB);
        tags.put("ptab", Tag.TAB);
        tags.put("br", Tag.BREAK);
        tags.put("cr", Tag.BREAK);
        tags.put("noBreakHyphen", Tag.HYPHEN);
        tags.put("tbl", Tag.TBL);
        tags.put("tr", Tag.TR);
        tags.put("gridBefore", Tag.GRID_BEFORE);
        tags.put("tc", Tag.TC);
        tags.put("gridSpan", Tag.GRID_SPAN);
        tags.put("vMerge", Tag.V_MERGE);
        tags.put("hMerge", Tag.H_MERGE);
        return Map.copyOf(tags);
    }

    private final ReadLimits limits;

    public DocxReader(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code Failed} with {@code read.zip.corrupt}, {@code read.zip.bomb},
     *         {@code read.docx.corrupt} (broken XML), {@code read.docx.not_docx} (another OOXML
     *         kind), {@code read.too_large} or {@code read.too_many_cells}
     */
    @Override
    public Result<Document> read(Source source) {
        if (Sniffer.sniff(source.content()) == Sniffer.Kind.OLE2) {
            Result<org.apache.poi.poifs.filesystem.POIFSFileSystem> fs = OfficeFiles.openOle2(source);
            if (fs instanceof Result.Ok<org.apache.poi.poifs.filesystem.POIFSFileSystem> ok
                    && OfficeFiles.kindOf(ok.value()) == OfficeFiles.Ole2Kind.ENCRYPTED_OOXML) {
                return OfficeFiles.encrypted(source);
            }
            return Result.failed(source.name(), Stage.READ, "read.docx.not_docx",
                    "expected a .docx (zip) file, found an OLE2 file (Word 97-2003 or Excel 97-2003)");
        }
        // The path Readers takes: the main part straight from the guarded zip stream; the full
        // package only when that path cannot open the file (it also names the failure).
        return readDirect(source).orElseGet(() -> readPackage(source));
    }

    /**
     * Reads the main part straight from the zip, without POI's package model; empty when the file
     * is no .docx this way can open ({@link OfficeFiles#readDirect}).
     */
    Optional<Result<Document>> readDirect(Source source) {
        return OfficeFiles.readDirect(source, (zip, main) ->
                main.kind() == OfficeFiles.OoxmlKind.DOCX ? readDirect(source, zip, main.partName()) : Optional.empty());
    }

    /**
     * Reads the main part {@code partName} of a zip opened directly; empty when it cannot be
     * inflated (zip damage), and the caller opens the package, which names the failure.
     *
     * <p>Broken XML is inflated to its end before it is called {@code read.docx.corrupt}: a bomb
     * of zeros is broken XML at its first byte, long before the zip-bomb guard has seen enough to
     * call it a bomb ({@code read.zip.bomb}); the package model would try to hold all of it. A
     * part that inflates past the package model's limit for one part ({@link OfficeFiles#MAX_PART_BYTES})
     * is a bomb too, as the package model calls it.
     */
    Optional<Result<Document>> readDirect(Source source, OoxmlZip zip, String partName) {
        try (InputStream part = zip.open(partName)) {
            if (part == null) {
                return Optional.empty();
            }
            long[] inflated = {0};
            InputStream in = new FilterInputStream(part) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    inflated[0] += b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    inflated[0] += Math.max(0, n);
                    return n;
                }
            };
            Result<Document> read = readMain(source, "/" + partName, in);
            if (read instanceof Result.Failed<Document> f && f.failure().code().equals("read.docx.corrupt")) {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                    if (inflated[0] > OfficeFiles.MAX_PART_BYTES) {
                        return Optional.of(Result.failed(source.name(), Stage.READ, "read.zip.bomb", String.format(
                                Locale.ROOT, "the part %s inflates to %,d bytes, beyond the limit of %,d for one part",
                                partName, inflated[0], OfficeFiles.MAX_PART_BYTES)));
                    }
                } catch (IOException e) {
                    // Damaged compressed data under broken XML is still a corrupt document; only a
                    // bomb is named as such.
                    if (OfficeFiles.isBomb(e)) {
                        return Optional.of(OfficeFiles.zipFailure(source, e));
                    }
                }
            }
            return Optional.of(read);
        } catch (IOException e) {
            if (OfficeFiles.isBomb(e)) {
                return Optional.of(OfficeFiles.zipFailure(source, e));
            }
            // The zip opened and named its parts, but the main part's compressed data is damaged.
            return Optional.of(Result.failed(source.name(), Stage.READ, "read.docx.corrupt",
                    "expected a readable main document part " + partName + ", found damaged data: " + OfficeFiles.firstLine(e)));
        }
    }

    /** Reads the file through POI's package model ({@code OPCPackage}): the fallback, and the reference in tests. */
    Result<Document> readPackage(Source source) {
        return OfficeFiles.openOoxml(source).then(o -> {
            try {
                if (o.kind() != OfficeFiles.OoxmlKind.DOCX) {
                    return Result.failed(source.name(), Stage.READ, "read.docx.not_docx",
                            "expected a Word document, found a package whose main part is " + o.main().getContentType());
                }
                return readMain(source, o.main());
            } finally {
                o.pkg().revert();
            }
        });
    }

    /**
     * Reads a main document part given as a stream.
     *
     * @throws IOException when the stream fails underneath the XML (zip damage, the zip-bomb guard)
     */
    Result<Document> readMain(Source source, String partName, InputStream in) throws IOException {
        try {
            XMLStreamReader xml = SecureXml.plainFactory().createXMLStreamReader(in);
            try {
                return new Body(source.name(), limits).read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            return Result.failed(source.name(), Stage.READ, "read.docx.corrupt",
                    "expected well-formed WordprocessingML in " + partName + ", found: " + OfficeFiles.firstLine(e));
        }
    }

    /** Reads the main document part of an open package. */
    Result<Document> readMain(Source source, PackagePart main) {
        try (InputStream in = main.getInputStream()) {
            return readMain(source, main.getPartName().getName(), in);
        } catch (IOException e) {
            return OfficeFiles.zipFailure(source, e);
        }
    }

    /** A cell being built, with its grid position and the lines of its paragraphs. */
    private static final class MutableCell {
        final int row;
        final int col;
        int colSpan;
        int rowSpan = 1;
        final StringBuilder text = new StringBuilder();

        MutableCell(int row, int col) {
            this.row = row;
            this.col = col;
        }
    }

    /** One {@code w:tbl} being read: Word gives grid columns, so no occupancy matrix is needed. */
    private static final class TableBuilder {
        final List<MutableCell> cells = new ArrayList<>();
        /** The cell most recently anchored at each column, which a vMerge continue extends. */
        final Map<Integer, MutableCell> lastAtColumn = new HashMap<>();
        int row = -1;
        int col;
        MutableCell lastInRow;
        MutableCell open;
        int gridSpan;
        String vMerge;
        String hMerge;

        void startRow() {
            row++;
            col = 0;
            lastInRow = null;
        }

        void startCell() {
            if (row < 0) {
                startRow();
            }
            open = new MutableCell(row, col);
            gridSpan = 1;
            vMerge = null;
            hMerge = null;
        }

        void endCell() {
            MutableCell cell = open;
            open = null;
            if (cell == null) {
                return;
            }
            int span = Math.max(1, Math.min(Grid.MAX_SPAN, gridSpan));
            if ("continue".equals(vMerge)) {
                MutableCell above = lastAtColumn.get(cell.col);
                if (above != null && above.row + above.rowSpan == row) {
                    above.rowSpan++;
                    Grid.appendLines(above.text, cell.text);
                    col += span;
                    return;
                }
            }
            if ("continue".equals(hMerge) && lastInRow != null) {
                lastInRow.colSpan += span;
                Grid.appendLines(lastInRow.text, cell.text);
                col += span;
                return;
            }
            cell.colSpan = span;
            cells.add(cell);
            lastAtColumn.put(cell.col, cell);
            lastInRow = cell;
            col += span;
        }

        Table build(int number) {
            List<Grid.Placed> placed = new ArrayList<>(cells.size());
            for (MutableCell c : cells) {
                placed.add(new Grid.Placed(c.row, c.col, c.colSpan, c.rowSpan, Grid.cellText(c.text)));
            }
            return new Table(number, Grid.rows(row + 1, placed));
        }

        /** A nested table's text for its outer cell: each cell's lines, row by row. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (MutableCell c : cells) {
                Grid.appendLines(out, c.text);
            }
            return out.toString();
        }
    }

    /**
     * The state of one streaming pass over {@code w:body}.
     *
     * <p>The handlers of the XML events only gather: a finished paragraph's raw text and a finished
     * table's builder are kept in document order, and turned into blocks after the walk
     * ({@link #blocks()}). The handlers run for every element of the part and are compiled early;
     * with the tables' grid and the cells' text built inside them, the compiler took the grid code
     * into the handlers and compiled them again and again, for over a second each time.
     *
     * <p>The parser leaves namespaces to the walk ({@link PrefixScope}): an element is Word's
     * whatever prefix the document bound WordprocessingML to. What a name means is remembered
     * per name as written, until a declaration changes what its prefix stands for.
     */
    private static final class Body {
        private final String name;
        private final ReadLimits limits;
        /** Finished paragraphs ({@link StringBuilder}, raw text) and top-level tables ({@link TableBuilder}), in document order. */
        private final List<Object> finished = new ArrayList<>();
        private final Deque<TableBuilder> tables = new ArrayDeque<>();
        private final Deque<StringBuilder> paragraphs = new ArrayDeque<>();
        private final PrefixScope scope = new PrefixScope();
        /** What each name as written means under the bindings in force. */
        private final Map<String, Tag> tags = new HashMap<>();
        private boolean inText;
        private long chars;
        private int cells;

        Body(String name, ReadLimits limits) {
            this.name = name;
            this.limits = limits;
        }

        Result<Document> read(XMLStreamReader xml) throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    enter(xml);
                    Tag tag = tag(xml.getLocalName());
                    if (tag == Tag.SKIP || tag == Tag.FALLBACK) {
                        exit();
                        SecureXml.skipElement(xml);
                    } else {
                        start(tag, xml);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    Result<Document> failed = end(tag(xml.getLocalName()));
                    exit();
                    if (failed != null) {
                        return failed;
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    append(xml.getText());
                }
                // ENTITY_REFERENCE events are left unresolved on purpose (XXE).
                if (chars > limits.maxTextChars()) {
                    return Result.failed(name, Stage.READ, "read.too_large",
                            String.format(Locale.ROOT, "the document has more than %d characters of text",
                                    limits.maxTextChars()));
                }
            }
            return Result.ok(new Document(name, SourceFormat.DOCX, blocks()));
        }

        /** The finished paragraphs and tables as blocks, numbered in document order; blank paragraphs left out. */
        private List<Block> blocks() {
            List<Block> blocks = new ArrayList<>(finished.size());
            int paragraphs = 0;
            int tables = 0;
            for (Object block : finished) {
                if (block instanceof TableBuilder table) {
                    blocks.add(table.build(++tables));
                } else {
                    String text = Grid.cellText((StringBuilder) block);
                    if (!text.isEmpty()) {
                        blocks.add(new Paragraph(++paragraphs, text));
                    }
                }
            }
            return blocks;
        }

        /** Takes in the declarations of the element started; names may now mean something else. */
        private void enter(XMLStreamReader xml) {
            if (scope.enter(xml)) {
                tags.clear();
            }
        }

        /** Leaves the innermost element's scope, and its declarations with it. */
        private void exit() {
            if (scope.exit()) {
                tags.clear();
            }
        }

        /** What the element named {@code qualifiedName} (as written) means here. */
        private Tag tag(String qualifiedName) {
            Tag tag = tags.get(qualifiedName);
            if (tag == null) {
                String namespace = scope.namespaceOf(qualifiedName);
                String local = PrefixScope.localPart(qualifiedName);
                if (W.contains(namespace)) {
                    tag = W_TAGS.getOrDefault(local, Tag.CONTAINER);
                } else {
                    tag = MC.equals(namespace) && local.equals("Fallback") ? Tag.FALLBACK : Tag.CONTAINER;
                }
                tags.put(qualifiedName, tag);
            }
            return tag;
        }

        private void start(Tag tag, XMLStreamReader xml) {
            TableBuilder table = tables.peek();
            switch (tag) {
                case P -> paragraphs.push(new StringBuilder());
                case T -> inText = true;
                case TAB -> append("\t");
                case BREAK -> append("\n");
                case HYPHEN -> append("-");
                case TBL -> tables.push(new TableBuilder());
                case TR -> {
                    if (table != null) {
                        table.startRow();
                    }
                }
                case GRID_BEFORE -> {
                    if (table != null) {
                        table.col += Math.max(0, Math.min(Grid.MAX_SPAN, intValue(xml, 0)));
                    }
                }
                case TC -> {
                    if (table != null) {
                        table.startCell();
                    }
                }
                case GRID_SPAN -> {
                    if (table != null) {
                        table.gridSpan = intValue(xml, 1);
                    }
                }
                case V_MERGE -> {
                    if (table != null) {
                        table.vMerge = mergeValue(xml);
                    }
                }
                case H_MERGE -> {
                    if (table != null) {
                        table.hMerge = mergeValue(xml);
                    }
                }
                default -> {
                    // containers (body, r, hyperlink, sdt, sdtContent, ins, fldSimple, txbxContent,
                    // mc:AlternateContent, ...) are read through
                }
            }
        }

        /** Handles an end tag; returns a failure when a limit is broken, else null. */
        private Result<Document> end(Tag tag) {
            switch (tag) {
                case T -> inText = false;
                case P -> {
                    StringBuilder p = paragraphs.poll();
                    if (p != null) {
                        endParagraph(p);
                    }
                }
                case TC -> {
                    TableBuilder table = tables.peek();
                    if (table != null) {
                        table.endCell();
                        if (++cells > limits.maxCells()) {
                            return Result.failed(name, Stage.READ, "read.too_many_cells",
                                    String.format(Locale.ROOT, "the tables have more than %d cells",
                                            limits.maxCells()));
                        }
                    }
                }
                case TBL -> {
                    TableBuilder inner = tables.poll();
                    if (inner == null) {
                        break;
                    }
                    TableBuilder outer = tables.peek();
                    if (outer != null && outer.open != null) {
                        Grid.appendLines(outer.open.text, inner.text());
                    } else if (outer == null) {
                        finished.add(inner);
                    }
                }
                default -> {
                }
            }
            return null;
        }

        private void endParagraph(StringBuilder p) {
            TableBuilder table = tables.peek();
            if (table != null && table.open != null) {
                Grid.appendLines(table.open.text, p);
                return;
            }
            finished.add(p);
        }

        private void append(String s) {
            StringBuilder p = paragraphs.peek();
            if (p != null) {
                p.append(s);
                chars += s.length();
            }
        }

        /** The value of the attribute named {@code local} with any prefix ({@code w:val}, {@code val}); null when absent. */
        private static String attribute(XMLStreamReader xml, String local) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (PrefixScope.hasLocalPart(xml.getAttributeLocalName(i), local)) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private static int intValue(XMLStreamReader xml, int fallback) {
            String v = attribute(xml, "val");
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        /** {@code restart}, or {@code continue} for a bare element, as Word means it. */
        private static String mergeValue(XMLStreamReader xml) {
            String v = attribute(xml, "val");
            return v == null || v.isBlank() ? "continue" : v.strip();
        }
    }
}
