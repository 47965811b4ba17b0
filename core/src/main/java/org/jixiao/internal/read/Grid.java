package org.jixiao.internal.read;

import org.jixiao.model.Cell;
import org.jixiao.model.Row;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The table grid shared by the readers: places cells that carry spans into grid positions and
 * turns them into {@link Row}s.
 *
 * <p>HTML (and .doc, which is read through HTML) gives only the cells of each row in order, with
 * {@code colspan}/{@code rowspan}; {@link #place} runs the HTML table algorithm with an occupancy
 * matrix: a cell goes to the first grid column of its row not yet covered by a {@code rowspan}
 * from above. Word gives grid columns itself and uses {@link #rows} directly.
 *
 * <p>Rows whose anchored cells are all blank are dropped (Word's trailing {@code <tr height=0>}
 * row, layout-only rows); the spans of cells reaching over a dropped row shrink so that the grid
 * stays consistent.
 */
final class Grid {

    /** Larger spans are clamped: no real form spans more than a few dozen rows or columns. */
    static final int MAX_SPAN = 1000;

    private Grid() {
    }

    /** A cell as a format gives it, before placement: spans and text. */
    record Spanned(int colSpan, int rowSpan, String text) {
    }

    /** A cell placed at its 0-based anchor row and column. */
    record Placed(int row, int col, int colSpan, int rowSpan, String text) {
    }

    /**
     * Places row-ordered cells by the HTML table algorithm.
     *
     * <p>Example: rows {@code [[A rowspan=2, B], [C]]} give A at (0,0) spanning two rows, B at
     * (0,1) and C at (1,1), since (1,0) is covered by A.
     *
     * <p>Spans are clamped to 1..{@link #MAX_SPAN}; a {@code rowspan} reaching past the last row
     * (or {@code rowspan=0}, "to the end") stops at the last row.
     *
     * @param maxArea most grid positions the cells may cover together; the occupancy the algorithm
     *                keeps grows with the covered area, so a few bytes of {@code rowspan=2000
     *                colspan=1000} would otherwise exhaust memory
     * @return the placed cells, or empty when they cover more than {@code maxArea}
     */
    static Optional<List<Placed>> place(List<List<Spanned>> rows, long maxArea) {
        long area = 0;
        List<BitSet> occupied = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        int rowCount = rows.size();
        for (int r = 0; r < rowCount; r++) {
            while (occupied.size() <= r) {
                occupied.add(new BitSet());
            }
            int col = 0;
            for (Spanned s : rows.get(r)) {
                BitSet here = occupied.get(r);
                col = here.nextClearBit(col);
                int colSpan = clamp(s.colSpan());
                int rowSpan = s.rowSpan() <= 0 ? rowCount - r : Math.min(clamp(s.rowSpan()), rowCount - r);
                area += (long) colSpan * rowSpan;
                if (area > maxArea) {
                    return Optional.empty();
                }
                for (int rr = r; rr < r + rowSpan; rr++) {
                    while (occupied.size() <= rr) {
                        occupied.add(new BitSet());
                    }
                    occupied.get(rr).set(col, col + colSpan);
                }
                placed.add(new Placed(r, col, colSpan, rowSpan, s.text()));
                col += colSpan;
            }
        }
        return Optional.of(placed);
    }

    /**
     * Turns placed cells into rows, dropping rows whose anchored cells are all blank.
     *
     * @param rowCount the number of grid rows (rows without any anchored cell count too)
     */
    static List<Row> rows(int rowCount, List<Placed> cells) {
        boolean[] keep = new boolean[rowCount];
        for (Placed p : cells) {
            if (!p.text().isBlank()) {
                keep[p.row()] = true;
            }
        }
        // keptBefore[r] = number of kept rows among 0..r-1, so a span shrinks by the dropped rows it covers
        int[] keptBefore = new int[rowCount + 1];
        for (int r = 0; r < rowCount; r++) {
            keptBefore[r + 1] = keptBefore[r] + (keep[r] ? 1 : 0);
        }
        List<List<Cell>> out = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            out.add(new ArrayList<>());
        }
        for (Placed p : cells) {
            if (!keep[p.row()]) {
                continue;
            }
            int end = Math.min(rowCount, p.row() + p.rowSpan());
            int rowSpan = Math.max(1, keptBefore[end] - keptBefore[p.row()]);
            out.get(p.row()).add(new Cell(p.col(), p.colSpan(), rowSpan, p.text()));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            if (keep[r]) {
                rows.add(new Row(out.get(r)));
            }
        }
        return rows;
    }

    /**
     * Appends a paragraph's (or a nested table's) text to a cell being built, as one more line; an
     * empty text adds nothing. {@link #cellText} strips the lines and drops blank ones later.
     */
    static void appendLines(StringBuilder cell, CharSequence lines) {
        if (lines.length() > 0) {
            cell.append(lines).append('\n');
        }
    }

    /**
     * The text of a cell from its paragraphs: each line stripped, blank lines dropped, the rest
     * joined by a newline. {@code " a \n\n b"} gives {@code "a\nb"}.
     */
    static String cellText(CharSequence raw) {
        // One pass over the characters rather than split-and-strip: every cell of every table
        // comes through here, and the split's array and line strings were a measurable share of
        // an HTML file's reading time. Over a String, not the CharSequence: the readers pass
        // StringBuilders and Strings, and the interface calls per character were a loop the
        // compiler kept compiling again.
        String text = raw.toString();
        int length = text.length();
        StringBuilder out = new StringBuilder(length);
        int lineStart = 0;
        while (lineStart <= length) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? length : newline;
            // Trim as String.strip does (Character.isWhitespace; every such character is in the BMP).
            int from = lineStart;
            int to = lineEnd;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(text, from, to);
            }
            lineStart = lineEnd + 1;
        }
        // The result only ever drops characters, so the same length means the same text.
        return out.length() == length ? text : out.toString();
    }

    private static int clamp(int span) {
        return Math.max(1, Math.min(MAX_SPAN, span));
    }
}
