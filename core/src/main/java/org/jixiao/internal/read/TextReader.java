package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Stage;
import org.jixiao.model.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain-text exports of Word documents and forms copied out of web pages and PDFs.
 *
 * <p>The table layouts recognised. Two as Word's "save as text" writes them:
 * <ul>
 *   <li><b>row per line</b>: every table row on one line, one tab per grid column, empty fields for
 *       merged or empty cells (seeds 000, 004). Column positions may drift from row to row; that
 *       is kept as written and left to the extractor.</li>
 *   <li><b>cell per line</b>: every cell on its own line behind a tab ({@code \tcell}), a blank line
 *       between rows, two blank lines or a text line after the table (seed 002).</li>
 * </ul>
 * Two as forms copied from web pages and PDFs look:
 * <ul>
 *   <li><b>pipe rows</b>: {@code a | b | c}, markdown-like, with optional leading and trailing
 *       pipes; separator rows of dashes ({@code |---|:--:|}) are skipped. A line is a pipe row when
 *       it holds two pipes, or one pipe at its start or end.</li>
 *   <li><b>space-aligned rows</b>: cells separated by runs of two or more spaces (U+0020 or
 *       U+3000), at least two cells; a run of such lines is a table when it has two lines or more,
 *       or a line with three cells or more. Cells are numbered left to right; character positions
 *       are not used, since CJK widths make them unreliable.</li>
 * </ul>
 * And two whole-file layouts that write every table cell on its own line with no row delimiter at
 * all: LibreOffice's text export of a .docx (a blank line for an empty cell), and a web page's
 * text where each cell line closes with a pipe ({@code 主管部门 |}, a lone {@code |} for an empty
 * cell; see {@link #closingPipeCells}), which is read as the export once its pipes are dropped.
 * A form flattened onto one line, cells separated by single spaces, is read as the export too, a
 * field per cell ({@link #flattenedCells}):
 * <ul>
 *   <li><b>cell per line without row delimiters</b>: the file holds no tab and no pipe row, has at
 *       least {@value #EXPORT_MIN_LINES} non-blank lines, and at least 80 % of them are short
 *       (at most {@value #EXPORT_SHORT_LINE} characters), or a run of that many short lines with
 *       blank ones among them holds its table (a report's long paragraphs around it). Row boundaries cannot be known, so the
 *       file becomes ONE single-column table (table 1), one row per line (title lines included),
 *       blank lines kept as empty cells, and no paragraphs; the extractor re-chunks it.</li>
 * </ul>
 * Any other line is a paragraph. Word's {@code [bookmark: _Toc…]} markers are dropped.
 */
public final class TextReader implements DocumentReader {

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark: [^\\]]*\\]");
    private static final Pattern SPACE_RUN = Pattern.compile("[ \u3000]{2,}");
    private static final Pattern PIPE_SEPARATOR = Pattern.compile("[|:+\\- \u3000]*-[|:+\\- \u3000]*");
    static final int EXPORT_MIN_LINES = 20;
    static final int EXPORT_SHORT_LINE = 40;

    private final ReadLimits limits;

    public TextReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public Result<Document> read(Source source) {
        Optional<Result<Document>> refused = TextLimits.refuse(limits, source, "text");
        if (refused.isPresent()) {
            return refused.get();
        }
        String text = TextDecoder.decode(source.content()).text();
        if (text.length() > limits.maxTextChars()) {
            return Result.failed(source.name(), Stage.READ, "read.too_large",
                    String.format(Locale.ROOT, "the text has %d characters, more than the limit of %d",
                            text.length(), limits.maxTextChars()));
        }
        Document document = parse(source.name(), text);
        long cells = 0;
        for (Table t : document.tables()) {
            for (Row r : t.rows()) {
                cells += r.cells().size();
            }
        }
        if (cells > limits.maxCells()) {
            // A text of hundreds of thousands of one-cell lines is no form; refused here, as the
            // other readers refuse such tables, rather than in the extractor's memory.
            return Result.failed(source.name(), Stage.READ, "read.too_many_cells",
                    String.format(Locale.ROOT, "the text's tables hold %d cells, more than the limit of %d",
                            cells, limits.maxCells()));
        }
        return Result.ok(document);
    }

    /** Splits decoded text into paragraphs and tables. */
    Document parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        // Removed once here, so that every layout test below sees the same line: testing a line
        // with its bookmark in one place and without it in another once left the loops stuck.
        if (text.contains("[bookmark: ")) {
            for (int k = 0; k < lines.length; k++) {
                lines[k] = BOOKMARK.matcher(lines[k]).replaceAll("");
            }
        }
        Optional<String[]> closed = closingPipeCells(lines);
        if (closed.isPresent()) {
            return cellPerLineExport(name, closed.get());
        }
        Optional<String[]> cellParagraphs = paragraphCells(lines);
        if (cellParagraphs.isPresent()) {
            return cellPerLineExport(name, cellParagraphs.get());
        }
        Optional<String[]> flattened = flattenedCells(lines);
        if (flattened.isPresent()) {
            return cellPerLineExport(name, flattened.get());
        }
        String[] cells = indentedPipeCells(lines);
        boolean rewritten = cells != lines;
        lines = cells;
        boolean singleSpaced = isSingleSpaced(lines);
        if (!rewritten && !singleSpaced && isCellPerLineExport(text, lines)) {
            return cellPerLineExport(name, lines);
        }
        List<Block> blocks = new ArrayList<>();
        int paragraphs = 0;
        int tables = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            int spaceEnd;
            if (isGridRow(line)) {
                List<Row> rows = new ArrayList<>();
                while (i < lines.length && isGridRow(lines[i])) {
                    rows.add(gridRow(lines[i]));
                    i++;
                }
                blocks.add(new Table(++tables, rows));
            } else if (isCellLine(line)) {
                List<Row> rows = new ArrayList<>();
                List<Cell> current = new ArrayList<>();
                while (i < lines.length) {
                    if (isCellLine(lines[i])) {
                        current.add(Cell.of(current.size(), clean(lines[i].substring(1))));
                        i++;
                    } else if (lines[i].isBlank() && i + 1 < lines.length && isCellLine(lines[i + 1])) {
                        // one blank line separates rows of the same table
                        rows.add(new Row(current));
                        current = new ArrayList<>();
                        i++;
                    } else {
                        break;
                    }
                }
                rows.add(new Row(current));
                blocks.add(new Table(++tables, rows));
            } else if (isPipeRow(line)) {
                List<Row> rows = new ArrayList<>();
                StringBuilder logical = null;
                boolean rowsOpenWithPipes = rowsOpenWithPipes(lines, i);
                while (i < lines.length && (isPipeRow(lines[i]) || lines[i].strip().equals("|"))) {
                    String s = lines[i].strip();
                    if (PIPE_SEPARATOR.matcher(s).matches()) {
                        i++;
                        continue;
                    }
                    // A web page wraps long rows: a line that closes with a pipe but does not open
                    // with one, or holds nothing but pipes, goes on with the row above; a lone pipe
                    // opens a row whose first cell is on the next line. Where no row of the table
                    // opens with a pipe (a | b | c ||), every line is a row of its own.
                    boolean continues = logical != null
                            && (rowsOpenWithPipes && !s.startsWith("|") && s.endsWith("|")
                            || isPipesOnly(s));
                    if (continues) {
                        logical.append(s);
                    } else {
                        if (logical != null) {
                            rows.add(pipeRow(logical.toString(), rowsOpenWithPipes));
                        }
                        logical = new StringBuilder(s);
                    }
                    i++;
                }
                if (logical != null) {
                    rows.add(pipeRow(logical.toString(), rowsOpenWithPipes));
                }
                blocks.add(new Table(++tables, rows));
            } else if (singleSpaced && (spaceEnd = singleSpaceTableEnd(lines, i)) > i) {
                List<Row> rows = new ArrayList<>();
                for (; i < spaceEnd; i++) {
                    if (!lines[i].isBlank()) {
                        rows.add(fieldsRow(List.of(SINGLE_SPACES.split(joinLetterSpaced(lines[i].strip())))));
                    }
                }
                blocks.add(new Table(++tables, rows));
            } else if ((spaceEnd = spaceTableEnd(lines, i)) > i) {
                List<Row> rows = new ArrayList<>();
                for (; i < spaceEnd; i++) {
                    rows.add(fieldsRow(spaceFields(lines[i])));
                }
                blocks.add(new Table(++tables, rows));
            } else {
                if (!line.isBlank()) {
                    // A rewritten layout has its own lines, which are not the file's.
                    blocks.add(new Paragraph(++paragraphs, clean(line), rewritten ? 0 : i + 1));
                }
                i++;
            }
        }
        return new Document(name, SourceFormat.TEXT, blocks);
    }

    /**
     * True if the rows of the pipe table starting at line {@code start} open with a pipe: its first
     * row does ({@code | a | b |}), or a lone pipe opens a row whose cells follow on the next
     * lines (the table's first, or the line just before it). Only then can a line that merely
     * closes with a pipe be the wrapped rest of the row above. A later row that opens with a pipe
     * in a table whose rows do not ({@code a | b |}) has an empty first cell
     * ({@code  | 产出指标 | …}), and says nothing of the other rows.
     */
    private static boolean rowsOpenWithPipes(String[] lines, int start) {
        if (start > 0 && lines[start - 1].strip().equals("|")) {
            return true;
        }
        boolean first = true;
        for (int i = start; i < lines.length; i++) {
            String s = lines[i].strip();
            if (!isPipeRow(s) && !s.equals("|")) {
                return false;
            }
            if (s.equals("|")) {
                return true;
            }
            if (PIPE_SEPARATOR.matcher(s).matches() || isPipesOnly(s)) {
                continue;
            }
            if (first && s.startsWith("|")) {
                return true;
            }
            first = false;
        }
        return false;
    }

    /** A line of pipes alone ({@code ||||}), the trace of a row's empty cells; a lone pipe is not one. */
    private static boolean isPipesOnly(String stripped) {
        return stripped.length() > 1 && stripped.chars().allMatch(c -> c == '|');
    }

    /**
     * A web page's cell written on a line of its own and closed by a pipe ({@code 项目名称 |}): the
     * line's only pipe is its last character, after some text. Tested without a regular expression:
     * a long line without a pipe made the pattern backtrack for minutes.
     */
    private static boolean isClosedCell(String stripped) {
        int pipe = stripped.indexOf('|');
        return pipe > 0 && pipe == stripped.length() - 1 && !stripped.substring(0, pipe).isBlank();
    }

    /**
     * A web page's table written one cell per line, each closed by a pipe ({@code 主管部门 |}), an
     * empty cell as a lone pipe, with nothing that marks where a row ends: the cells as the
     * cell-per-line export has them (pipe dropped, an empty cell an empty line), for the extractor
     * to re-chunk. Applies when at least {@value #EXPORT_MIN_LINES} lines are such cells and no
     * line holds a second pipe or opens with one (those are pipe rows); lines around the table
     * (a page's title, its date) stay lines of their own.
     *
     * @return the rewritten lines, or empty when the text is not in this layout
     */
    static Optional<String[]> closingPipeCells(String[] lines) {
        int cells = 0;
        for (String line : lines) {
            String s = line.strip();
            if (s.equals("|")) {
                continue;
            }
            if (isClosedCell(s)) {
                cells++;
            } else if (s.indexOf('|') >= 0) {
                return Optional.empty();
            }
        }
        if (cells < EXPORT_MIN_LINES) {
            return Optional.empty();
        }
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            out[i] = s.endsWith("|") ? s.substring(0, s.length() - 1).strip() : lines[i];
        }
        return Optional.of(out);
    }

    /** The least paragraphs a page's cell-per-paragraph table has … */
    static final int PARAGRAPH_MIN_CELLS = 30;
    /** … and the least of them that hold only spaces (its empty cells). */
    static final int PARAGRAPH_MIN_EMPTY_CELLS = 3;

    /**
     * A web page's table written one cell per paragraph ({@code <p>} per cell): every cell
     * followed by an empty line, an empty cell as a line of spaces ({@code " "}), a cell's own line
     * break a line inside its paragraph ({@code 项目资金\n(万元)}), and nothing that marks where a
     * row ends. Rewritten as the cell-per-line export has its cells: a paragraph a line (its lines
     * joined), an empty cell an empty line, the separating empty lines gone. Applies when the file
     * holds no tab or pipe row, at least {@value #PARAGRAPH_MIN_CELLS} paragraphs, at least
     * {@value #PARAGRAPH_MIN_EMPTY_CELLS} of them a lone line of spaces, and nearly every paragraph
     * a single short line: LibreOffice's export runs its cells together, without empty lines
     * between them, and prose has long lines.
     *
     * @return the rewritten lines, or empty when the text is not in this layout
     */
    static Optional<String[]> paragraphCells(String[] lines) {
        // Counted first, without copying a line: most files are not in this layout.
        int paragraphs = 0;
        int spacesOnly = 0;
        int singleShort = 0;
        boolean inParagraph = false;
        boolean shortSoFar = false;
        for (String line : lines) {
            if (line.indexOf('\t') >= 0 || isPipeRow(line)) {
                return Optional.empty();
            }
            if (line.isEmpty()) {
                inParagraph = false;
                continue;
            }
            if (!inParagraph) {
                inParagraph = true;
                paragraphs++;
                shortSoFar = false;
                int length = strippedLength(line);
                if (length == 0) {
                    spacesOnly++;
                } else if (length <= EXPORT_SHORT_LINE) {
                    singleShort++;
                    shortSoFar = true;
                }
            } else if (shortSoFar) {
                // A second line in the paragraph: the cell wrapped; it is no single short line.
                shortSoFar = false;
                singleShort--;
            }
        }
        if (paragraphs < PARAGRAPH_MIN_CELLS || spacesOnly < PARAGRAPH_MIN_EMPTY_CELLS
                || (singleShort + spacesOnly) * 10 < paragraphs * 8) {
            return Optional.empty();
        }
        List<String> cells = new ArrayList<>(paragraphs);
        StringBuilder paragraph = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                if (paragraph != null) {
                    cells.add(paragraph.toString());
                    paragraph = null;
                }
            } else if (paragraph == null) {
                paragraph = new StringBuilder(line.strip());
            } else {
                paragraph.append(line.strip());
            }
        }
        if (paragraph != null) {
            cells.add(paragraph.toString());
        }
        return Optional.of(cells.toArray(new String[0]));
    }

    /** The length of {@code line} without the white space around it, without copying it. */
    private static int strippedLength(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        return to - from;
    }

    /** A flattened form's line is at least this long … */
    static final int FLATTENED_MIN_CHARS = 200;
    /** … and its spaces cut it into at least this many fields … */
    static final int FLATTENED_MIN_FIELDS = 40;
    /** … of at most this many characters on average. */
    static final int FLATTENED_MAX_MEAN_FIELD = 16;

    /**
     * A whole form flattened onto a line, its cells separated by single spaces (a document-sharing
     * page's text of a .docx: {@code 项目名称 委托业务项目 主管部门 … 年度资金总额: 0 0 0 10 0 0 …}): its
     * fields one per line, as the cell-per-line export has its cells, for the extractor to re-chunk;
     * other lines stay lines of their own. A flattened line is long and cut by its spaces into many
     * short fields; glued text (no separators) and prose (long sentences) are not.
     *
     * @return the rewritten lines, or empty when no line is flattened
     */
    static Optional<String[]> flattenedCells(String[] lines) {
        String[][] fields = new String[lines.length][];
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].indexOf('\t') >= 0 || isPipeRow(lines[i])) {
                return Optional.empty(); // a file of tab or pipe rows is read as such
            }
            fields[i] = flattenedFields(lines[i]);
            any |= fields[i] != null;
        }
        if (!any) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (fields[i] != null) {
                out.addAll(List.of(fields[i]));
            } else {
                out.add(lines[i]);
            }
        }
        return Optional.of(out.toArray(new String[0]));
    }

    /** The fields of a flattened line, cut once at its spaces; null for any other line. */
    private static String[] flattenedFields(String line) {
        if (line.length() < FLATTENED_MIN_CHARS || line.indexOf('|') >= 0) {
            return null;
        }
        String stripped = line.strip();
        String[] fields = SINGLE_SPACES.split(stripped);
        if (fields.length < FLATTENED_MIN_FIELDS || stripped.length() > fields.length * FLATTENED_MAX_MEAN_FIELD) {
            return null;
        }
        // A form's cells are Chinese labels, names and figures: a line of English words is prose.
        int han = 0;
        for (String f : fields) {
            if (TextNormalizer.hasHan(f)) {
                han++;
            }
        }
        return han * 4 >= fields.length ? fields : null;
    }

    /** An indented cell line of a web page's table: {@code         | 二级指标}. */
    private static final Pattern INDENTED_CELL = Pattern.compile("^\\s{2,}\\|\\s?(.*)$");
    /** The indented second line of a wrapped cell: {@code        指标}. */
    private static final Pattern INDENTED_TEXT = Pattern.compile("^\\s{2,}[^\\s|].*$");

    /**
     * A web page's table written one cell per indented line behind a pipe, each row opening with
     * its first cell unindented and closing on a line of pipes ({@code | ||}), a wrapped label going
     * on in an indented line: rewritten as the cell-per-line layout ({@code \tcell}, a blank line
     * between rows), which the parser below reads. Other text is returned as it is.
     */
    static String[] indentedPipeCells(String[] lines) {
        int cellLines = 0;
        for (String line : lines) {
            if (INDENTED_CELL.matcher(line).matches()) {
                cellLines++;
            }
        }
        if (cellLines < 5) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.length);
        boolean inRow = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher cell = INDENTED_CELL.matcher(line);
            if (cell.matches()) {
                String content = cell.group(1).strip();
                if (content.chars().allMatch(c -> c == '|' || c == ' ')) {
                    if (inRow) {
                        out.add("");
                    }
                    inRow = false;
                } else if (inRow) {
                    out.add("\t" + content);
                } else {
                    out.add(line);
                }
            } else if (inRow && INDENTED_TEXT.matcher(line).matches() && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + line.strip());
            } else if (!line.isBlank() && !line.startsWith(" ") && opensRow(lines, i + 1)) {
                if (inRow) {
                    out.add("");
                }
                out.add("\t" + line.strip());
                inRow = true;
            } else if (line.isBlank()) {
                if (!inRow) {
                    out.add(line);
                }
            } else {
                if (inRow) {
                    out.add("");
                    out.add("");
                }
                inRow = false;
                out.add(line);
            }
        }
        return out.toArray(new String[0]);
    }

    /** True if the lines from {@code i} hold, after a wrapped label's indented lines, an indented cell line. */
    private static boolean opensRow(String[] lines, int i) {
        while (i < lines.length && INDENTED_TEXT.matcher(lines[i]).matches()) {
            i++;
        }
        return i < lines.length && INDENTED_CELL.matcher(lines[i]).matches();
    }

    /**
     * The LibreOffice export layout: see the class comment for the rule. The caller has ruled out
     * rows of figures separated by single spaces: those are rows, one per line, however short.
     */
    private static boolean isCellPerLineExport(String text, String[] lines) {
        if (text.indexOf('\t') >= 0) {
            return false;
        }
        int nonBlank = 0;
        int shortLines = 0;
        int aligned = 0;
        int piped = 0;
        for (String line : lines) {
            // Pipe rows, or two lines of space-separated fields (a table copied from a PDF), are
            // other layouts even when every line is short.
            if (isPipeRow(line) && ++piped >= 2 || (spaceFields(line).size() >= 2 && ++aligned >= 2)) {
                return false;
            }
            String s = line.strip();
            if (!s.isEmpty()) {
                nonBlank++;
                if (s.length() <= EXPORT_SHORT_LINE) {
                    shortLines++;
                }
            }
        }
        return nonBlank >= EXPORT_MIN_LINES && (shortLines * 5 >= nonBlank * 4 || hasShortRun(lines));
    }

    /**
     * A report exported the same way: its paragraphs are long lines, but its table is a run of at
     * least {@value #EXPORT_MIN_LINES} short lines with the blank lines of empty cells among them.
     */
    private static boolean hasShortRun(String[] lines) {
        int run = 0;
        int blanks = 0;
        for (String line : lines) {
            String s = line.strip();
            if (s.length() > EXPORT_SHORT_LINE) {
                run = 0;
                blanks = 0;
                continue;
            }
            if (s.isEmpty()) {
                blanks++;
            } else {
                run++;
            }
            if (run >= EXPORT_MIN_LINES && blanks > 0) {
                return true;
            }
        }
        return false;
    }

    private static Document cellPerLineExport(String name, String[] lines) {
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--;
        }
        List<Row> rows = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            rows.add(new Row(List.of(Cell.of(0, clean(lines[i])))));
        }
        return new Document(name, SourceFormat.TEXT, List.of(new Table(1, rows)));
    }

    /** Two pipes, or one at the start or end: {@code a | b | c}, {@code | a |}, {@code a |}. */
    private static boolean isPipeRow(String line) {
        String s = line.strip();
        int pipes = count(s, '|');
        return pipes >= 2 || (pipes == 1 && s.length() > 1 && (s.charAt(0) == '|' || s.charAt(s.length() - 1) == '|'));
    }

    /**
     * The cells of a pipe row; a leading pipe opens the row where the table's rows open with one,
     * and is the end of an empty first cell where they do not.
     */
    private static Row pipeRow(String line, boolean opensWithPipe) {
        String s = line.strip();
        if (opensWithPipe && s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return fieldsRow(List.of(s.split("\\|", -1)));
    }

    /**
     * The end (exclusive) of a space-aligned table starting at line {@code start}, or
     * {@code start} when the lines there do not form one.
     */
    private static int spaceTableEnd(String[] lines, int start) {
        int end = start;
        int widest = 0;
        while (end < lines.length && lines[end].indexOf('\t') < 0 && !isPipeRow(lines[end])) {
            int fields = spaceFields(lines[end]).size();
            if (fields < 2) {
                break;
            }
            widest = Math.max(widest, fields);
            end++;
        }
        return end - start >= 2 || widest >= 3 ? end : start;
    }

    /** One space or more: the cell separator of a page that writes its table rows with single spaces. */
    private static final Pattern SINGLE_SPACES = Pattern.compile("[ \u3000]+");
    /** The longest field of a single-spaced row of words (a cell's name or value). */
    private static final int SHORT_FIELD = 16;
    /**
     * A figure cell: 45, 12.5, 100%, or a placeholder dash; in full-width forms too (４５, １００％),
     * which text normalization folds only after the reader has split the rows.
     */
    private static final Pattern FIGURE = Pattern.compile(
            "[-+－＋]?[0-9０-９][0-9０-９.,．，]*(?:[%％]|[a-zA-Zａ-ｚＡ-Ｚ\\p{IsHan}]{1,3})?|[-－]");
    /**
     * A word spaced out letter by letter: {@code 产 出 指 标}, three Han characters or more, its weight
     * possibly right after its last letter ({@code 产　出　指　标（50分）}).
     */
    private static final Pattern LETTER_SPACED = Pattern.compile("(?<![^ \u3000])\\p{IsHan}(?:[ \u3000]\\p{IsHan}){2,}(?![^ \u3000(（])");

    /**
     * A page whose table rows are written with single spaces between cells (年度资金总额 45 45 10
     * 100% 10): at least three lines of four cells or more, two of them figures. Only the single
     * spaces tell the cells apart, and text normalization later removes a space between two Han
     * characters, so the reader must split such rows itself.
     */
    private static boolean isSingleSpaced(String[] lines) {
        int rows = 0;
        for (String line : lines) {
            if (line.indexOf('\t') >= 0 || line.indexOf('|') >= 0) {
                continue;
            }
            String[] fields = SINGLE_SPACES.split(line.strip());
            int figures = 0;
            for (String f : fields) {
                if (FIGURE.matcher(f).matches()) {
                    figures++;
                }
            }
            if (fields.length >= 4 && (figures >= 2 || fields.length >= 5 && allShort(fields)) && ++rows >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if every field is a table cell's length: a row of a table whose values are words
     * (指标值 | 实施进度 of a 绩效目标 table) has few figures, but prose has no run of short words
     * between single spaces.
     */
    private static boolean allShort(String[] fields) {
        for (String f : fields) {
            if (f.length() > SHORT_FIELD) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of a single-spaced table starting at {@code start}: it opens with a line of four
     * cells or more and goes on through lines of two cells or more, short lines of one cell (a
     * level label, a placeholder, a wrapped heading) and blank lines; a long line of text ends it.
     */
    private static int singleSpaceTableEnd(String[] lines, int start) {
        int open = start;
        if (SINGLE_SPACES.split(lines[start].strip()).length < 4) {
            open = leadInOpening(lines, start);
            if (open < 0) {
                return start;
            }
        }
        int end = open;
        while (end < lines.length) {
            String s = lines[end].strip();
            if (!s.isEmpty() && SINGLE_SPACES.split(s).length < 2 && s.length() > 12) {
                break;
            }
            end++;
        }
        while (end > start && lines[end - 1].isBlank()) {
            end--;
        }
        return end;
    }

    /** The longest line of a table's lead-in ({@code 项目名称 水旱灾害防御经费}, {@code (万元)}). */
    private static final int LEAD_IN_LINE = 30;
    /** How many lines a lead-in may have before the line that opens the table. */
    private static final int LEAD_IN_LINES = 8;

    /**
     * The line that opens a single-spaced table (four cells or more) after a lead-in starting at
     * {@code start}: short lines of label and value ({@code 项目名称 水旱灾害防御经费}, {@code 主管部门 实施单位
     * 天长市水利局}) and of one wrapped heading ({@code 项目资金}, {@code (万元)}), the first of them of two
     * cells or more. Those lines are the table's first rows. Returns -1 when {@code start} opens
     * no such lead-in.
     */
    private static int leadInOpening(String[] lines, int start) {
        String first = lines[start].strip();
        String[] fields = SINGLE_SPACES.split(first);
        // Label and value are words; a title spaced out ("( 2019 年度)") is not a lead-in.
        if (first.length() > LEAD_IN_LINE || fields.length < 2
                || Arrays.stream(fields).anyMatch(f -> f.codePointCount(0, f.length()) < 2)) {
            return -1;
        }
        for (int k = start + 1; k < lines.length && k <= start + LEAD_IN_LINES; k++) {
            String s = lines[k].strip();
            if (SINGLE_SPACES.split(s).length >= 4) {
                return k;
            }
            if (s.length() > LEAD_IN_LINE) {
                return -1;
            }
        }
        return -1;
    }

    private static List<String> spaceFields(String line) {
        String s = line.strip();
        return s.isEmpty() ? List.of() : List.of(SPACE_RUN.split(s));
    }

    /** {@code 产 出 指 标  数量指标}: a word spaced out letter by letter is one field, not four. */
    static String joinLetterSpaced(String line) {
        Matcher m = LETTER_SPACED.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int at = 0;
        do {
            out.append(line, at, m.start()).append(SINGLE_SPACES.matcher(m.group()).replaceAll(""));
            at = m.end();
        } while (m.find());
        return out.append(line, at, line.length()).toString();
    }

    private static Row fieldsRow(List<String> fields) {
        List<Cell> cells = new ArrayList<>(fields.size());
        for (int c = 0; c < fields.size(); c++) {
            cells.add(Cell.of(c, clean(fields.get(c))));
        }
        return new Row(cells);
    }

    /** A row-per-line table row: tabs separate at least two fields and the line is not a lone cell. */
    private static boolean isGridRow(String line) {
        int tabs = count(line, '\t');
        return tabs >= 2 || (tabs == 1 && line.charAt(0) != '\t');
    }

    /** A cell-per-line cell: exactly one tab, at the start. */
    private static boolean isCellLine(String line) {
        return !line.isEmpty() && line.charAt(0) == '\t' && count(line, '\t') == 1;
    }

    private static Row gridRow(String line) {
        String[] fields = line.split("\t", -1);
        List<Cell> cells = new ArrayList<>(fields.length);
        for (int c = 0; c < fields.length; c++) {
            cells.add(Cell.of(c, clean(fields[c])));
        }
        return new Row(cells);
    }

    private static String clean(String s) {
        return s.strip();
    }

    private static int count(String s, char ch) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == ch) {
                n++;
            }
        }
        return n;
    }
}
