package org.jixiao.internal.read;

import org.jixiao.internal.read.PdfLayout.PageBlock;
import org.jixiao.internal.read.PdfLayout.Part;
import org.jixiao.internal.read.PdfLayout.PartCell;
import org.jixiao.internal.read.PdfPage.Glyph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a table drawn without any ruling lines from the alignment of its text (the "stream"
 * way of reading tables), for pages that hold text but no ruled grid.
 *
 * <p>A word processor lays out such a table exactly as a ruled one, only without drawing the
 * borders, so the geometry of the text still carries the grid:
 * <ul>
 *   <li><b>Cells.</b> The lines of one cell lie one line pitch apart and share their alignment
 *   (centred, left or right); two cells of consecutive rows lie further apart, by the cell margins.
 *   The page's line pitch is measured (see {@link #lineSpacing}), and a word joins the cell above it
 *   when it lies a pitch below and is aligned with the cell's last line ({@code 一级} + {@code 指标};
 *   {@code 经济效益} + {@code 指标}).</li>
 *   <li><b>Columns.</b> Counting the cells that cover each point of the table's width, columns are
 *   the hills and gutters the valleys; the few cells a merge widens over several columns cross a
 *   gutter (see {@link #columnEdges}).</li>
 *   <li><b>Rows.</b> A cell's text is centred in its row or starts at its top; a merged cell is
 *   centred over the rows it spans, whose cells lie in other columns (see {@link #rows}).</li>
 * </ul>
 * The table starts at the first line with two words far apart (a gap of {@link #COLUMN_GAP} font
 * sizes) and ends at a vertical gap of {@link #TABLE_BREAK} font sizes or where prose begins (see
 * {@link #prose}); lines outside it are paragraphs.
 */
final class PdfStreamTable {

    /** A gap wider than this share of the font size parts two words of a line. */
    private static final float WORD_GAP = 0.3f;
    /** A gap of this many font sizes between two words shows a line of several columns. */
    private static final float COLUMN_GAP = 1.0f;
    /** A line of prose is at least this many font sizes wide. */
    private static final float PROSE_WIDTH = 10f;
    /** A vertical gap of this many font sizes between two lines ends the table. */
    private static final float TABLE_BREAK = 4f;
    /** Two lines' starts, centres or ends within this share of the font size are aligned. */
    private static final float ALIGNED = 0.2f;
    /** Cell centres within this share of the font size are at one height. */
    private static final float SAME_HEIGHT = 0.3f;
    /**
     * Cells whose first lines lie on one baseline, within this many points, start one row together
     * (cells set at the top of their row). Tighter than for middles: a heading centred over two
     * header rows starts close to the second row's top.
     */
    private static final float SAME_TOP = 0.5f;
    /** The step, in points, at which the cells covering the table's width are counted. */
    private static final float RESOLUTION = 0.5f;
    /** A cell crossing into a column by less than this many points does not span it. */
    private static final float MIN_OVERLAP = 1f;
    /** A cell crossing into the column beside it by less than this share of the font size does not span it. */
    private static final float NEIGHBOUR_REACH = 0.5f;
    /** Single-spaced lines of text lie at most this many font sizes apart (CJK fonts: about 1.45). */
    private static final float LINE_SPACING_MAX = 1.55f;
    /** A tail of Latin text a narrow cell carries to its own line is at most this long ((%), 6 of 722.76). */
    private static final int LATIN_TAIL = 3;
    /** Lines of one cell lie within this many points of the line pitch from each other. */
    private static final float LINE_PITCH_SLACK = 0.5f;
    /** Distances between lines closer than this many points are one spacing. */
    private static final float SAME_SPACING = 0.6f;
    /** A merged cell spans at most this many rows either side of its middle. */
    private static final int MAX_MERGE = 20;
    /** A grid larger than this (rows × columns) is no form's table: the page is read as text. */
    private static final long MAX_GRID = 100_000;
    /** Pages with more words are not rebuilt (the search is quadratic in columns): read as text. */
    private static final int MAX_WORDS = 20_000;

    private PdfStreamTable() {
    }

    /** A run of glyphs of one line between gaps; its box from the baseline and font size. */
    private record Word(String text, float left, float right, float baseline, float height) {
        float centre() {
            return (left + right) / 2;
        }

        /** True when the word holds a Chinese character (CJK ideographs and their punctuation). */
        boolean chinese() {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x2E80) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The distances, in points, at which a line goes on with the cell above it, around the line
     * pitch ({@code NaN} when no lines are joined).
     */
    private record Spacing(float pitch, float least, float most) {
        static final Spacing NONE = new Spacing(Float.NaN, Float.MAX_VALUE, -1);

        static Spacing around(float pitch) {
            return new Spacing(pitch, pitch - LINE_PITCH_SLACK, pitch + LINE_PITCH_SLACK);
        }

        boolean joins(float down) {
            return down >= least && down <= most;
        }

        /**
         * True when {@code below} is a short tail of Latin text the cell's width carried to a line
         * of its own (722.7 + 6, 90.66 + %, 得分系数 + (%)): writers set a line of Latin text
         * closer than one of Chinese, so nearer than the pitch too.
         */
        boolean joinsLatinTail(float down, Word above, Word below) {
            String b = below.text();
            return down >= 0.9f * above.height() && down <= most && b.length() <= LATIN_TAIL
                    && b.chars().allMatch(c -> c > ' ' && c < 0x7F);
        }
    }

    /** The words of one cell, a line each, top to bottom; placed in the grid later. */
    private static final class Block {
        final List<Word> lines = new ArrayList<>();
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        int firstColumn;
        int lastColumn;
        int row = -1;
        int rowSpan = 1;

        Block(Word first) {
            add(first);
        }

        void add(Word w) {
            lines.add(w);
            left = Math.min(left, w.left());
            right = Math.max(right, w.right());
        }

        Word last() {
            return lines.get(lines.size() - 1);
        }

        float centre() {
            return (left + right) / 2;
        }

        float top() {
            Word first = lines.get(0);
            return first.baseline() - 0.8f * first.height();
        }

        float bottom() {
            Word last = last();
            return last.baseline() + 0.2f * last.height();
        }

        float middle() {
            return (top() + bottom()) / 2;
        }

        float height() {
            return lines.get(0).height();
        }

        /**
         * The lines run together: Chinese text has no spaces, so a line break inside a cell is
         * the cell's width, not the text's; only two Latin words keep a space between.
         */
        String text() {
            StringBuilder out = new StringBuilder();
            for (Word w : lines) {
                if (out.length() > 0 && PdfLayout.asciiWord(out.charAt(out.length() - 1)) && PdfLayout.asciiWord(w.text().charAt(0))) {
                    out.append(' ');
                }
                out.append(w.text());
            }
            return out.toString();
        }
    }

    /**
     * The page's blocks with its borderless table rebuilt; empty when no line of the page has
     * words far enough apart to be columns, or when the page is too large to search.
     *
     * @param open the part of the table the page before ended in, or null: the lines at the head of
     *             this page are more of that table (up to the first gap that ends it), on the same
     *             columns, so that the two parts are one table, and with its line pitch where this
     *             page's few lines do not show one
     */
    static List<PageBlock> layout(List<Glyph> glyphs, Part open) {
        List<List<Glyph>> lines = new ArrayList<>();
        List<List<Word>> words = new ArrayList<>();
        int count = 0;
        for (List<Glyph> line : PdfLayout.lines(glyphs)) {
            List<Word> split = words(line);
            if (split.isEmpty()) {
                continue;
            }
            count += split.size();
            lines.add(line);
            words.add(split);
        }
        if (count > MAX_WORDS) {
            return List.of();
        }
        List<PageBlock> out = new ArrayList<>();
        List<Glyph> prose = new ArrayList<>();
        int i = 0;
        boolean found = false;
        while (i < lines.size()) {
            // The head of the page goes on with the table the page before ended in, unless prose
            // starts the page (the report after the form).
            boolean goesOn = open != null && i == 0 && !prose(words, 0, open.left());
            if (!columns(words.get(i)) && !goesOn) {
                prose.addAll(lines.get(i));
                i++;
                continue;
            }
            int end = i + 1;
            float left = words.get(i).get(0).left();
            while (end < lines.size()
                    && baseline(words.get(end)) - baseline(words.get(end - 1)) <= TABLE_BREAK * height(words.get(end))
                    && !prose(words, end, left)) {
                left = Math.min(left, words.get(end).get(0).left());
                end++;
            }
            Part part = table(words.subList(i, end), goesOn ? open : null);
            if (part != null) {
                out.add(part);
                found = true;
            } else {
                for (int k = i; k < end; k++) {
                    prose.addAll(lines.get(k));
                }
            }
            i = end;
        }
        if (!found) {
            return List.of();
        }
        out.addAll(PdfLayout.paragraphs(prose));
        out.sort(Comparator.comparingDouble(PageBlock::top));
        return out;
    }

    /**
     * True when lines {@code at} and the next are prose after the table: each a single word,
     * starting at one margin no further right than the table's left edge {@code tableLeft} (a
     * cell's text is indented by its margin and follows the label column), and wide ({@link
     * #PROSE_WIDTH} font sizes at least).
     */
    private static boolean prose(List<List<Word>> lines, int at, float tableLeft) {
        if (at + 1 >= lines.size()) {
            return false;
        }
        List<Word> line = lines.get(at);
        List<Word> next = lines.get(at + 1);
        if (line.size() != 1 || next.size() != 1) {
            return false;
        }
        Word a = line.get(0);
        Word b = next.get(0);
        float margin = ALIGNED * a.height();
        return Math.abs(a.left() - b.left()) <= margin && a.left() <= tableLeft + margin
                && a.right() - a.left() >= PROSE_WIDTH * a.height() && b.right() - b.left() >= PROSE_WIDTH * b.height();
    }

    private static float baseline(List<Word> line) {
        return line.get(0).baseline();
    }

    private static float height(List<Word> line) {
        return line.get(0).height();
    }

    /**
     * The words of a line: runs of glyphs parted by gaps wider than {@link #WORD_GAP}. A space the
     * text holds is drawn as a glyph and joins its neighbours ({@code 产　出　指　标}); two cells'
     * texts are drawn apart, with a gap and no glyph between them.
     */
    private static List<Word> words(List<Glyph> line) {
        List<Word> out = new ArrayList<>();
        List<Glyph> run = new ArrayList<>();
        Glyph previous = null;
        for (Glyph g : line) {
            if (previous != null && g.x() - previous.right() > WORD_GAP * g.height()) {
                addWord(out, run);
                run.clear();
            }
            run.add(g);
            previous = g;
        }
        addWord(out, run);
        return out;
    }

    /** Adds the run as a word, its blank glyphs at either end left out; nothing for a blank run. */
    private static void addWord(List<Word> out, List<Glyph> run) {
        int from = 0;
        int to = run.size();
        while (from < to && run.get(from).text().isBlank()) {
            from++;
        }
        while (to > from && run.get(to - 1).text().isBlank()) {
            to--;
        }
        if (from == to) {
            return;
        }
        List<Glyph> glyphs = run.subList(from, to);
        Glyph first = glyphs.get(0);
        out.add(new Word(PdfLayout.lineText(glyphs).strip(), first.x(), glyphs.get(glyphs.size() - 1).right(),
                first.baseline(), first.height()));
    }

    /** True when two neighbouring words of the line are far enough apart to stand in two columns. */
    private static boolean columns(List<Word> line) {
        for (int k = 1; k < line.size(); k++) {
            if (line.get(k).left() - line.get(k - 1).right() >= COLUMN_GAP * line.get(k).height()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table of these lines, on edges of its own or, going on with {@code before}, on its edges;
     * null when it would have a single column or row, or be far too large.
     */
    private static Part table(List<List<Word>> lines, Part before) {
        Spacing spacing = lineSpacing(lines);
        if (Float.isNaN(spacing.pitch()) && before != null && !Float.isNaN(before.linePitch())) {
            spacing = Spacing.around(before.linePitch());
        }
        List<Block> blocks = cells(lines, spacing);
        float[] edges = before != null ? before.columnEdges() : columnEdges(blocks);
        placeInColumns(blocks, edges, before != null);
        if (edges.length < 3) {
            return null;
        }
        int rows = rows(blocks, edges.length - 1);
        if (rows < 2 || (long) rows * (edges.length - 1) > MAX_GRID) {
            return null;
        }
        widenOverSubheadings(blocks, rows, edges.length - 1);
        return part(blocks, edges, rows, spacing.pitch());
    }

    /**
     * The cells: each word joins the cell whose last line lies one line pitch above it and is
     * aligned with it, or starts a cell.
     */
    private static List<Block> cells(List<List<Word>> lines, Spacing spacing) {
        List<Block> blocks = new ArrayList<>();
        List<Block> open = new ArrayList<>();
        for (List<Word> line : lines) {
            List<Block> continued = new ArrayList<>();
            for (Word w : line) {
                Block best = null;
                float bestOffset = Float.MAX_VALUE;
                for (Block b : open) {
                    Word above = b.last();
                    float down = w.baseline() - above.baseline();
                    if (!(spacing.joins(down) || spacing.joinsLatinTail(down, above, w)) || continued.contains(b)
                            || w.left() >= above.right() || w.right() <= above.left()) {
                        continue;
                    }
                    float tolerance = ALIGNED * w.height();
                    float offset = Math.min(Math.abs(w.centre() - above.centre()),
                            Math.min(Math.abs(w.left() - above.left()), Math.abs(w.right() - above.right())));
                    if (offset <= tolerance && offset < bestOffset) {
                        best = b;
                        bestOffset = offset;
                    }
                }
                if (best == null) {
                    best = new Block(w);
                    blocks.add(best);
                } else {
                    best.add(w);
                }
                continued.add(best);
            }
            float baseline = baseline(line);
            open.removeIf(b -> baseline - b.last().baseline() > spacing.most());
            for (Block b : continued) {
                if (!open.contains(b)) {
                    open.add(b);
                }
            }
        }
        return blocks;
    }

    /**
     * The range of distances between the baselines of two lines of one cell. Of the distances
     * between overlapping words of neighbouring lines, the commonest that is no wider than
     * single-spaced text ({@link #LINE_SPACING_MAX}) is the line pitch; lines of one cell lie at it,
     * give or take {@link #LINE_PITCH_SLACK}, and never half way to the next larger recurring
     * distance (the pitch of rows, margins included). When no lines lie further apart than the
     * pitch, rows may be set at it too, and no lines are joined.
     */
    private static Spacing lineSpacing(List<List<Word>> lines) {
        List<Float> distances = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            for (Word w : lines.get(k)) {
                for (int j = k + 1; j < lines.size(); j++) {
                    float down = baseline(lines.get(j)) - w.baseline();
                    if (down > 2.5f * w.height()) {
                        break;
                    }
                    if (overlaps(lines.get(j), w)) {
                        if (down >= 0.9f * w.height()) {
                            distances.add(down);
                        }
                        break;
                    }
                }
            }
        }
        distances.sort(null);
        // Distances within a little of each other are one spacing (writers place lines at
        // fractional positions); each group's size and mean.
        List<Spread> groups = new ArrayList<>();
        for (int k = 0; k < distances.size(); ) {
            int end = k + 1;
            while (end < distances.size() && distances.get(end) - distances.get(end - 1) <= SAME_SPACING) {
                end++;
            }
            float sum = 0;
            for (int i = k; i < end; i++) {
                sum += distances.get(i);
            }
            groups.add(new Spread(end - k, sum / (end - k)));
            k = end;
        }
        // The line pitch: the commonest spacing, twice at least, as close as single-spaced lines
        // of text are set (wider ones are rows' pitches).
        float widest = LINE_SPACING_MAX * medianHeight(lines);
        float pitch = -1;
        int pitchCount = 1;
        for (Spread g : groups) {
            if (g.mean() <= widest && g.count() > pitchCount) {
                pitch = g.mean();
                pitchCount = g.count();
            }
        }
        if (pitch < 0 || distances.get(distances.size() - 1) < pitch + 1) {
            // No lines lie further apart than the pitch: rows of one line each may be set at the
            // line pitch, so no lines are joined.
            return Spacing.NONE;
        }
        // Writers set a cell's lines at exactly one pitch; a row may start only a little further
        // down (cell margins of zero), so the range is kept tight, and below half way to the next
        // recurring spacing.
        float most = pitch + LINE_PITCH_SLACK;
        for (Spread g : groups) {
            if (g.count() >= 2 && g.mean() >= pitch + 1) {
                most = Math.min(most, (pitch + g.mean()) / 2);
                break;
            }
        }
        return new Spacing(pitch, pitch - LINE_PITCH_SLACK, most);
    }

    /** Distances between lines that are one spacing: how many, and their mean in points. */
    private record Spread(int count, float mean) {
    }

    /** The font size of most words (a title's larger size is not the table's). */
    private static float medianHeight(List<List<Word>> lines) {
        List<Float> heights = new ArrayList<>();
        for (List<Word> line : lines) {
            for (Word w : line) {
                heights.add(w.height());
            }
        }
        heights.sort(null);
        return heights.get(heights.size() / 2);
    }

    /** True when a word of the line overlaps {@code w} horizontally. */
    private static boolean overlaps(List<Word> line, Word w) {
        for (Word o : line) {
            if (o.left() < w.right() && o.right() > w.left()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Column edges from the cells' horizontal extents.
     *
     * <p>Over the table's width, count the cells covering each point: columns are the hills and
     * their borders the valleys. A valley parts two columns when the cells crossing it are at most
     * half as many as those of the lower hill beside it, which lets the few cells a merge widens
     * over several columns (a heading over two columns, a note over the whole row) cross it, when
     * every cell crossing it lies above or below where both columns hold cells ({@link #apart}),
     * or when in a few lines a cell ends before it and the next starts after it ({@link
     * #sideBySide}). The edge lies in the valley's middle; in the last case, in the middle of the
     * gap those cells leave.
     */
    private static float[] columnEdges(List<Block> blocks) {
        float from = Float.MAX_VALUE;
        float to = -Float.MAX_VALUE;
        for (Block b : blocks) {
            from = Math.min(from, b.left);
            to = Math.max(to, b.right);
        }
        int width = (int) Math.ceil((to - from) / RESOLUTION) + 1;
        int[] cover = new int[width + 1];
        for (Block b : blocks) {
            // A difference array: +1 where the cell starts, -1 past its end.
            cover[(int) Math.floor((b.left - from) / RESOLUTION)]++;
            cover[Math.min(width, (int) Math.ceil((b.right - from) / RESOLUTION))]--;
        }
        for (int x = 1; x <= width; x++) {
            cover[x] += cover[x - 1];
        }
        // The valleys: each a plateau of the count between two higher stretches.
        List<int[]> valleys = new ArrayList<>();
        int x = 1;
        while (x < width) {
            if (cover[x] >= cover[x - 1]) {
                x++;
                continue;
            }
            // Descending: find the bottom of the valley (a plateau) and its two hills.
            int start = x;
            while (start + 1 < width && cover[start + 1] < cover[start]) {
                start++;
            }
            int end = start;
            while (end + 1 < width && cover[end + 1] == cover[start]) {
                end++;
            }
            if (end + 1 < width && cover[end + 1] > cover[start]) {
                valleys.add(new int[] {start, end});
            }
            x = end + 1;
        }
        Gap[] gaps = sideBySide(blocks, valleys, cover, from);
        List<Float> edges = new ArrayList<>();
        edges.add(from - 1);
        List<Gap> taken = new ArrayList<>();
        for (int v = 0; v < valleys.size(); v++) {
            int start = valleys.get(v)[0];
            int end = valleys.get(v)[1];
            int floor = cover[start];
            int[] left = hill(cover, start, -1, floor, width);
            int[] right = hill(cover, end, 1, floor, width);
            if (2 * floor <= Math.min(left[0], right[0])
                    || apart(blocks, from + left[1] * RESOLUTION, from + start * RESOLUTION,
                            from + (end + 1) * RESOLUTION, from + right[1] * RESOLUTION)) {
                edges.add(from + (start + end + 1) * RESOLUTION / 2);
            } else if (gaps[v].lines() >= Math.max(2, (floor + 1) / 2) && gaps[v].end() < gaps[v].start()) {
                // The cells crossing it leave the valley narrow and off centre: the edge lies in
                // the middle of the gap the cells side by side leave, and is the only one there.
                edges.add(gaps[v].middle());
                taken.add(gaps[v]);
            }
        }
        for (Gap gap : taken) {
            edges.removeIf(e -> e > gap.end() && e < gap.start() && e != gap.middle());
        }
        edges.add(to + 1);
        float[] out = new float[edges.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = edges.get(k);
        }
        return out;
    }

    /**
     * Sets each cell's first and last column: those it overlaps, or the one holding its middle.
     * Under edges the page before set ({@code inherited}), a cell reaching less than half a
     * character into the column beside it does not span it: the page before had no such cell
     * to place the edge by (a wide label of a narrow column).
     */
    private static void placeInColumns(List<Block> blocks, float[] out, boolean inherited) {
        for (Block b : blocks) {
            b.firstColumn = -1;
            for (int c = 0; c + 1 < out.length; c++) {
                if (Math.min(b.right, out[c + 1]) - Math.max(b.left, out[c]) > MIN_OVERLAP) {
                    b.firstColumn = b.firstColumn < 0 ? c : b.firstColumn;
                    b.lastColumn = c;
                }
            }
            float reach = inherited ? NEIGHBOUR_REACH * b.height() : 0;
            if (b.firstColumn >= 0 && b.lastColumn > b.firstColumn && b.right - out[b.lastColumn] < reach) {
                b.lastColumn--;
            }
            if (b.firstColumn >= 0 && b.lastColumn > b.firstColumn && out[b.firstColumn + 1] - b.left < reach) {
                b.firstColumn++;
            }
            if (b.firstColumn < 0) {
                // Narrower than the overlap asked for: the column holding its middle.
                int c = 0;
                while (c + 2 < out.length && out[c + 1] < b.centre()) {
                    c++;
                }
                b.firstColumn = c;
                b.lastColumn = c;
            }
        }
    }

    /**
     * The highest count from {@code at} going {@code step} until the count falls below {@code
     * floor}, and where it falls.
     */
    private static int[] hill(int[] cover, int at, int step, int floor, int width) {
        int top = floor;
        int x = at;
        for (; x >= 0 && x < width && cover[x] >= floor; x += step) {
            top = Math.max(top, cover[x]);
        }
        return new int[] {top, x};
    }

    /**
     * For each valley, the lines in which one cell ends before it and the next cell of the line
     * starts after it, a column's gap apart, and no lower valley lies between the two: two columns
     * side by side there, however many cells merged over both cross the valley elsewhere (区域 over
     * the columns of the indicator levels, in the goals above them). A pair of cells counts for
     * the lowest valley between them only, not for the dips that names of unequal widths leave
     * inside the column beside it.
     */
    private static Gap[] sideBySide(List<Block> blocks, List<int[]> valleys, int[] cover, float from) {
        Gap[] gaps = new Gap[valleys.size()];
        Arrays.fill(gaps, Gap.NONE);
        List<Block> byBaseline = new ArrayList<>(blocks);
        byBaseline.sort(Comparator.comparingDouble(b -> b.lines.get(0).baseline()));
        for (int i = 0; i < byBaseline.size(); i++) {
            Block a = byBaseline.get(i);
            Word end = a.lines.get(0);
            float tolerance = SAME_HEIGHT * end.height();
            Block next = null;
            // The cells whose first line is on the same baseline lie around it in this order.
            int first = i;
            while (first > 0 && end.baseline() - byBaseline.get(first - 1).lines.get(0).baseline() <= tolerance) {
                first--;
            }
            for (int j = first; j < byBaseline.size()
                    && byBaseline.get(j).lines.get(0).baseline() - end.baseline() <= tolerance; j++) {
                Block b = byBaseline.get(j);
                if (b != a && b.left >= a.right && (next == null || b.left < next.left)) {
                    next = b;
                }
            }
            if (next == null || next.left - a.right < COLUMN_GAP * end.height()) {
                continue;
            }
            int lowest = -1;
            for (int v = 0; v < valleys.size(); v++) {
                float valleyFrom = from + valleys.get(v)[0] * RESOLUTION;
                float valleyTo = from + (valleys.get(v)[1] + 1) * RESOLUTION;
                if (a.right <= valleyFrom + RESOLUTION && next.left >= valleyTo - RESOLUTION
                        && (lowest < 0 || cover[valleys.get(v)[0]] < cover[valleys.get(lowest)[0]])) {
                    lowest = v;
                }
            }
            if (lowest >= 0) {
                Gap g = gaps[lowest];
                gaps[lowest] = new Gap(g.lines() + 1, Math.max(g.end(), a.right), Math.min(g.start(), next.left));
            }
        }
        return gaps;
    }

    /** Lines with cells side by side across a valley: the last of their ends, the first of their starts. */
    private record Gap(int lines, float end, float start) {
        static final Gap NONE = new Gap(0, -Float.MAX_VALUE, Float.MAX_VALUE);

        float middle() {
            return (end + start) / 2;
        }
    }

    /**
     * True when the cells crossing the valley from {@code valleyFrom} to {@code valleyTo} all lie
     * above or below the stretch of the table where cells end in the hill to its left and begin in
     * the hill to its right: two columns, under a few headings that span both (项目名称 over the
     * columns of the indicator labels and levels below it). A valley inside one column is crossed
     * by cells among the others.
     */
    private static boolean apart(List<Block> blocks, float leftHill, float valleyFrom, float valleyTo, float rightHill) {
        float leftTop = Float.MAX_VALUE;
        float leftBottom = -Float.MAX_VALUE;
        float rightTop = Float.MAX_VALUE;
        float rightBottom = -Float.MAX_VALUE;
        for (Block b : blocks) {
            if (b.right <= valleyFrom + RESOLUTION && b.right >= leftHill) {
                leftTop = Math.min(leftTop, b.top());
                leftBottom = Math.max(leftBottom, b.bottom());
            } else if (b.left >= valleyTo - RESOLUTION && b.left <= rightHill) {
                rightTop = Math.min(rightTop, b.top());
                rightBottom = Math.max(rightBottom, b.bottom());
            }
        }
        float top = Math.max(leftTop, rightTop);
        float bottom = Math.min(leftBottom, rightBottom);
        if (top >= bottom) {
            return false;
        }
        for (Block b : blocks) {
            if (b.left < valleyFrom && b.right > valleyTo && b.middle() > top && b.middle() < bottom) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets each cell's row and row span; returns the number of rows.
     *
     * <p>Cells whose middles or tops are at one height form a level (a row's cells are centred in
     * it, or all start at its top). A level is a row unless every cell of it is a merged cell:
     * centred over a run of levels above and below it in which its columns hold no other cell. A
     * cell alone in a row of a column that has cells in the rows around it (a {@code -} placeholder
     * under the indicator names) is therefore a row, while a label alone in its column over two rows
     * ({@code 数量指标}) is merged. A merged cell is anchored at the first row of the shortest run it is
     * centred over, as the word processor's grid anchors it.
     *
     * <p>In a column holding merged labels, the labels tile the rows ({@link Runs#tiling}): a label
     * whose middle happens to fall on a row's (centred over an odd number of rows) is anchored at
     * the first row of its run too.
     */
    private static int rows(List<Block> blocks, int columnCount) {
        List<List<Block>> levels = levels(blocks);
        int count = levels.size();
        float[] tops = new float[count];
        float[] bottoms = new float[count];
        for (int l = 0; l < count; l++) {
            tops[l] = Float.MAX_VALUE;
            bottoms[l] = -Float.MAX_VALUE;
            for (Block b : levels.get(l)) {
                tops[l] = Math.min(tops[l], b.top());
                bottoms[l] = Math.max(bottoms[l], b.bottom());
            }
        }
        Runs runs = new Runs(levels, tops, bottoms);
        // A level of one cell first, its run's ends any levels; then a level of several cells,
        // its runs' ends only levels that are rows so far (two merged labels side by side are
        // not the ends of each other's runs).
        boolean[] isRow = new boolean[count];
        for (int l = 0; l < count; l++) {
            List<Block> level = levels.get(l);
            isRow[l] = level.size() > 1 || runs.shortest(level.get(0), l, null) == null;
        }
        boolean[] ends = isRow.clone();
        for (int l = 0; l < count; l++) {
            if (levels.get(l).size() > 1) {
                boolean allMerged = true;
                for (int k = 0; k < levels.get(l).size() && allMerged; k++) {
                    allMerged = runs.shortest(levels.get(l).get(k), l, ends) != null;
                }
                isRow[l] = !allMerged;
            }
        }
        int[] rowOf = new int[count];
        int rows = 0;
        int[] mergedIn = new int[columnCount];
        for (int l = 0; l < count; l++) {
            rowOf[l] = isRow[l] ? rows++ : -1;
            for (Block b : levels.get(l)) {
                if (!isRow[l] && b.firstColumn == b.lastColumn) {
                    mergedIn[b.firstColumn]++;
                }
            }
        }
        Map<Block, int[]> tiled = new HashMap<>();
        for (int c = 0; c < columnCount; c++) {
            if (mergedIn[c] > 0) {
                tiled.putAll(runs.tiling(c, isRow));
            }
        }
        for (int l = 0; l < count; l++) {
            for (Block b : levels.get(l)) {
                int[] run = tiled.get(b);
                if (run == null && !isRow[l]) {
                    run = runs.shortest(b, l, isRow);
                }
                if (run != null) {
                    b.row = rowOf[run[0]];
                    b.rowSpan = rowOf[run[1]] - rowOf[run[0]] + 1;
                } else {
                    b.row = rowOf[l] >= 0 ? rowOf[l] : nearestRow(rowOf, l);
                }
            }
        }
        return rows;
    }

    /**
     * The cells grouped into levels, top to bottom: two cells of different columns are at one
     * level when their middles are at one height or their first lines on one baseline.
     */
    private static List<List<Block>> levels(List<Block> blocks) {
        int[] parent = new int[blocks.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Integer> byTop = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            byTop.add(i);
        }
        byTop.sort(Comparator.comparingDouble(i -> blocks.get(i).top()));
        List<Block> ordered = new ArrayList<>(byTop.size());
        for (int i : byTop) {
            ordered.add(blocks.get(i));
        }
        boolean topAligned = topAligned(ordered);
        for (int x = 0; x < byTop.size(); x++) {
            Block a = blocks.get(byTop.get(x));
            float tolerance = SAME_HEIGHT * a.height();
            for (int y = x + 1; y < byTop.size(); y++) {
                Block b = blocks.get(byTop.get(y));
                if (b.top() - a.top() > a.bottom() - a.top() + tolerance) {
                    break;
                }
                // A line of Latin text (figures, ≥82%) sits higher in a line box than Chinese text
                // does: cells set at the top of one row then start up to a few points apart. Only
                // where cells are set at the top: where they are centred, a label of two lines
                // centred over two rows can start as near the first row's figures.
                float tops = Math.abs(a.top() - b.top());
                boolean sameHeight = Math.abs(a.middle() - b.middle()) <= tolerance || tops <= SAME_TOP
                        || topAligned && tops <= tolerance && a.lines.get(0).chinese() != b.lines.get(0).chinese();
                if (sameHeight && (a.lastColumn < b.firstColumn || b.lastColumn < a.firstColumn)) {
                    PdfLayout.union(parent, byTop.get(x), byTop.get(y));
                }
            }
        }
        Map<Integer, List<Block>> groups = new LinkedHashMap<>();
        for (int i : byTop) {
            groups.computeIfAbsent(PdfLayout.find(parent, i), k -> new ArrayList<>()).add(blocks.get(i));
        }
        List<List<Block>> levels = new ArrayList<>(groups.values());
        levels.sort(Comparator.comparingDouble(PdfStreamTable::highestMiddle));
        return levels;
    }

    /**
     * True when the table's cells are set at the top of their rows rather than centred in them: of
     * the cells of several lines, more start where a one-line cell beside them starts than share
     * its middle.
     *
     * @param byTop the table's cells, top to bottom
     */
    private static boolean topAligned(List<Block> byTop) {
        int top = 0;
        int centred = 0;
        for (int x = 0; x < byTop.size(); x++) {
            Block a = byTop.get(x);
            if (a.lines.size() < 2) {
                continue;
            }
            float tolerance = SAME_HEIGHT * a.height();
            boolean startsTogether = false;
            boolean sharesMiddle = false;
            // One-line cells beside it start at most a line above it.
            int y = x;
            while (y > 0 && a.top() - byTop.get(y - 1).top() <= 2 * a.height()) {
                y--;
            }
            for (; y < byTop.size(); y++) {
                Block b = byTop.get(y);
                if (b.top() > a.bottom()) {
                    break;
                }
                if (b.lines.size() != 1 || b.bottom() < a.top() || !(a.lastColumn < b.firstColumn || b.lastColumn < a.firstColumn)) {
                    continue;
                }
                startsTogether |= Math.abs(a.top() - b.top()) <= tolerance;
                sharesMiddle |= Math.abs(a.middle() - b.middle()) <= tolerance;
            }
            if (startsTogether && !sharesMiddle) {
                top++;
            } else if (sharesMiddle && !startsTogether) {
                centred++;
            }
        }
        return top > centred;
    }

    private static float highestMiddle(List<Block> level) {
        float middle = Float.MAX_VALUE;
        for (Block b : level) {
            middle = Math.min(middle, b.middle());
        }
        return middle;
    }

    /** The row of the nearest level above that is a row, or the first row. */
    private static int nearestRow(int[] rowOf, int level) {
        for (int l = level; l >= 0; l--) {
            if (rowOf[l] >= 0) {
                return rowOf[l];
            }
        }
        return 0;
    }

    /** Runs of levels a merged cell may be centred over. */
    private record Runs(List<List<Block>> levels, float[] tops, float[] bottoms) {

        /** The end of the label above when its run is not known. */
        private static final int UNKNOWN = -2;

        /**
         * The runs of the labels of column {@code c} when they tile its rows: each label, top to
         * bottom, centred over the rows from the one after the last row of the label above it (or
         * after the column's last other cell) to a row at or below its own level. A label whose
         * middle falls on a row's (centred over an odd number of rows) is then anchored at the
         * first of them too. Empty unless two thirds of the column's labels, and two at least,
         * tile: a column of sparse single-row cells (reasons beside a few indicators) is no
         * column of labels.
         */
        Map<Block, int[]> tiling(int c, boolean[] isRow) {
            Map<Block, int[]> out = new HashMap<>();
            int labels = 0;
            int previousEnd = -1;
            for (int l = 0; l < levels.size(); l++) {
                Block b = null;
                for (Block o : levels.get(l)) {
                    if (o.firstColumn <= c && o.lastColumn >= c) {
                        b = o;
                    }
                }
                if (b == null) {
                    continue;
                }
                if (b.firstColumn != c || b.lastColumn != c) {
                    previousEnd = l;
                    continue;
                }
                // After a label whose run is not known (its rows began on the page before), the
                // next label's run is not tied to the last: the shortest it is centred over.
                int[] run = previousEnd != UNKNOWN ? tiledRun(b, l, isRow, previousEnd)
                        : isRow[l] ? null : shortest(b, l, isRow);
                if (run == null && isRow[l]) {
                    // A cell of its own row, not centred over the rows after the label above (the
                    // column's heading): the labels below start after it.
                    previousEnd = l;
                    continue;
                }
                labels++;
                if (run != null) {
                    out.put(b, run);
                    previousEnd = run[1];
                } else {
                    previousEnd = UNKNOWN;
                }
            }
            return labels >= 2 && 3 * out.size() >= 2 * labels ? out : Map.of();
        }

        /**
         * The first and last level of the shortest run the cell at level {@code at} is centred
         * over, above and below its level, its columns free in every level of the run but its own;
         * with {@code ends}, only runs between levels it marks. Null when there is none.
         */
        int[] shortest(Block b, int at, boolean[] ends) {
            float tolerance = SAME_HEIGHT * b.height();
            int[] best = null;
            for (int i = at - 1; i >= 0 && at - i <= MAX_MERGE && free(levels.get(i), b); i--) {
                for (int j = at + 1; j < levels.size() && j - at <= MAX_MERGE && free(levels.get(j), b); j++) {
                    if ((ends == null || ends[i] && ends[j]) && Math.abs((tops[i] + bottoms[j]) / 2 - b.middle()) <= tolerance
                            && (best == null || j - i < best[1] - best[0])) {
                        best = new int[] {i, j};
                    }
                }
            }
            return best;
        }

        /**
         * The run of the label at level {@code at} that starts at the first row after {@code
         * previousEnd} and is centred on the label, its columns free below its level; null when
         * there is none.
         */
        private int[] tiledRun(Block b, int at, boolean[] isRow, int previousEnd) {
            int first = Math.max(previousEnd + 1, 0);
            while (first <= at && !isRow[first]) {
                first++;
            }
            if (first > at) {
                return null;
            }
            float tolerance = SAME_HEIGHT * b.height();
            for (int j = at; j < levels.size() && j - at <= MAX_MERGE; j++) {
                if (j > at && !free(levels.get(j), b)) {
                    break;
                }
                if (isRow[j] && j >= first && Math.abs((tops[first] + bottoms[j]) / 2 - b.middle()) <= tolerance) {
                    return new int[] {first, j};
                }
            }
            return null;
        }

        /** True when no cell of the level lies in the columns of {@code b}. */
        private static boolean free(List<Block> level, Block b) {
            for (Block o : level) {
                if (o != b && o.firstColumn <= b.lastColumn && o.lastColumn >= b.firstColumn) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Widens a heading over the sub-headings below it: a cell whose row holds nothing in the
     * columns beside it, over two cells or more of the next row whose joint extent it is centred
     * on ({@code 年度指标值} over {@code 指标性质}, {@code 指标值}, {@code 度量单位}), spans their
     * columns, as the word processor's merged heading does.
     */
    private static void widenOverSubheadings(List<Block> blocks, int rowCount, int columnCount) {
        List<List<Block>> byRow = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            byRow.add(new ArrayList<>());
        }
        for (Block b : blocks) {
            byRow.get(b.row).add(b);
        }
        for (int r = 0; r + 1 < rowCount; r++) {
            for (Block b : byRow.get(r)) {
                int freeFrom = 0;
                int freeTo = columnCount - 1;
                for (Block o : byRow.get(r)) {
                    if (o != b && o.lastColumn < b.firstColumn) {
                        freeFrom = Math.max(freeFrom, o.lastColumn + 1);
                    } else if (o != b && o.firstColumn > b.lastColumn) {
                        freeTo = Math.min(freeTo, o.firstColumn - 1);
                    }
                }
                List<Block> below = new ArrayList<>();
                for (Block o : byRow.get(r + 1)) {
                    if (o.firstColumn >= freeFrom && o.lastColumn <= freeTo) {
                        below.add(o);
                    }
                }
                below.sort(Comparator.comparingDouble(o -> o.left));
                float tolerance = SAME_HEIGHT * b.height();
                int first = -1;
                int last = -1;
                for (int i = 0; i < below.size(); i++) {
                    for (int j = i + 1; j < below.size(); j++) {
                        Block left = below.get(i);
                        Block right = below.get(j);
                        if (left.left <= b.left && right.right >= b.right
                                && Math.abs((left.left + right.right) / 2 - b.centre()) <= tolerance
                                && (first < 0 || right.lastColumn - left.firstColumn > last - first)) {
                            first = left.firstColumn;
                            last = right.lastColumn;
                        }
                    }
                }
                if (first >= 0) {
                    b.firstColumn = Math.min(b.firstColumn, first);
                    b.lastColumn = Math.max(b.lastColumn, last);
                }
            }
        }
    }

    /**
     * The part: cells of one row and column joined (words a space parted), a spanning cell kept
     * off columns its row's other cells hold, row spans cut where a cell below holds the column.
     */
    private static Part part(List<Block> blocks, float[] edges, int rowCount, float linePitch) {
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.<Block>comparingInt(b -> b.row).thenComparingDouble(b -> b.left));
        int columns = edges.length - 1;
        String[][] text = new String[rowCount][columns];
        int[][] span = new int[rowCount][columns];
        int[][] rowSpan = new int[rowCount][columns];
        boolean[][] taken = new boolean[rowCount][columns];
        int lastColumn = -1;
        int lastRow = -1;
        int lastStart = -1;
        for (Block b : sorted) {
            if (b.row != lastRow) {
                lastRow = b.row;
                lastColumn = -1;
            }
            int first = Math.max(b.firstColumn, lastColumn + 1);
            int last = b.lastColumn;
            if (first > last) {
                // Its columns are held by the cell before it: it is more of that cell's text.
                text[b.row][lastStart] = text[b.row][lastStart] + " " + b.text();
                continue;
            }
            text[b.row][first] = b.text();
            span[b.row][first] = last - first + 1;
            rowSpan[b.row][first] = b.rowSpan;
            for (int c = first; c <= last; c++) {
                taken[b.row][c] = true;
            }
            lastColumn = last;
            lastStart = first;
        }
        List<PartCell> cells = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            for (int c = 0; c < columns; c++) {
                if (text[r][c] == null) {
                    continue;
                }
                int down = 1;
                while (down < rowSpan[r][c] && r + down < rowCount && unheld(taken[r + down], c, span[r][c])) {
                    down++;
                }
                cells.add(new PartCell(r, c, c + span[r][c], down, Grid.cellText(text[r][c]), false, Float.NaN, 0));
            }
        }
        float top = Float.MAX_VALUE;
        for (Block b : blocks) {
            top = Math.min(top, b.top());
        }
        return new Part(top, Arrays.copyOf(edges, edges.length), rowCount, cells, linePitch);
    }

    /** True when none of the {@code span} columns from {@code from} holds a cell in this row. */
    private static boolean unheld(boolean[] row, int from, int span) {
        for (int c = from; c < from + span; c++) {
            if (row[c]) {
                return false;
            }
        }
        return true;
    }
}
