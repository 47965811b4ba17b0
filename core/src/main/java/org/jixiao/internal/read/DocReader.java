package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.apache.poi.OldFileFormatException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.HWPFDocumentCore;
import org.apache.poi.hwpf.converter.AbstractWordConverter;
import org.apache.poi.hwpf.converter.AbstractWordUtils;
import org.apache.poi.hwpf.model.CHPX;
import org.apache.poi.hwpf.model.PAPX;
import org.apache.poi.hwpf.model.PropertyNode;
import org.apache.poi.hwpf.model.StyleSheet;
import org.apache.poi.hwpf.sprm.CharacterSprmUncompressor;
import org.apache.poi.hwpf.sprm.ParagraphSprmUncompressor;
import org.apache.poi.hwpf.sprm.TableSprmUncompressor;
import org.apache.poi.hwpf.usermodel.Bookmark;
import org.apache.poi.hwpf.usermodel.CharacterProperties;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.OfficeDrawing;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.ParagraphProperties;
import org.apache.poi.hwpf.usermodel.Picture;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Section;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableCellDescriptor;
import org.apache.poi.hwpf.usermodel.TableProperties;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LocaleUtil;
import org.jixiao.model.Block;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;
import org.w3c.dom.Element;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

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
    private final boolean fastTables;

    public DocReader(ReadLimits limits) {
        this(limits, true);
    }

    /** A reader that lets POI build every table when {@code fastTables} is false (the tests compare both). */
    DocReader(ReadLimits limits, boolean fastTables) {
        this.limits = limits;
        this.fastTables = fastTables;
    }

    /**
     * Whether paragraphs are built once per distinct format (POI's paragraph constructor is within
     * reach); when not, reading is as correct but slower, and a test says so.
     */
    static boolean sharesParagraphProperties() {
        return Walk.NEW_PARAGRAPH != null;
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
            Walk walk = new Walk(limits, fastTables);
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

        Walk(ReadLimits limits, boolean fastTables) {
            this.limits = limits;
            this.fastTables = fastTables;
        }

        private final boolean fastTables;

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

        /** Whether the document has bookmarks at all (most forms have none): asked once, not per paragraph. */
        private boolean hasBookmarks;

        /**
         * POI's processDocument without its first step, reading the summary information (title,
         * author) for {@link #processDocumentInformation}: it parses a property-set stream for no
         * text of the page, 7 % of the walk's samples besides HWPFDocument's own parse.
         */
        @Override
        public void processDocument(HWPFDocumentCore doc) {
            hasBookmarks = doc instanceof HWPFDocument hwpf && hwpf.getBookmarks().getBookmarksCount() > 0;
            Range range = doc.getRange();
            if (range.numSections() == 1) {
                processSingleSection(doc, range.getSection(0));
            } else {
                processDocumentPart(doc, range);
            }
            afterProcess();
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
            String text = paragraph.text();
            if (!onlyMarks(text) && !plainRuns(doc, level, paragraph, text)) {
                processCharacters(doc, level, paragraph, parent);
            }
            sink.edge();
        }

        /** Each distinct run format's character properties, as POI's CharacterRun computes them. */
        private final Map<RunFormat, CharacterProperties> characterProperties = new HashMap<>();

        /** A run's paragraph style and its CHPX bytes: all its character properties depend on. */
        private record RunFormat(short istd, Grpprl chpx) {
            // Written out: the generated ones go through method handles, which showed in the walk's profile.
            @Override
            public boolean equals(Object o) {
                return o instanceof RunFormat f && istd == f.istd && chpx.equals(f.chpx);
            }

            @Override
            public int hashCode() {
                return 31 * istd + chpx.hashCode();
            }
        }

        /**
         * The text of a paragraph without fields, bookmarks or special runs (pictures, objects,
         * notes), written as {@code processCharacters} writes it, but from character properties
         * shared between runs of the same format: POI's walk builds every run twice with a fresh
         * copy of its properties (once looking for fields, once for the text), a third of what was
         * left of reading a .doc. False, with nothing written, for any other paragraph: POI's walk
         * then reads it.
         */
        private boolean plainRuns(HWPFDocumentCore doc, int level, Paragraph paragraph, String text) {
            if (!(doc instanceof HWPFDocument hwpf) || hasFieldMark(text)) {
                return false;
            }
            int start = paragraph.getStartOffset();
            int end = paragraph.getEndOffset();
            if (hasBookmarks) {
                Map<Integer, List<Bookmark>> bookmarks = hwpf.getBookmarks().getBookmarksStartedBetween(start, end);
                if (bookmarks != null && !bookmarks.isEmpty()) {
                    return false;
                }
            }
            List<CHPX> chpxs = doc.getCharacterTable().getTextRuns();
            int n = paragraph.numCharacterRuns();
            int first = firstAtOrAfter(chpxs, start);
            if (first < 0 || first + n > chpxs.size()) {
                return false;
            }
            StyleSheet styles = doc.getStyleSheet();
            short istd = paragraph.getStyleIndex();
            CharacterProperties[] props = new CharacterProperties[n];
            for (int i = 0; i < n; i++) {
                CHPX chpx = chpxs.get(first + i);
                props[i] = characterProperties.computeIfAbsent(new RunFormat(istd, new Grpprl(chpx.getGrpprl())),
                        k -> styles == null ? new CharacterProperties()
                                : CharacterSprmUncompressor.uncompressCHP(styles, styles.getCharacterStyle(istd),
                                        chpx.getGrpprl(), 0));
                if (props[i].isFSpec() || props[i].isFObj() || props[i].isFOle2()) {
                    return false;
                }
            }
            for (int i = 0; i < n; i++) {
                CHPX chpx = chpxs.get(first + i);
                String run = text.substring(Math.max(start, chpx.getStart()) - start, Math.min(end, chpx.getEnd()) - start);
                if (run.isEmpty()) {
                    continue;
                }
                if (props[i].isFCaps() || props[i].isFSmallCaps()) {
                    run = run.toUpperCase(LocaleUtil.getUserLocale());
                }
                char last = run.charAt(run.length() - 1);
                if (last == '\r' || last == '\u0007' && level != Integer.MIN_VALUE) {
                    run = run.substring(0, run.length() - 1);
                }
                writeRun(run);
            }
            return true;
        }

        /** A field's begin, separator or end mark: POI's walk reads the field. */
        private static boolean hasFieldMark(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0013' || c == '\u0014' || c == '\u0015') {
                    return true;
                }
            }
            return false;
        }

        /** A run's characters as processCharacters writes them: line breaks, hyphens, no other controls. */
        private void writeRun(String run) {
            StringBuilder chars = new StringBuilder(run.length());
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                if (c == 11) {
                    if (chars.length() > 0) {
                        outputCharacters(null, null, chars.toString());
                        chars.setLength(0);
                    }
                    processLineBreak(null, null);
                } else if (c == 30) {
                    chars.append(UNICODECHAR_NONBREAKING_HYPHEN);
                } else if (c == 31) {
                    chars.append(UNICODECHAR_ZERO_WIDTH_SPACE);
                } else if (c >= 0x20 || c == 0x09 || c == 0x0A || c == 0x0D) {
                    chars.append(c);
                }
            }
            if (chars.length() > 0) {
                outputCharacters(null, null, chars.toString());
            }
        }

        /**
         * True for a paragraph that is nothing but its end mark (an empty cell, a blank line): its
         * characters would all be stripped, so POI's run-by-run walk (a CharacterRun built per run)
         * is skipped.
         */
        private static boolean onlyMarks(String text) {
            // One character only: a run's last paragraph or cell mark is stripped, one in the middle is not.
            return text.length() == 1 && (text.charAt(0) == '\r' || text.charAt(0) == '\u0007');
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

        /** Paragraphs by index, built on demand from a range or already built for a cell. */
        private interface Paragraphs {
            int size();

            Paragraph get(int index);
        }

        /**
         * POI's paragraph loop (tables, page breaks, list labels), with tables taken by
         * {@link #fastTable} when it can: POI's {@code Table} builds each of a table's paragraphs
         * five times over (rows, then cells, each scanning them again), which was most of reading a
         * .doc; here each is built once, by {@link #paragraph}.
         */
        @Override
        protected void processParagraphes(HWPFDocumentCore doc, Element flow, Range range, int level) {
            int n = range.numParagraphs();
            int first = firstPapx(doc, range, n);
            Paragraph[] built = new Paragraph[n];
            processParagraphs(doc, new Paragraphs() {
                @Override
                public int size() {
                    return n;
                }

                @Override
                public Paragraph get(int index) {
                    if (built[index] == null) {
                        built[index] = first < 0 ? range.getParagraph(index) : paragraph(doc, range, index, first + index);
                    }
                    return built[index];
                }
            }, range, level);
        }

        /**
         * POI's own constructor of a paragraph from its PAPX and properties (package-private), so
         * that paragraphs with the same PAPX bytes share one {@code ParagraphProperties}: POI's
         * {@code Range.getParagraph} builds them afresh for every paragraph, copying the whole
         * property set three times (empty, style, paragraph), which was a third of reading a .doc
         * and most of its garbage (2.5 MB a form). Null where the runtime does not let us call it
         * (POI as a named module, another POI version): every paragraph is then POI's.
         */
        private static final MethodHandle NEW_PARAGRAPH = paragraphConstructor();

        private static MethodHandle paragraphConstructor() {
            try {
                Constructor<Paragraph> c = Paragraph.class.getDeclaredConstructor(
                        PAPX.class, ParagraphProperties.class, Range.class);
                c.setAccessible(true);
                return MethodHandles.lookup().unreflectConstructor(c);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** Each distinct PAPX's properties as POI's {@code Paragraph.newParagraph} makes them; empty for a list paragraph's. */
        private final Map<Grpprl, Optional<ParagraphProperties>> paragraphProperties = new HashMap<>();

        /** Each distinct row-end PAPX's table properties (rows of the same shape share them). */
        private final Map<Grpprl, TableProperties> tableProperties = new HashMap<>();

        /**
         * PAPX or CHPX bytes (style number and property changes) as a map key: POI's SprmBuffer has
         * no hash. The hash reads at most about 64 of the bytes, as a row end's bytes (every cell's
         * borders and widths) run to hundreds and hashing them whole was a tenth of the walk;
         * equality still compares them all.
         */
        private static final class Grpprl {
            private final byte[] bytes;
            private final int hash;

            Grpprl(byte[] bytes) {
                this.bytes = bytes;
                int h = bytes.length;
                int step = Math.max(1, bytes.length / 64);
                for (int i = 0; i < bytes.length; i += step) {
                    h = 31 * h + bytes[i];
                }
                this.hash = bytes.length == 0 ? h : 31 * h + bytes[bytes.length - 1];
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Grpprl g && hash == g.hash && Arrays.equals(bytes, g.bytes);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }

        /**
         * Where the range's paragraphs start in the document's PAPX list (POI's own search), checked
         * against POI's first paragraph; -1 when the constructor is out of reach or the two disagree,
         * and POI then builds every paragraph of the range.
         */
        private static int firstPapx(HWPFDocumentCore doc, Range range, int n) {
            if (NEW_PARAGRAPH == null || n == 0) {
                return -1;
            }
            List<PAPX> papxs = doc.getParagraphTable().getParagraphs();
            int first = firstAtOrAfter(papxs, range.getStartOffset());
            if (first < 0 || first + n > papxs.size()) {
                return -1;
            }
            PAPX papx = papxs.get(first);
            Paragraph poi = range.getParagraph(0);
            boolean same = Math.max(range.getStartOffset(), papx.getStart()) == poi.getStartOffset()
                    && Math.min(range.getEndOffset(), papx.getEnd()) == poi.getEndOffset();
            return same ? first : -1;
        }

        /**
         * The index of a node starting at {@code start} in nodes sorted by start (a binary search),
         * or {@code -(insertion point) - 1} when none does, as {@link java.util.Arrays#binarySearch}.
         */
        private static int startingAt(List<? extends PropertyNode<?>> nodes, int start) {
            int lo = 0;
            int hi = nodes.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int s = nodes.get(mid).getStart();
                if (s < start) {
                    lo = mid + 1;
                } else if (s > start) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -lo - 1;
        }

        /**
         * Range.findRange's start over PAPX or CHPX nodes: the last node starting at or before
         * {@code start}, then back over nodes starting at or after it.
         */
        private static int firstAtOrAfter(List<? extends PropertyNode<?>> nodes, int start) {
            if (nodes.isEmpty()) {
                return -1;
            }
            int index;
            if (nodes.get(0).getStart() >= start) {
                index = 0;
            } else {
                int found = startingAt(nodes, start);
                // Not found: the last node starting before it, just before the insertion point.
                index = found >= 0 ? found : -found - 2;
            }
            while (index > 0 && nodes.get(index - 1).getStart() >= start) {
                index--;
            }
            return index;
        }

        /** The range's paragraph {@code index} (PAPX {@code papxIndex}), as {@code range.getParagraph(index)} builds it. */
        private Paragraph paragraph(HWPFDocumentCore doc, Range range, int index, int papxIndex) {
            if (NEW_PARAGRAPH == null) {
                return range.getParagraph(index);
            }
            PAPX papx = doc.getParagraphTable().getParagraphs().get(papxIndex);
            Optional<ParagraphProperties> props = paragraphProperties.computeIfAbsent(
                    new Grpprl(papx.getGrpprl()), k -> propertiesOf(doc, papx));
            if (props.isEmpty()) {
                return range.getParagraph(index);
            }
            try {
                return (Paragraph) NEW_PARAGRAPH.invoke(papx, props.get(), range);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Paragraph.newParagraph's properties: the style's, then the paragraph's own changes. A list
         * paragraph (its list level may change them again, and POI makes it a ListEntry) is left to POI.
         */
        private static Optional<ParagraphProperties> propertiesOf(HWPFDocumentCore doc, PAPX papx) {
            ParagraphProperties props = new ParagraphProperties();
            props.setIstd(papx.getIstd());
            StyleSheet styles = doc.getStyleSheet();
            if (styles != null) {
                props = ParagraphSprmUncompressor.uncompressPAP(props, styles.getPAPX(papx.getIstd()), 2);
            }
            props = ParagraphSprmUncompressor.uncompressPAP(props, papx.getGrpprl(), 2);
            return props.getIlfo() == 0 ? Optional.of(props) : Optional.empty();
        }

        /** As POI's processParagraphes; {@code range} is null for a cell's paragraphs (never a slow table). */
        private void processParagraphs(HWPFDocumentCore doc, Paragraphs paragraphs, Range range, int level) {
            for (int p = 0; p < paragraphs.size(); p++) {
                Paragraph paragraph = paragraphs.get(p);
                if (paragraph.isInTable() && paragraph.getTableLevel() != level) {
                    if (paragraph.getTableLevel() < level) {
                        throw new IllegalStateException("Trying to process table cell with higher level ("
                                + paragraph.getTableLevel() + ") than current table level (" + level + ") as inner table part");
                    }
                    FastTable table = fastTables || range == null ? FastTable.of(doc, paragraphs, p, this::tableProperties) : null;
                    if (table != null) {
                        emitTable(doc, table);
                        p += table.paragraphs - 1;
                    } else {
                        org.apache.poi.hwpf.usermodel.Table slow = range.getTable(paragraph);
                        processTable(doc, null, slow);
                        p += slow.numParagraphs() - 1;
                    }
                    continue;
                }
                if (paragraph.text().equals("\u000c")) {
                    processPageBreak(doc, null);
                }
                boolean processed = false;
                if (paragraph.isInList()) {
                    try {
                        String label = AbstractWordUtils.getBulletText(numbering, paragraph.getList(), (char) paragraph.getIlvl());
                        processParagraph(doc, null, level, paragraph, label);
                        processed = true;
                    } catch (Exception e) {
                        // As POI: the paragraph is then read without its list label.
                    }
                }
                if (!processed) {
                    processParagraph(doc, null, level, paragraph, "");
                }
            }
        }

        /** A row-end paragraph's table properties, uncompressed once per distinct PAPX. */
        private TableProperties tableProperties(PAPX papx) {
            return tableProperties.computeIfAbsent(new Grpprl(papx.getGrpprl()),
                    k -> TableSprmUncompressor.uncompressTAP(papx.getSprmBuf()));
        }

        private final AbstractWordUtils.NumberingState numbering = new AbstractWordUtils.NumberingState();

        /** A cell of {@link FastTable}: its paragraphs, edges and merge flags, as POI's TableCell has them. */
        private record FastCell(List<Paragraph> paragraphs, int leftEdge, int width, boolean vMerged, boolean firstVMerged) {
        }

        /**
         * A table read from its paragraphs once, with POI's rules for rows (a row-end paragraph of
         * the table's level), cells (a cell mark of that level; the row-end's "fake" cell dropped
         * when the row says it has fewer cells) and each row's table properties (from the row-end
         * paragraph's own properties). Null where POI would take a path this does not copy: the
         * caller then lets POI build the table.
         */
        private record FastTable(List<List<FastCell>> rows, List<Boolean> header, int level, int paragraphs) {

            static FastTable of(HWPFDocumentCore doc, Paragraphs source, int first, Function<PAPX, TableProperties> tapOf) {
                int level = source.get(first).getTableLevel();
                int end = first + 1;
                while (end < source.size() && source.get(end).isInTable() && source.get(end).getTableLevel() >= level) {
                    end++;
                }
                if (end == source.size()) {
                    // The table may run on past this range; POI then looks beyond it.
                    return null;
                }
                List<PAPX> papxs = doc.getParagraphTable().getParagraphs();
                List<List<FastCell>> rows = new ArrayList<>();
                List<Boolean> header = new ArrayList<>();
                int rowStart = first;
                for (int i = first; i < end; i++) {
                    Paragraph p = source.get(i);
                    if (!p.isTableRowEnd() || p.getTableLevel() != level) {
                        continue;
                    }
                    PAPX papx = papxAt(papxs, p.getStartOffset());
                    if (papx == null || papx.getEnd() != p.getEndOffset()) {
                        return null;
                    }
                    TableProperties tap = tapOf.apply(papx);
                    List<FastCell> cells = cells(source, rowStart, i + 1, level, tap);
                    if (cells == null || !nestedTablesFit(doc, cells, level, tapOf)) {
                        return null;
                    }
                    rows.add(cells);
                    header.add(tap.getFTableHeader());
                    rowStart = i + 1;
                }
                return new FastTable(rows, header, level, end - first);
            }

            /** Whether every table nested in these cells can be read this way too (checked before any text is). */
            private static boolean nestedTablesFit(HWPFDocumentCore doc, List<FastCell> cells, int level,
                    Function<PAPX, TableProperties> tapOf) {
                for (FastCell cell : cells) {
                    Paragraphs ps = of(cell.paragraphs());
                    for (int i = 0; i < ps.size(); i++) {
                        Paragraph p = ps.get(i);
                        if (p.isInTable() && p.getTableLevel() > level) {
                            FastTable nested = of(doc, ps, i, tapOf);
                            if (nested == null) {
                                return false;
                            }
                            i += nested.paragraphs() - 1;
                        }
                    }
                }
                return true;
            }

            static Paragraphs of(List<Paragraph> list) {
                return new Paragraphs() {
                    @Override
                    public int size() {
                        return list.size();
                    }

                    @Override
                    public Paragraph get(int index) {
                        return list.get(index);
                    }
                };
            }

            /** POI's TableRow.initCells over paragraphs [from, to) of one row. */
            private static List<FastCell> cells(Paragraphs source, int from, int to, int level, TableProperties tap) {
                TableCellDescriptor[] tcs = tap.getRgtc();
                short[] centers = tap.getRgdxaCenter();
                List<FastCell> cells = new ArrayList<>();
                int lastCellStart = from;
                for (int i = from; i < to; i++) {
                    Paragraph p = source.get(i);
                    String s = p.text();
                    if ((s.length() > 0 && s.charAt(s.length() - 1) == '\u0007' || p.isEmbeddedCellMark())
                            && p.getTableLevel() == level) {
                        int k = cells.size();
                        TableCellDescriptor tc = tcs != null && tcs.length > k ? tcs[k] : null;
                        short left = centers != null && centers.length > k ? centers[k] : 0;
                        short right = centers != null && centers.length > k + 1 ? centers[k + 1] : 0;
                        List<Paragraph> ps = new ArrayList<>(i + 1 - lastCellStart);
                        for (int j = lastCellStart; j <= i; j++) {
                            ps.add(source.get(j));
                        }
                        cells.add(new FastCell(ps, left, right - left,
                                tc != null && tc.isFVertMerge(), tc != null && tc.isFVertRestart()));
                        lastCellStart = i + 1;
                    }
                }
                if (lastCellStart < to - from - 1 + from) {
                    // POI makes a cell of the rest here, from paragraph numbers taken for offsets.
                    return null;
                }
                if (!cells.isEmpty() && cells.size() != tap.getItcMac()) {
                    FastCell last = cells.get(cells.size() - 1);
                    if (last.paragraphs().size() == 1 && last.paragraphs().get(0).isTableRowEnd()) {
                        cells.remove(cells.size() - 1);
                    }
                }
                return cells;
            }

            private static PAPX papxAt(List<PAPX> papxs, int start) {
                int found = startingAt(papxs, start);
                return found >= 0 ? papxs.get(found) : null;
            }
        }

        /** Columns a cell spans: the grid lines between its left and right edge (POI's rule). */
        private static int columnsSpanned(int[] edges, int edgeIndex, int left, int width) {
            int span = 0;
            int right = left + width;
            for (int next = edgeIndex; edges[next] < right; next++) {
                span++;
            }
            return span;
        }

        /** Rows a vertical merge spans, as POI's getNumberRowsSpanned counts them. */
        private static int rowsSpanned(List<List<FastCell>> rows, int[] edges, int r, int c, FastCell cell) {
            if (!cell.firstVMerged()) {
                return 1;
            }
            int count = 1;
            for (int r1 = r + 1; r1 < rows.size(); r1++) {
                List<FastCell> next = rows.get(r1);
                if (c >= next.size()) {
                    break;
                }
                boolean hasCells = false;
                int edge = 0;
                for (FastCell n : next) {
                    int span = columnsSpanned(edges, edge, n.leftEdge(), n.width());
                    edge += span;
                    if ((!n.vMerged() || n.firstVMerged()) && span != 0) {
                        hasCells = true;
                        break;
                    }
                }
                if (!hasCells) {
                    continue;
                }
                FastCell below = next.get(c);
                if (!below.vMerged() || below.firstVMerged()) {
                    break;
                }
                count++;
            }
            return count;
        }

        /** WordToHtmlConverter's table over a {@link FastTable}: the same cells, spans and order. */
        private void emitTable(HWPFDocumentCore doc, FastTable table) {
            TreeSet<Integer> edgeSet = new TreeSet<>();
            for (List<FastCell> row : table.rows()) {
                for (FastCell cell : row) {
                    edgeSet.add(cell.leftEdge());
                    edgeSet.add(cell.leftEdge() + cell.width());
                }
            }
            int[] edges = edgeSet.stream().mapToInt(Integer::intValue).toArray();
            List<List<Grid.Spanned>> headerRows = new ArrayList<>();
            List<List<Grid.Spanned>> bodyRows = new ArrayList<>();
            Sink outer = sink;
            try {
                for (int r = 0; r < table.rows().size(); r++) {
                    List<FastCell> row = table.rows().get(r);
                    List<Grid.Spanned> cellsOfRow = new ArrayList<>();
                    int edge = 0;
                    for (int c = 0; c < row.size(); c++) {
                        FastCell cell = row.get(c);
                        int colSpan = columnsSpanned(edges, edge, cell.leftEdge(), cell.width());
                        edge += colSpan;
                        if (cell.vMerged() && !cell.firstVMerged() || colSpan == 0) {
                            continue;
                        }
                        int rowSpan = rowsSpanned(table.rows(), edges, r, c, cell);
                        Sink text = new CellSink();
                        sink = text;
                        processParagraphs(doc, FastTable.of(cell.paragraphs()), null, table.level());
                        sink = outer;
                        cellsOfRow.add(new Grid.Spanned(colSpan, rowSpan, text.text.toString()));
                    }
                    (table.header().get(r) ? headerRows : bodyRows).add(cellsOfRow);
                }
            } finally {
                sink = outer;
            }
            emitRows(headerRows, bodyRows);
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
            emitRows(headerRows, bodyRows);
        }

        /** A table's rows as WordToHtmlConverter orders them: a page table, or lines of the outer cell. */
        private void emitRows(List<List<Grid.Spanned>> headerRows, List<List<Grid.Spanned>> bodyRows) {
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
