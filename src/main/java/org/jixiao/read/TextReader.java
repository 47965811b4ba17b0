package org.jixiao.read;

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
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain-text exports of Word documents.
 *
 * <p>Two table layouts are recognised, as Word's "save as text" writes them:
 * <ul>
 *   <li><b>row per line</b>: every table row on one line, one tab per grid column, empty fields for
 *       merged or empty cells (seeds 000, 004). Column positions may drift from row to row; that
 *       is kept as written and left to the extractor.</li>
 *   <li><b>cell per line</b>: every cell on its own line behind a tab ({@code \tcell}), a blank line
 *       between rows, two blank lines or a text line after the table (seed 002).</li>
 * </ul>
 * Any other line is a paragraph. Word's {@code [bookmark: _Toc…]} markers are dropped.
 */
public final class TextReader implements DocumentReader {

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark: [^\\]]*\\]");

    private final ReadLimits limits;

    public TextReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public Result<Document> read(Source source) {
        if (source.content().length == 0) {
            return Result.failed(source.name(), Stage.READ, "read.empty", "the file is empty (0 bytes)");
        }
        String text = TextDecoder.decode(source.content()).text();
        if (text.length() > limits.maxTextChars()) {
            return Result.failed(source.name(), Stage.READ, "read.too_large",
                    "the text has %d characters, more than the limit of %d".formatted(text.length(), limits.maxTextChars()));
        }
        return Result.ok(parse(source.name(), text));
    }

    /** Splits decoded text into paragraphs and tables. */
    Document parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        int paragraphs = 0;
        int tables = 0;
        int i = 0;
        while (i < lines.length) {
            String line = BOOKMARK.matcher(lines[i]).replaceAll("");
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
            } else {
                if (!line.isBlank()) {
                    blocks.add(new Paragraph(++paragraphs, clean(line)));
                }
                i++;
            }
        }
        return new Document(name, SourceFormat.TEXT, blocks);
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
        return BOOKMARK.matcher(s).replaceAll("").strip();
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
