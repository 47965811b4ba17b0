package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.model.Block;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads HTML: hand-written pages, Word's "Save as Web Page" output (mso styles, {@code <o:p>},
 * nested spans) and LibreOffice's export.
 *
 * <p>Every top-level {@code <table>} becomes a {@link Table} with {@code rowspan}/{@code colspan}
 * resolved into the grid (see {@link Grid#place}); a table nested in a cell adds its cell texts,
 * one per line, to the outer cell's text. Text outside tables ({@code <p>}, {@code <h1>}..,
 * {@code <div>}, {@code <li>}) becomes paragraphs in document order. Pages with site navigation
 * keep all their tables; choosing the form is the extractor's job.
 *
 * <p>Charset: a byte-order mark, else the {@code <meta charset>} / {@code http-equiv} declaration
 * (GB2312 and GBK are read as their superset GB18030), else {@link TextDecoder} detection. A
 * declaration the bytes contradict is ignored in favour of detection.
 *
 * <p>Text: whitespace runs collapse to one space as a browser shows them, {@code &nbsp;} becomes a
 * plain space, {@code <br>} and block ends become line breaks; a cell's lines are stripped and
 * blank lines dropped ({@link Grid#cellText}). Rows whose cells are all blank are dropped.
 */
public final class HtmlReader implements DocumentReader {

    /** The element depth jsoup keeps; deeper elements are flattened into their ancestor at this depth. */
    static final int MAX_DEPTH = 4096;

    private static final int SNIFF_BYTES = 8192;

    /** Elements whose start and end break a line (HTML block-level plus table parts). */
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
            "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "main",
            "address", "center", "form", "fieldset", "hr", "caption", "table", "thead", "tbody",
            "tfoot", "tr", "td", "th", "body", "html");

    /** Elements whose content is never text of the page. */
    private static final Set<String> HIDDEN = Set.of(
            "head", "script", "style", "title", "noscript", "template", "xml", "object", "iframe", "select");

    private final ReadLimits limits;

    public HtmlReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public Result<Document> read(Source source) {
        Optional<Result<Document>> refused = TextLimits.refuse(limits, source, "HTML");
        if (refused.isPresent()) {
            return refused.get();
        }
        return readHtml(source.name(), decode(source.content()), SourceFormat.HTML);
    }

    /** Reads already decoded HTML; the .doc reader comes here with POI's HTML rendering. */
    Result<Document> readHtml(String name, String html, SourceFormat format) {
        if (html.length() > limits.maxTextChars()) {
            return Result.failed(name, Stage.READ, "read.too_large",
                    String.format(Locale.ROOT, "the HTML has %d characters, more than the limit of %d",
                            html.length(), limits.maxTextChars()));
        }
        // jsoup flattens elements deeper than 512 by default, which took a form wrapped in 600 <div>s
        // apart (extract.no_form); the walk below is iterative, so a deeper tree costs no stack.
        org.jsoup.nodes.Document dom = Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        Collector collector = new Collector(limits.maxCells());
        NodeTraversor.filter(collector, dom.body()); // jsoup always gives a document a body
        collector.flushParagraph();
        if (collector.tooLarge) {
            return Result.failed(name, Stage.READ, "read.too_many_cells",
                    String.format(Locale.ROOT, "the tables cover more than %d grid cells (counting the cells that spans cover)",
                            limits.maxCells()));
        }
        return Result.ok(new Document(name, format, collector.blocks));
    }

    /** Decodes HTML bytes: BOM, then a declared charset the bytes agree with, then detection. */
    static String decode(byte[] bytes) {
        Optional<TextDecoder.Decoded> bom = TextDecoder.decodeByBom(bytes);
        if (bom.isPresent()) {
            return bom.get().text();
        }
        Optional<Charset> declared = declaredCharset(bytes);
        if (declared.isPresent()) {
            Optional<String> text = TextDecoder.decodeDeclared(bytes, declared.get());
            if (text.isPresent()) {
                return text.get();
            }
        }
        return TextDecoder.decode(bytes).text();
    }

    /** The charset named by a {@code <meta>} in the first bytes; GB2312/GBK widen to GB18030. */
    static Optional<Charset> declaredCharset(byte[] bytes) {
        // Charset names are ASCII, and every charset a form page uses is ASCII-compatible here.
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Optional<String> found = metaCharset(head);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String label = found.get().toLowerCase(Locale.ROOT);
        if (label.startsWith("gb") || label.equals("x-gbk") || label.equals("cp936")) {
            return Optional.of(TextDecoder.GB18030);
        }
        try {
            Charset declared = Charset.forName(label);
            // The <meta> was just read as single bytes, so the page cannot be UTF-16/32; the HTML
            // standard reads such a declaration as UTF-8 (decoding as declared gave CJK garbage).
            String name = declared.name();
            return Optional.of(name.startsWith("UTF-16") || name.startsWith("UTF-32") ? StandardCharsets.UTF_8 : declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /**
     * The charset label of the first {@code <meta} tag that declares one: {@code charset}, optional
     * blanks, {@code =}, optional blanks, an optional quote, optional blanks, then the label's
     * letters, digits and {@code ._:-}, all before the tag's first {@code >}; ASCII letters in any
     * case. This is what the regex {@code <meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)}
     * (case-insensitive) finds, written out because that regex, tried at every position of 8 kB,
     * cost more than the scan and compiled into one of the largest methods of an HTML batch.
     */
    static Optional<String> metaCharset(String head) {
        for (int tag = indexOfAscii(head, "<meta", 0, head.length()); tag >= 0;
             tag = indexOfAscii(head, "<meta", tag + 1, head.length())) {
            int close = head.indexOf('>', tag + 5);
            int end = close < 0 ? head.length() : close;
            for (int at = indexOfAscii(head, "charset", tag + 5, end); at >= 0;
                 at = indexOfAscii(head, "charset", at + 1, end)) {
                int i = skipBlanks(head, at + 7, end);
                if (i >= end || head.charAt(i) != '=') {
                    continue;
                }
                i = skipBlanks(head, i + 1, end);
                if (i < end && (head.charAt(i) == '"' || head.charAt(i) == '\'')) {
                    i = skipBlanks(head, i + 1, end);
                }
                int label = i;
                while (i < end && isLabelChar(head.charAt(i))) {
                    i++;
                }
                if (i > label) {
                    return Optional.of(head.substring(label, i));
                }
            }
        }
        return Optional.empty();
    }

    /** The first index in [from, to) where {@code word} (lower-case ASCII) starts, in any ASCII case; -1 if none. */
    private static int indexOfAscii(String s, String word, int from, int to) {
        int last = to - word.length();
        for (int i = from; i <= last; i++) {
            int k = 0;
            while (k < word.length() && sameAscii(s.charAt(i + k), word.charAt(k))) {
                k++;
            }
            if (k == word.length()) {
                return i;
            }
        }
        return -1;
    }

    /** {@code c} is {@code lower}, or its upper-case form when {@code lower} is an ASCII letter. */
    private static boolean sameAscii(char c, char lower) {
        return c == lower || (lower >= 'a' && lower <= 'z' && c == lower - ('a' - 'A'));
    }

    /** Past the regex's {@code \s} (space, tab, line feed, U+000B, form feed, carriage return) from {@code i}. */
    private static int skipBlanks(String s, int i, int end) {
        while (i < end && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        return i;
    }

    private static boolean isLabelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }

    /**
     * Text as a browser lays it out, gathered by one walk without recursion (a page may nest
     * elements 100 000 deep): each whitespace run one space, {@code <br>} a line break, hidden
     * elements skipped. What a block edge means is the subclass's: a new paragraph on the page, a
     * new line in a cell.
     */
    private abstract static class TextWalk implements NodeFilter {
        final StringBuilder text = new StringBuilder();

        /** A block element below the walk's root starts or ends. */
        abstract void blockEdge();

        /** Takes over {@code element} and says how the walk goes on, or empty to walk into it as text. */
        Optional<FilterResult> takeOver(Element element, String tag) {
            return Optional.empty();
        }

        @Override
        public final FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendCollapsed(text, t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (HIDDEN.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            Optional<FilterResult> taken = takeOver(e, tag);
            if (taken.isPresent()) {
                return taken.get();
            }
            if (tag.equals("br")) {
                text.append('\n');
            } else if (depth > 0 && BLOCKS.contains(tag)) {
                blockEdge();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public final FilterResult tail(Node node, int depth) {
            if (depth > 0 && node instanceof Element e && BLOCKS.contains(e.normalName())) {
                blockEdge();
            }
            return FilterResult.CONTINUE;
        }
    }

    /** The page: top-level tables are built and skipped over, other text gathers into paragraphs. */
    private static final class Collector extends TextWalk {
        final List<Block> blocks = new ArrayList<>();
        /** Grid positions the tables so far cover, spans counted in full. */
        long cells;
        /** Set when a table would take the covered positions past {@link #maxCells}. */
        boolean tooLarge;
        private final long maxCells;
        private int paragraphs;
        private int tables;

        Collector(long maxCells) {
            this.maxCells = maxCells;
        }

        @Override
        void blockEdge() {
            flushParagraph();
        }

        @Override
        Optional<FilterResult> takeOver(Element e, String tag) {
            if (!tag.equals("table")) {
                return Optional.empty();
            }
            flushParagraph();
            List<List<Grid.Spanned>> rows = tableRows(e);
            Optional<List<Grid.Placed>> fitted = Grid.place(rows, maxCells - cells);
            if (fitted.isEmpty()) {
                // Stop the walk at once: the rest of the page is not worth reading.
                tooLarge = true;
                return Optional.of(FilterResult.STOP);
            }
            List<Grid.Placed> placed = fitted.get();
            cells += placed.stream().mapToLong(p -> (long) p.colSpan() * p.rowSpan()).sum();
            blocks.add(new Table(++tables, Grid.rows(rows.size(), placed)));
            return Optional.of(FilterResult.SKIP_ENTIRELY);
        }

        void flushParagraph() {
            String paragraph = Grid.cellText(text);
            text.setLength(0);
            if (!paragraph.isEmpty()) {
                blocks.add(new Paragraph(++paragraphs, paragraph));
            }
        }
    }

    /** One cell: its blocks and {@code <br>}s break lines, and a table nested in it adds its cells' lines. */
    private static final class CellText extends TextWalk {
        @Override
        void blockEdge() {
            text.append('\n');
        }
    }

    /** The rows of one table, each a list of its {@code td}/{@code th} cells with spans. */
    private static List<List<Grid.Spanned>> tableRows(Element table) {
        // Child nodes by index rather than Element.children(), which builds a filtered list per call.
        List<List<Grid.Spanned>> rows = new ArrayList<>();
        for (int i = 0; i < table.childNodeSize(); i++) {
            if (!(table.childNode(i) instanceof Element child)) {
                continue;
            }
            String tag = child.normalName();
            if (tag.equals("tr")) {
                rows.add(rowCells(child));
            } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                for (int j = 0; j < child.childNodeSize(); j++) {
                    if (child.childNode(j) instanceof Element tr && tr.normalName().equals("tr")) {
                        rows.add(rowCells(tr));
                    }
                }
            }
        }
        return rows;
    }

    private static List<Grid.Spanned> rowCells(Element tr) {
        List<Grid.Spanned> cells = new ArrayList<>(tr.childNodeSize());
        for (int i = 0; i < tr.childNodeSize(); i++) {
            if (tr.childNode(i) instanceof Element td && (td.normalName().equals("td") || td.normalName().equals("th"))) {
                cells.add(new Grid.Spanned(span(td.attr("colspan"), 1), span(td.attr("rowspan"), 1), text(td)));
            }
        }
        return cells;
    }

    /** A span attribute as browsers read it: leading digits, else the default; 0 kept (rowspan=0). */
    private static int span(String value, int fallback) {
        String v = value.strip();
        int end = 0;
        // ASCII digits only, as browsers read them: Character.isDigit would take "２" or "٣".
        while (end < v.length() && end < 9 && v.charAt(end) >= '0' && v.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? fallback : Integer.parseInt(v.substring(0, end));
    }

    /** The text of an element as lines: block ends and {@code <br>} break lines, nested cells too. */
    static String text(Element element) {
        CellText walk = new CellText();
        NodeTraversor.filter(walk, element);
        return Grid.cellText(walk.text);
    }

    /** Appends text as a browser shows it: each whitespace run one space, {@code &nbsp;} a space. */
    static void appendCollapsed(StringBuilder out, String text) {
        boolean space = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
    }
}
