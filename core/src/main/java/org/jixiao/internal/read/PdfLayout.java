package org.jixiao.internal.read;

import org.jixiao.internal.read.PdfPage.Glyph;
import org.jixiao.internal.read.PdfPage.Ruling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one page's glyphs and rulings into tables and lines of text, top to bottom.
 *
 * <p>Tables come from the rulings (the "lattice" way tabula-java reads ruled tables): rulings that
 * lie on one line are joined; rulings that cross or touch form one table; the distinct positions
 * of its vertical rulings are the grid's column edges and those of its horizontal rulings its row
 * edges. Two neighbouring grid cells with no ruling between them are one merged cell: a cell
 * reaches right while the vertical edge to its right is missing at its height, then down while the
 * horizontal edge below it is missing along its whole width. A glyph belongs to the cell that holds
 * its centre.
 *
 * <p>Text inside a cell is read line by line. A line that runs up to the cell's right edge was
 * wrapped by the cell's width, so the next line continues it ({@code 大于等于350} + {@code 个});
 * a line that stops short ends a paragraph of the cell (a new line in the cell's text). Outside
 * tables the same rule against the page's text width joins a wrapped paragraph. A space is put
 * between two glyphs of a line whose gap is wider than a fifth of the font size, since PDF writers
 * often draw a space as a gap rather than a glyph.
 *
 * <p>On a page without any ruled table, a table drawn without lines is rebuilt from the alignment
 * of its text ({@link PdfStreamTable}); a page without either keeps its text as paragraphs.
 */
final class PdfLayout {

    /** Positions closer than this (in points) are one edge: border pairs, rounding, line widths. */
    static final float SNAP = 2.0f;
    /** A gap wider than this share of the font size between two glyphs is a space. */
    private static final float SPACE_GAP = 0.2f;
    /** A cell's inner margin, at most, as writers lay it out (LibreOffice: about 5.4 points). */
    private static final float PADDING = 6f;
    /** The same between a CJK glyph and a Latin one. */
    private static final float MIXED_SPACE_GAP = 0.35f;

    private PdfLayout() {
    }

    /** A block of a page: a table part or a paragraph, with its top for ordering. */
    sealed interface PageBlock permits Part, Text {
        float top();
    }

    /**
     * A paragraph outside tables; {@code open} when its last line reaches the right of the page's
     * text, so a paragraph at the head of the next page may go on with it.
     */
    record Text(float top, String text, boolean open) implements PageBlock {
    }

    /**
     * A table as found on one page: its column edges, row count and cells, with the cells'
     * horizontal extent given as edge indexes so that parts of one table on several pages can be
     * laid on one grid; for a table drawn without lines, the distance between two lines of one
     * cell its text showed ({@code NaN} when unknown or ruled), which its next part may need.
     */
    record Part(float top, float[] columnEdges, int rowCount, List<PartCell> cells, float linePitch) implements PageBlock {
        float left() {
            return columnEdges[0];
        }

        float right() {
            return columnEdges[columnEdges.length - 1];
        }
    }

    /**
     * A cell of a part: 0-based row, its left and right column edge indexes, rows spanned, text,
     * whether its last line ran up to the cell's right edge and bottom (so the text may go on past a
     * page break), and how many glyphs of that line's size would still have fitted on it beside the
     * margins the table's wrapped lines show ({@link Float#NaN} when the table has no such lines).
     * Han text breaks between any two glyphs, so where Han text was cut between lines, the glyphs
     * that went on to the next page did not fit: one, or two where the second is punctuation no line
     * may start with (改。). Latin words and figures break as wholes, so no room rules them out.
     * {@code lines} is the number of lines the text takes in the cell (0 where they were not
     * counted: tables drawn without lines, whose cells are never taken as cut).
     */
    record PartCell(int row, int fromEdge, int toEdge, int rowSpan, String text, boolean open, float spare,
                    int lines) {

        /**
         * True when this cell and {@code next}, the cell under it at the head of the next page,
         * hold two texts, not one the break cut: both Han words, this one a single line that fills
         * its cell and the next one starting with a line that fills its own (经济效益指标 over
         * 社会效益指标, or over 可持续影响指|标). The rest of a label cut after its first line is
         * shorter than a line (可持续影响指 | 标).
         */
        boolean twoWordsWith(PartCell next) {
            return lines == 1 && fillsItsLine() && (next.lines > 1 || next.fillsItsLine())
                    && allIdeographic(text) && allIdeographic(next.text);
        }

        private boolean fillsItsLine() {
            return !Float.isNaN(spare) && spare < 1 + FIT_TOLERANCE;
        }

        private static boolean allIdeographic(String s) {
            String t = s.strip();
            return !t.isEmpty() && t.codePoints().allMatch(Character::isIdeographic);
        }

        /**
         * False when {@code next} cannot go on from this cell's last line: its first glyphs would
         * have fitted there.
         */
        boolean mayGoOnWith(String next) {
            String before = text.strip();
            String after = next.strip();
            if (Float.isNaN(spare) || before.isEmpty() || after.isEmpty()
                    || !Character.isIdeographic(before.codePointBefore(before.length()))
                    || !Character.isIdeographic(after.codePointAt(0))) {
                return true;
            }
            int unit = after.length() > 1 && NO_LINE_START.indexOf(after.charAt(1)) >= 0 ? 2 : 1;
            // A tenth of a glyph for the rounding of glyph positions: a glyph that would just have
            // fitted was not set there (效　益　指 | 标 left exactly one glyph's room).
            return spare < unit + FIT_TOLERANCE;
        }
    }

    /**
     * The page's tables and paragraphs, in reading order (top to bottom).
     *
     * @param open the part of the table the page before ended in, which may go on at the head of
     *             this one, or null
     */
    static List<PageBlock> layout(PdfPage page, Part open) {
        List<Ruling> horizontal = join(page.rulings, true);
        List<Ruling> vertical = join(page.rulings, false);
        List<RuledGrid> grids = grids(horizontal, vertical);
        List<Glyph> free = new ArrayList<>();
        for (Glyph g : page.glyphs) {
            boolean placed = false;
            for (RuledGrid grid : grids) {
                if (grid.take(g)) {
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                free.add(g);
            }
        }
        List<PageBlock> blocks = new ArrayList<>();
        for (RuledGrid grid : grids) {
            Part part = grid.part();
            if (part != null) {
                blocks.add(part);
            } else {
                // A ruled box holding no grid (a frame around text): its text is ordinary text.
                free.addAll(grid.glyphs());
            }
        }
        if (blocks.isEmpty()) {
            // No ruled table: a table drawn without borders is found from its text's alignment.
            List<PageBlock> stream = PdfStreamTable.layout(free, open);
            if (!stream.isEmpty()) {
                return stream;
            }
        }
        blocks.addAll(paragraphs(free));
        blocks.sort(Comparator.comparingDouble(PageBlock::top));
        return blocks;
    }

    /** Rulings of one direction, joined where they lie on one line and touch or overlap. */
    static List<Ruling> join(List<Ruling> rulings, boolean horizontal) {
        List<Ruling> of = new ArrayList<>();
        for (Ruling r : rulings) {
            if (r.horizontal() == horizontal) {
                of.add(r);
            }
        }
        of.sort(Comparator.comparingDouble(Ruling::at).thenComparingDouble(Ruling::from));
        List<Ruling> out = new ArrayList<>();
        int i = 0;
        while (i < of.size()) {
            // the rulings within SNAP of the first one lie on one line
            int j = i;
            double sum = 0;
            while (j < of.size() && of.get(j).at() - of.get(i).at() <= SNAP) {
                sum += of.get(j).at();
                j++;
            }
            float at = (float) (sum / (j - i));
            List<Ruling> line = new ArrayList<>(of.subList(i, j));
            line.sort(Comparator.comparingDouble(Ruling::from));
            float from = line.get(0).from();
            float to = line.get(0).to();
            for (int k = 1; k < line.size(); k++) {
                Ruling r = line.get(k);
                if (r.from() <= to + SNAP) {
                    to = Math.max(to, r.to());
                } else {
                    out.add(new Ruling(horizontal, at, from, to));
                    from = r.from();
                    to = r.to();
                }
            }
            out.add(new Ruling(horizontal, at, from, to));
            i = j;
        }
        return out;
    }

    /** Groups crossing rulings into tables; a group needs two rulings each way to be a grid. */
    static List<RuledGrid> grids(List<Ruling> horizontal, List<Ruling> vertical) {
        int h = horizontal.size();
        int n = h + vertical.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < h; i++) {
            Ruling a = horizontal.get(i);
            for (int j = 0; j < vertical.size(); j++) {
                Ruling b = vertical.get(j);
                if (b.at() >= a.from() - SNAP && b.at() <= a.to() + SNAP
                        && a.at() >= b.from() - SNAP && a.at() <= b.to() + SNAP) {
                    union(parent, i, h + j);
                }
            }
        }
        List<RuledGrid> grids = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (done[root]) {
                continue;
            }
            done[root] = true;
            List<Ruling> hs = new ArrayList<>();
            List<Ruling> vs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (find(parent, k) == root) {
                    if (k < h) {
                        hs.add(horizontal.get(k));
                    } else {
                        vs.add(vertical.get(k - h));
                    }
                }
            }
            float[] ys = edges(hs);
            float[] xs = edges(vs);
            if (ys.length >= 2 && xs.length >= 2) {
                grids.add(new RuledGrid(xs, ys, hs, vs));
            }
        }
        return grids;
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** The distinct positions of rulings, those within {@link #SNAP} of each other taken as one. */
    private static float[] edges(List<Ruling> rulings) {
        float[] at = new float[rulings.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = rulings.get(i).at();
        }
        Arrays.sort(at);
        float[] out = new float[at.length];
        int n = 0;
        for (float a : at) {
            if (n == 0 || a - out[n - 1] > SNAP) {
                out[n++] = a;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** One ruled grid on a page and the glyphs that fall in it. */
    static final class RuledGrid {
        private final float[] xs;
        private final float[] ys;
        private final List<Ruling> hs;
        private final List<Ruling> vs;
        private final List<Glyph> glyphs = new ArrayList<>();

        RuledGrid(float[] xs, float[] ys, List<Ruling> hs, List<Ruling> vs) {
            this.xs = xs;
            this.ys = ys;
            this.hs = hs;
            this.vs = vs;
        }

        List<Glyph> glyphs() {
            return glyphs;
        }

        boolean take(Glyph g) {
            float cx = g.centerX();
            float cy = g.centerY();
            if (cx < xs[0] || cx > xs[xs.length - 1] || cy < ys[0] || cy > ys[ys.length - 1]) {
                return false;
            }
            glyphs.add(g);
            return true;
        }

        /** True when a vertical ruling at edge {@code col} covers the middle of grid row {@code row}. */
        private boolean verticalAt(int col, int row) {
            float mid = (ys[row] + ys[row + 1]) / 2;
            for (Ruling r : vs) {
                if (Math.abs(r.at() - xs[col]) <= SNAP && r.from() <= mid && r.to() >= mid) {
                    return true;
                }
            }
            return false;
        }

        /** True when a horizontal ruling at edge {@code row} covers the middle of grid column {@code col}. */
        private boolean horizontalAt(int row, int col) {
            float mid = (xs[col] + xs[col + 1]) / 2;
            for (Ruling r : hs) {
                if (Math.abs(r.at() - ys[row]) <= SNAP && r.from() <= mid && r.to() >= mid) {
                    return true;
                }
            }
            return false;
        }

        /** The grid as a table part; null for a box without inner structure or text (a frame). */
        Part part() {
            int rows = ys.length - 1;
            int cols = xs.length - 1;
            if (rows * cols <= 1) {
                return null;
            }
            int[][] owner = new int[rows][cols];
            for (int[] o : owner) {
                Arrays.fill(o, -1);
            }
            record Region(int row, int col, int rowSpan, int colSpan) {
            }
            List<Region> regions = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (owner[r][c] >= 0) {
                        continue;
                    }
                    int colSpan = 1;
                    while (c + colSpan < cols && owner[r][c + colSpan] < 0 && !verticalAt(c + colSpan, r)) {
                        colSpan++;
                    }
                    int rowSpan = 1;
                    while (r + rowSpan < rows && freeBelow(owner, r + rowSpan, c, colSpan)) {
                        rowSpan++;
                    }
                    for (int rr = r; rr < r + rowSpan; rr++) {
                        for (int cc = c; cc < c + colSpan; cc++) {
                            owner[rr][cc] = regions.size();
                        }
                    }
                    regions.add(new Region(r, c, rowSpan, colSpan));
                }
            }
            // A merge down that holds no text is a table drawn without some inner borders, not a
            // merged cell: Word keeps such cells apart, so they stay one row each.
            boolean[][] inked = new boolean[rows][cols];
            for (Glyph g : glyphs) {
                inked[index(ys, g.centerY())][index(xs, g.centerX())] = true;
            }
            List<Region> split = new ArrayList<>(regions.size());
            for (Region region : regions) {
                boolean blank = true;
                for (int rr = region.row(); rr < region.row() + region.rowSpan() && blank; rr++) {
                    for (int cc = region.col(); cc < region.col() + region.colSpan(); cc++) {
                        blank &= !inked[rr][cc];
                    }
                }
                // (A blank cell at the top may be a merged cell going on from the page before.)
                if (blank && region.rowSpan() > 1 && region.row() > 0) {
                    for (int rr = region.row(); rr < region.row() + region.rowSpan(); rr++) {
                        for (int cc = region.col(); cc < region.col() + region.colSpan(); cc++) {
                            owner[rr][cc] = split.size();
                        }
                        split.add(new Region(rr, region.col(), 1, region.colSpan()));
                    }
                } else {
                    for (int rr = region.row(); rr < region.row() + region.rowSpan(); rr++) {
                        for (int cc = region.col(); cc < region.col() + region.colSpan(); cc++) {
                            owner[rr][cc] = split.size();
                        }
                    }
                    split.add(region);
                }
            }
            regions = split;
            List<List<Glyph>> byRegion = new ArrayList<>(regions.size());
            for (int i = 0; i < regions.size(); i++) {
                byRegion.add(new ArrayList<>());
            }
            for (Glyph g : glyphs) {
                int c = index(xs, g.centerX());
                int r = index(ys, g.centerY());
                byRegion.get(owner[r][c]).add(g);
            }
            List<List<List<Glyph>>> linesOf = new ArrayList<>(regions.size());
            // The least room a line left where Han text went on to the next line. Han text wraps at
            // any glyph, so such a line left the cells' margins and less than a glyph; the least of
            // them is close to the margins alone.
            float margins = Float.NaN;
            for (int i = 0; i < regions.size(); i++) {
                Region region = regions.get(i);
                List<List<Glyph>> lines = lines(byRegion.get(i));
                linesOf.add(lines);
                float width = xs[region.col() + region.colSpan()] - xs[region.col()];
                for (int l = 0; l + 1 < lines.size(); l++) {
                    List<Glyph> line = lines.get(l);
                    Glyph end = line.get(line.size() - 1);
                    if (ideographic(end) && ideographic(lines.get(l + 1).get(0))) {
                        float room = width - (end.right() - line.get(0).x());
                        margins = Float.isNaN(margins) ? room : Math.min(margins, room);
                    }
                }
            }
            List<PartCell> cells = new ArrayList<>(regions.size());
            for (int i = 0; i < regions.size(); i++) {
                Region region = regions.get(i);
                float right = xs[region.col() + region.colSpan()];
                List<List<Glyph>> lines = linesOf.get(i);
                boolean open = false;
                float spare = Float.NaN;
                if (!lines.isEmpty()) {
                    List<Glyph> lastLine = lines.get(lines.size() - 1);
                    Glyph last = lastLine.get(lastLine.size() - 1);
                    // Cut by a page break: the last line fills the width and sits on the cell's
                    // bottom (a finished text ends anywhere, and is centred in a merged cell).
                    float bottom = ys[region.row() + region.rowSpan()];
                    boolean onBottom = bottom - last.baseline() < 1.5f * last.height();
                    // 持续提升 leaves room for a fifth glyph: a whole text, however close to the edge.
                    float room = right - xs[region.col()] - (last.right() - lastLine.get(0).x());
                    spare = (room - margins) / last.height();
                    // Han text may also end a glyph early, where that glyph and the punctuation after
                    // it went on together (部分资金年底到 | 位，): PartCell.mayGoOnWith tells which.
                    boolean filled = fills(lastLine.get(0).x(), last.right(), xs[region.col()], right, last.height())
                            || ideographic(last) && spare < 2 + FIT_TOLERANCE;
                    open = filled && onBottom;
                }
                cells.add(new PartCell(region.row(), region.col(), region.col() + region.colSpan(), region.rowSpan(),
                        text(lines, xs[region.col()], right), open, spare, lines.size()));
            }
            return new Part(ys[0], xs, rows, cells, Float.NaN);
        }

        /** True when grid row {@code row} has no horizontal edge over columns c..c+span-1, all unowned. */
        private boolean freeBelow(int[][] owner, int row, int c, int span) {
            for (int cc = c; cc < c + span; cc++) {
                if (owner[row][cc] >= 0 || horizontalAt(row, cc)) {
                    return false;
                }
            }
            // the merged cell stays a rectangle: no vertical edge may cut into its width below
            for (int cc = c + 1; cc < c + span; cc++) {
                if (verticalAt(cc, row)) {
                    return false;
                }
            }
            return true;
        }

        /** The grid interval holding {@code v}: 0..edges.length-2. */
        private static int index(float[] edges, float v) {
            int i = Arrays.binarySearch(edges, v);
            if (i < 0) {
                i = -i - 2;
            }
            return Math.max(0, Math.min(edges.length - 2, i));
        }
    }

    /** The text of a cell from its glyphs in {@link #lines}; {@code left} and {@code right} are the cell's edges. */
    static String text(List<List<Glyph>> lines, float left, float right) {
        StringBuilder out = new StringBuilder();
        float previousLeft = 0;
        float previousRight = 0;
        float previousSize = 0;
        for (List<Glyph> line : lines) {
            String text = lineText(line);
            if (text.isBlank()) {
                continue;
            }
            if (out.length() > 0) {
                // The line broke there when this line's first word would not fit in the room left:
                // at its right for a line set from the left edge, at either side for a centred one
                // (產 | (chǎn)出指標: the pinyin word did not fit beside 產). Otherwise the line
                // ended its paragraph.
                float leftRoom = previousLeft - left;
                float rightRoom = right - previousRight;
                float word = firstWordWidth(line);
                boolean centred = Math.abs(leftRoom - rightRoom) <= previousSize;
                boolean wrapped = leftRoom <= previousSize + PADDING ? rightRoom < word + PADDING
                        : centred && leftRoom + rightRoom < word + 2 * PADDING;
                if (!wrapped) {
                    out.append('\n');
                } else if (asciiWord(out.charAt(out.length() - 1)) && asciiWord(text.strip().charAt(0))) {
                    out.append(' ');
                }
            }
            out.append(out.length() > 0 && out.charAt(out.length() - 1) != '\n' ? text.strip() : text);
            Glyph last = line.get(line.size() - 1);
            previousLeft = line.get(0).x();
            previousRight = last.right();
            previousSize = last.height();
        }
        return Grid.cellText(out);
    }

    /** Glyphs of room that still count as none (see {@link PartCell#mayGoOnWith}). */
    private static final float FIT_TOLERANCE = 0.1f;

    private static boolean ideographic(Glyph g) {
        return !g.text().isEmpty() && Character.isIdeographic(g.text().codePointAt(0));
    }

    /**
     * True when a line from {@code start} to {@code end} fills the cell from {@code left} to
     * {@code right}: less than one glyph and the padding is left free at either side. A line the
     * cell wrapped fills it; a short or centred line does not.
     */
    static boolean fills(float start, float end, float left, float right, float size) {
        float room = size + PADDING;
        return start <= left + room && end >= right - room;
    }

    /**
     * Closing punctuation no line may start with (full-width comma, full stop, enumeration comma,
     * semicolon, colon, question and exclamation marks, closing brackets and quotes, percent):
     * writers carry it, and the glyph before it, to the next line together.
     */
    private static final String NO_LINE_START = "\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300B\u300D"
            + "\u300F\u3011\u201D\u2019\uFF05%,.;:)";

    /**
     * The width of a line's first word: a run of Latin glyphs, or one CJK glyph, with the closing
     * punctuation that must stay with it.
     */
    private static float firstWordWidth(List<Glyph> line) {
        Glyph first = line.get(0);
        int i = 1;
        if (!wide(first.text())) {
            while (i < line.size() && !wide(line.get(i).text()) && !line.get(i).text().isBlank()) {
                i++;
            }
        }
        while (i < line.size() && NO_LINE_START.contains(line.get(i).text())) {
            i++;
        }
        return line.get(i - 1).right() - first.x();
    }

    /** True for text of full-width (CJK) characters, which writers space apart from Latin text. */
    private static boolean wide(String text) {
        int c = text.codePointAt(0);
        return c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFFDC);
    }

    /** An ASCII letter: two Latin words a line break parted keep a space between them; Chinese text and figures do not. */
    static boolean asciiWord(char c) {
        return c < 0x80 && Character.isLetter(c);
    }

    /**
     * Paragraphs from glyphs outside tables. A line is continued by the next when it reaches the
     * right of the page's text (the widest line) and the next line starts at or left of its start
     * (a wrapped paragraph is left-aligned; the first line may be indented); a centred title and
     * its subtitle stay apart.
     */
    static List<Text> paragraphs(List<Glyph> glyphs) {
        List<List<Glyph>> lines = lines(glyphs);
        float textRight = 0;
        for (List<Glyph> line : lines) {
            textRight = Math.max(textRight, line.get(line.size() - 1).right());
        }
        List<Text> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        float top = 0;
        boolean open = false;
        for (int i = 0; i < lines.size(); i++) {
            List<Glyph> line = lines.get(i);
            String text = lineText(line).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!open) {
                top = line.get(0).top();
                open = true;
            }
            if (paragraph.length() > 0 && asciiWord(paragraph.charAt(paragraph.length() - 1)) && asciiWord(text.charAt(0))) {
                // Latin words a line break parted; Chinese runs on without a space.
                paragraph.append(' ');
            }
            paragraph.append(text);
            Glyph first = line.get(0);
            Glyph last = line.get(line.size() - 1);
            boolean wrapped = false;
            if (i + 1 < lines.size() && last.right() >= textRight - 2.5f * last.height()) {
                Glyph next = lines.get(i + 1).get(0);
                wrapped = next.x() <= first.x() + 0.5f * first.height()
                        && next.baseline() - last.baseline() < 2.5f * last.height();
            }
            if (!wrapped) {
                out.add(new Text(top, paragraph.toString(), last.right() >= textRight - 2.5f * last.height()));
                paragraph.setLength(0);
                open = false;
            }
        }
        if (open) {
            out.add(new Text(top, paragraph.toString(), false));
        }
        return out;
    }

    /**
     * Glyphs grouped into lines: sorted by baseline, a glyph whose baseline is within half its
     * height of the line's joins it; each line sorted left to right.
     */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> line = null;
        float baseline = 0;
        for (Glyph g : sorted) {
            if (line == null || g.baseline() - baseline > g.height() * 0.5f) {
                line = new ArrayList<>();
                lines.add(line);
                baseline = g.baseline();
            }
            line.add(g);
        }
        for (List<Glyph> l : lines) {
            l.sort(Comparator.comparingDouble(Glyph::x));
        }
        return lines;
    }

    /** A line's text, with a space for each gap wider than a fifth of the font size. */
    static String lineText(List<Glyph> line) {
        StringBuilder out = new StringBuilder();
        Glyph previous = null;
        for (Glyph g : line) {
            if (previous != null) {
                float gap = g.x() - previous.right();
                boolean spaced = out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1));
                // Writers add about a fifth of an em between Chinese and Latin text (LibreOffice's
                // Asian/Western spacing); that is layout, not a space of the text.
                float share = wide(g.text()) != wide(previous.text()) ? MIXED_SPACE_GAP : SPACE_GAP;
                if (!spaced && !g.text().isBlank() && gap > share * Math.max(g.height(), previous.height())) {
                    out.append(' ');
                }
                // A glyph drawn twice over itself (fake bold) is one glyph.
                if (g.text().equals(previous.text()) && Math.abs(g.x() - previous.x()) < 0.1f * g.height()) {
                    continue;
                }
            }
            out.append(g.text());
            previous = g;
        }
        return out.toString();
    }
}
