package org.jixiao.internal.extract;

import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.Cell;
import org.jixiao.model.Measure;
import org.jixiao.model.Row;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rebuilds the rows of a form written as a flat run of cells.
 *
 * <p>LibreOffice's plain-text export of a Word form writes every table cell on a line of its own
 * with no row boundaries (an empty cell is an empty line, a horizontally merged cell appears once,
 * each cell covered by a vertical merge is an empty line). Readers hand such a file over as one
 * single-column table. This class finds the rows again from what the cells say: a label and its
 * value; a run of funds headings and, after each funds line label, one value per heading; the
 * indicator header and, for each indicator row, its level names, its name and the run of values up
 * to the 分值/得分 pair where the header puts them. Rebuilt rows place every cell at its header's
 * column and keep the location of the line it came from, so {@link FormReader} reads them like any
 * other table. Anything unrecognised stays a one-cell row.
 */
final class FlatTable {

    /** A single-column table shorter than this is an ordinary table, not a flattened form. */
    private static final int MIN_ROWS = 20;
    /** The most headings a two-row header's second row holds (levels, and pieces of three values). */
    private static final int MAX_PIECES = 12;
    /** Rows of a report's transposed funds table carry a row-number cell such as (1) or (7)=(4)/(2). */
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\(\\d+\\).*");

    private static final Set<Field> HEADER_LABELS = FormReader.HEADER_LABELS;
    /** The headings of a funds block's figures; with the block's own label they are its headings. */
    private static final Set<Field> FUNDS_FIGURES = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET,
            Field.EXECUTED, Field.WEIGHT, Field.EXECUTION_RATE, Field.SCORE, Field.BUDGET_WEIGHT, Field.BUDGET_SCORE,
            Field.CONVERTED_SCORE, Field.REVIEW_SCORE);
    private static final Set<Field> FUNDS_HEADINGS = withFundsBlock(FUNDS_FIGURES);
    private static final Set<Field> TRANSPOSED_ROWS = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET,
            Field.FUNDS_RECEIVED, Field.EXECUTED, Field.BALANCE, Field.ARRIVAL_RATE, Field.EXECUTION_RATE);
    /** Headings after which no indicator row follows in the same run of lines. */
    private static final Set<Field> GRID_ENDS = EnumSet.of(Field.TOTAL_SCORE, Field.GRADE, Field.ANNUAL_GOAL,
            Field.ANALYSIS, Field.ANALYSIS_BUDGET, Field.ANALYSIS_OUTPUT, Field.ANALYSIS_BENEFIT,
            Field.ANALYSIS_SATISFACTION, Field.EXPERIENCE, Field.PROBLEMS, Field.FORM_TITLE, Field.DEPT_FORM_TITLE,
            Field.PROJECT_NAME, Field.DEPARTMENT, Field.IMPLEMENTER, Field.FUNDS_BLOCK, Field.LEVEL1, Field.LEVEL2,
            Field.LEVEL3);
    private static final Set<Field> AMOUNTS = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET, Field.EXECUTED);
    private static final Set<Field> GOAL_LABELS = EnumSet.of(Field.ANNUAL_GOAL, Field.AREA, Field.GOAL_EXPECTED,
            Field.GOAL_ACTUAL);

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;
    private final Prose prose;
    private final RowGrammar rows;

    FlatTable(HeadingDictionary dictionary, MeasureParser measures, Prose prose) {
        this.dictionary = dictionary;
        this.measures = measures;
        this.prose = prose;
        this.rows = new RowGrammar(dictionary, measures, prose);
    }

    static boolean isFlat(Table table) {
        return table.rows().size() >= MIN_ROWS && table.columnCount() <= 1;
    }

    /** {@code lines} with the rows of every flat table replaced by rebuilt rows. */
    List<Line> expand(List<Line> lines) {
        List<Line> out = new ArrayList<>();
        Map<Table, Boolean> flat = new IdentityHashMap<>();
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line instanceof Line.TableRow row && flat.computeIfAbsent(row.table(), FlatTable::isFlat)) {
                Table table = row.table();
                List<Token> tokens = new ArrayList<>();
                while (i < lines.size() && lines.get(i) instanceof Line.TableRow r && r.table() == table) {
                    Optional<Cell> cell = r.row().cells().stream().findFirst();
                    tokens.add(new Token(cell.map(Cell::text).orElse(""),
                            cell.map(r::ref).orElse(table.ref(r.index(), 0))));
                    i++;
                }
                out.addAll(new Rebuild(tokens).run());
            } else {
                out.add(line);
                i++;
            }
        }
        return out;
    }

    /** One line of the flat run: its text and where it is. */
    private record Token(String text, SourceRef ref) {
        boolean blank() {
            return text.isBlank();
        }
    }

    /** One pass over a flat run of tokens. */
    private final class Rebuild {
        private final List<Token> t;
        private final List<Line> out = new ArrayList<>();
        private int fundsFigures;

        Rebuild(List<Token> tokens) {
            this.t = joinWrapped(tokens);
        }

        /** Two lines that are one wrapped label ({@link WrappedLabel}) become one token. */
        private List<Token> joinWrapped(List<Token> tokens) {
            List<Token> out = new ArrayList<>(tokens.size());
            for (int k = 0; k < tokens.size(); k++) {
                Token a = tokens.get(k);
                Optional<String> joined = k + 1 < tokens.size()
                        ? WrappedLabel.join(dictionary, prose, a.text(), tokens.get(k + 1).text()) : Optional.empty();
                if (joined.isPresent()) {
                    out.add(new Token(joined.get(), a.ref()));
                    k++;
                } else {
                    out.add(a);
                }
            }
            return out;
        }

        List<Line> run() {
            int i = 0;
            while (i < t.size()) {
                Token tok = t.get(i);
                if (tok.blank()) {
                    i++;
                    continue;
                }
                Optional<Field> f = dictionary.lookup(tok.text());
                int next;
                if (f.isPresent() && (HEADER_LABELS.contains(f.get()) || f.get() == Field.GRADE
                        || f.get() == Field.SCORE && isNumber(nextNonBlank(i + 1)))) {
                    // 项目名称 | X, 自评等级 | 优, 自评得分 | 93.48: a label and its value.
                    next = labelAndValue(i);
                } else if ((next = fundsHeader(i)) > i) {
                    // handled
                } else if (f.isPresent() && f.get().isFundLine() && fundsFigures > 0) {
                    next = fixedRow(i, fundsFigures);
                } else if (f.isPresent() && TRANSPOSED_ROWS.contains(f.get())) {
                    next = transposedRow(i);
                } else if (f.isPresent() && f.get() == Field.ANNUAL_GOAL) {
                    next = goals(i);
                } else if ((next = gridTable(i)) > i || (next = indicatorTable(i)) > i) {
                    // handled
                } else if (f.isPresent() && f.get() == Field.TOTAL_SCORE) {
                    next = totalRow(i);
                } else {
                    emit(List.of(tok), List.of(0));
                    next = i + 1;
                }
                i = next;
            }
            return out;
        }

        private int labelAndValue(int i) {
            int j = nextNonBlank(i + 1);
            if (j < t.size() && dictionary.lookup(t.get(j).text()).filter(HEADER_LABELS::contains).isEmpty()) {
                emit(List.of(t.get(i), t.get(j)), List.of(0, 1));
                return j + 1;
            }
            emit(List.of(t.get(i)), List.of(0));
            return i + 1;
        }

        /** A run of at least two funds headings; returns the index after it, or {@code i} if there is none. */
        private int fundsHeader(int i) {
            int j = i;
            int figures = 0;
            while (j < t.size() && dictionary.lookup(t.get(j).text()).filter(FUNDS_HEADINGS::contains).isPresent()) {
                if (FUNDS_FIGURES.contains(dictionary.lookup(t.get(j).text()).get())) {
                    figures++;
                }
                j++;
            }
            if (j - i < 2 || figures < 2) {
                return i;
            }
            // A second header row under 预算数: 年初预算数 | 全年预算数 after the covered cells' empty lines.
            int k = nextNonBlank(j);
            int end = k;
            while (end < t.size() && dictionary.lookup(t.get(end).text()).filter(AMOUNTS::contains).isPresent()) {
                end++;
            }
            int spanning = -1;
            for (int q = i; q < j && end - k >= 2; q++) {
                if (dictionary.lookup(t.get(q).text()).filter(AMOUNTS::contains).isPresent()) {
                    spanning = q;
                    break;
                }
            }
            if (spanning >= 0) {
                List<Token> merged = new ArrayList<>(t.subList(i, spanning));
                merged.addAll(t.subList(k, end));
                merged.addAll(t.subList(spanning + 1, j));
                emit(merged, range(merged.size()));
                fundsFigures = figures - 1 + (end - k);
                return end;
            }
            emitRun(i, j);
            fundsFigures = figures;
            return j;
        }

        /**
         * A funds line: its label and the value cells after it. Exactly {@code width} cells, blanks
         * included, when they are all values; a grid copied with extra empty cells has more blanks,
         * so then the first {@code width} filled values are taken in order.
         */
        private int fixedRow(int i, int width) {
            int end = Math.min(t.size(), i + 1 + width);
            int j = i + 1;
            List<Token> filled = new ArrayList<>();
            while (j < t.size() && filled.size() < width && isValue(t.get(j))) {
                if (!t.get(j).blank()) {
                    filled.add(t.get(j));
                }
                j++;
            }
            boolean plain = true;
            for (int k = i + 1; k < end; k++) {
                plain &= isValue(t.get(k));
            }
            if (filled.size() == width && (!plain || countBlank(i + 1, end) > 0)) {
                List<Token> cells = new ArrayList<>(List.of(t.get(i)));
                cells.addAll(filled);
                emit(cells, range(cells.size()));
                return j;
            }
            // A part line whose 分值 and 得分 cells were merged away is shorter than the header:
            // the line ends where the next line's label (上年结转资金, 年度总体目标) begins.
            for (int k = i + 1; k < end; k++) {
                if (!t.get(k).blank() && dictionary.lookup(t.get(k).text()).isPresent()) {
                    end = k;
                    break;
                }
            }
            emitRun(i, end);
            return end;
        }

        private int countBlank(int from, int to) {
            int n = 0;
            for (int k = from; k < to; k++) {
                n += t.get(k).blank() ? 1 : 0;
            }
            return n;
        }

        /** A row of a transposed funds table: the label, its row number and values up to the next text. */
        private int transposedRow(int i) {
            int j = i + 1;
            while (j < t.size() && isValue(t.get(j))) {
                j++;
            }
            if (j == i + 1) {
                emit(List.of(t.get(i)), List.of(0));
                return i + 1;
            }
            emitRun(i, j);
            return j;
        }

        private boolean isValue(Token tok) {
            if (tok.blank() || ROW_NUMBER.matcher(tok.text()).matches()) {
                return true;
            }
            Measure m = measures.parse(tok.text());
            return m.kind() == Measure.Kind.EMPTY || numberOrPercent(m);
        }

        /** 年度总体目标 / 预期目标 / 实际完成情况, then the two texts written under the last two. */
        private int goals(int i) {
            int j = i;
            List<Token> labels = new ArrayList<>();
            while (j < t.size() && dictionary.lookup(t.get(j).text()).filter(GOAL_LABELS::contains).isPresent()) {
                labels.add(t.get(j++));
            }
            emit(labels, range(labels.size()));
            int end = j;
            while (end < t.size() && (t.get(end).blank() || dictionary.lookup(t.get(end).text()).isEmpty())) {
                end++;
            }
            if (labels.size() == 4 && dictionary.is(labels.get(1).text(), Field.AREA)) {
                // 区域 | 预期目标 | 实际完成情况: one region per three filled lines.
                List<Token> filled = new ArrayList<>();
                for (int k = j; k < end; k++) {
                    if (!t.get(k).blank()) {
                        filled.add(t.get(k));
                    }
                }
                for (int k = 0; k + 3 <= filled.size(); k += 3) {
                    emit(filled.subList(k, k + 3), List.of(1, 2, 3));
                }
                return end;
            }
            List<Token> texts = new ArrayList<>();
            for (int k = j; k < end && texts.size() < 2; k++) {
                if (!t.get(k).blank()) {
                    texts.add(t.get(k));
                }
            }
            if (texts.size() == 2 && labels.size() >= 3) {
                // The first two texts after the labels: what follows them (a report's next
                // heading, 2.项目实施内容及过程概述) is not a goal.
                emit(texts, List.of(1, 2));
            } else if (end - j >= 2 && labels.size() >= 3) {
                // Empty texts: their two cells, so that the row stands for the goals.
                emit(List.of(t.get(end - 2), t.get(end - 1)), List.of(1, 2));
            } else if (end - j >= 1) {
                emit(List.of(t.get(end - 1)), List.of(labels.size() - 1));
            }
            return end;
        }

        /**
         * An indicator table whose rows keep every grid cell: LibreOffice writes one line per cell,
         * an empty line for each cell a vertical merge covers, so every body row has as many lines
         * as the grid has columns. The header (one row, or two where 年度指标值 spans 指标性质 |
         * 指标值 | 度量单位) gives that width; the body is cut into rows of it and each must read
         * under the header. Returns {@code i} when the table is not such a grid (a merged cell
         * written as several lines, a header spanning columns it does not name), and the rows are
         * then found by their values ({@link #indicatorTable}).
         */
        private int gridTable(int i) {
            int j = i;
            List<Token> top = new ArrayList<>();
            while (j < t.size() && !t.get(j).blank() && dictionary.lookup(t.get(j).text())
                    .filter(f -> HeaderModel.isHeading(f) || f == Field.INDICATOR_GROUP).isPresent()) {
                top.add(t.get(j++));
            }
            if (top.size() < 3) {
                return i;
            }
            // A second header row: its cells are the pieces of the first row's spanning cells.
            List<Cell> topCells = new ArrayList<>();
            List<Cell> subCells = new ArrayList<>();
            Map<Integer, SourceRef> subRefs = new HashMap<>();
            int width = twoRowHeader(top, j, topCells, subCells, subRefs);
            // Where the second row begins without an empty line, both rows are one run of headings:
            // try each place the first row could end.
            for (int split = top.size() - 1; width == 0 && split >= 2; split--) {
                topCells.clear();
                subCells.clear();
                subRefs.clear();
                width = twoRowHeader(top.subList(0, split), i + split, topCells, subCells, subRefs);
                // The second row must take up the whole rest of the run, or the split is not there.
                if (width > 0 && subCells.size() != top.size() - split) {
                    width = 0;
                }
                if (width > 0) {
                    top = new ArrayList<>(top.subList(0, split));
                    j = i + split;
                }
            }
            int bodyStart;
            if (width > 0) {
                bodyStart = j + width;
            } else {
                topCells.clear();
                subCells.clear();
                subRefs.clear();
                for (int k = 0; k < top.size(); k++) {
                    topCells.add(Cell.of(k, top.get(k).text()));
                }
                width = top.size();
                bodyStart = j;
            }
            Optional<HeaderModel> header = HeaderModel.parse(topCells, subCells, dictionary);
            if (header.isEmpty() || header.get().headerRows() != (subCells.isEmpty() ? 1 : 2)) {
                return i;
            }
            List<List<Token>> body = new ArrayList<>();
            int p = bodyStart;
            while (p < t.size() && !endsGrid(t.get(p))) {
                // The last row may be short: a cell merged across columns is written once, and
                // what follows the table (总分, the end of the file) comes before a full row.
                int end = Math.min(p + width, t.size());
                for (int q = p + 1; q < end; q++) {
                    if (endsGrid(t.get(q))) {
                        end = q;
                        break;
                    }
                }
                List<Token> row = t.subList(p, end);
                if (end - p < width && 2 * (end - p) < width) {
                    break;
                }
                if (!fitsGrid(header.get(), row)) {
                    // A cell of several paragraphs (a merged 得分计算方法 cell) writes its later
                    // paragraphs as lines of their own after the row: they go back into that row's
                    // last cell, and the grid goes on after them.
                    int skip = paragraphsToSkip(header.get(), p, width, body);
                    if (skip > 0) {
                        List<Token> previous = body.get(body.size() - 1);
                        int last = previous.size() - 1;
                        while (last > 0 && previous.get(last).blank()) {
                            last--;
                        }
                        StringBuilder text = new StringBuilder(previous.get(last).text());
                        for (int q = p; q < p + skip; q++) {
                            text.append('\n').append(t.get(q).text());
                        }
                        previous.set(last, new Token(text.toString(), previous.get(last).ref()));
                        p += skip;
                        continue;
                    }
                    // After rows that all fit, text that does not fit begins what follows the table
                    // (a report's next paragraph); a misfit among the first rows means no grid.
                    if (body.size() >= 2 && row.get(0).text().length() >= 12 && dictionary.lookup(row.get(0).text()).isEmpty()) {
                        break;
                    }
                    return i;
                }
                body.add(new ArrayList<>(row));
                boolean shortRow = end - p < width;
                p = end;
                if (shortRow) {
                    break;
                }
            }
            if (body.isEmpty()) {
                return i;
            }
            Map<Integer, SourceRef> topRefs = new HashMap<>();
            for (int k = 0; k < topCells.size(); k++) {
                topRefs.put(topCells.get(k).col(), top.get(k).ref());
            }
            out.add(new Line.Chunk(new Row(topCells), topRefs));
            if (!subCells.isEmpty()) {
                out.add(new Line.Chunk(new Row(subCells), subRefs));
            }
            for (List<Token> row : body) {
                emitGridRow(row);
            }
            return p;
        }

        /**
         * Reads the second header row that follows the first row {@code top} at token {@code j}:
         * fills the first row's cells with their spans and the second row's headings, and returns
         * the grid's width; 0 when there is no second row.
         */
        private int twoRowHeader(List<Token> top, int j, List<Cell> topCells, List<Cell> subCells,
                                 Map<Integer, SourceRef> subRefs) {
            int p = 0;
            boolean spans = false;
            for (Token parent : top) {
                if (j + p >= t.size()) {
                    return 0;
                }
                Token under = t.get(j + p);
                if (under.blank()) {
                    topCells.add(Cell.of(p, parent.text()));
                    p++;
                    continue;
                }
                Optional<Field> pf = dictionary.lookup(parent.text());
                int span = 0;
                while (j + p + span < t.size() && belongsUnder(pf, j + p, span)) {
                    Token sub = t.get(j + p + span);
                    subCells.add(Cell.of(p + span, sub.text()));
                    subRefs.put(p + span, sub.ref());
                    span++;
                }
                if (span == 0) {
                    return 0;
                }
                spans |= span > 1;
                topCells.add(new Cell(p, span, 1, parent.text()));
                p += span;
            }
            // The second row ends where the first row's columns end; a trailing heading means the
            // rows were not what they seemed.
            if (!spans || j + p < t.size() && !t.get(j + p).blank()
                    && dictionary.lookup(t.get(j + p).text()).filter(HeaderModel::isHeading).isPresent()) {
                return 0;
            }
            return p;
        }

        /**
         * True if token {@code start + k} is the {@code k}-th piece of a spanning heading: level names
         * under 绩效指标; comparator, value and unit under a target or actual, a unit closing the group.
         */
        private boolean belongsUnder(Optional<Field> parent, int start, int k) {
            Token tok = t.get(start + k);
            if (tok.blank()) {
                return false;
            }
            Optional<Field> f = dictionary.lookup(tok.text());
            if (f.isEmpty() || parent.isEmpty()) {
                return false;
            }
            if (parent.get() == Field.INDICATOR_GROUP) {
                return f.get() == Field.LEVEL1 || f.get() == Field.LEVEL2 || f.get() == Field.LEVEL3;
            }
            boolean value = parent.get() == Field.TARGET || parent.get() == Field.ACTUAL || parent.get() == Field.ADJUSTED_TARGET;
            if (!value) {
                return false;
            }
            if (k > 0) {
                Optional<Field> previous = dictionary.lookup(t.get(start + k - 1).text());
                if (previous.filter(x -> x == Field.UNIT).isPresent() || f.get() == Field.COMPARATOR) {
                    return false;
                }
            }
            return f.get() == Field.COMPARATOR || f.get() == Field.UNIT || f.get() == Field.TARGET
                    || f.get() == Field.ACTUAL;
        }

        /**
         * How many lines at {@code p} are extra paragraphs of the row above (one or two lines of
         * text, after which a full row fits the header again); 0 when they are not.
         */
        private int paragraphsToSkip(HeaderModel header, int p, int width, List<List<Token>> body) {
            if (body.isEmpty()) {
                return 0;
            }
            for (int skip = 1; skip <= 2; skip++) {
                if (p + skip + width > t.size() || t.get(p + skip - 1).blank()
                        || t.get(p + skip - 1).text().length() < 12) {
                    return 0;
                }
                if (fitsGrid(header, t.subList(p + skip, p + skip + width))) {
                    return skip;
                }
            }
            return 0;
        }

        /**
         * The first line of what follows the indicator rows: 总分, 自评等级, an analysis or goals
         * heading, the next form's labels, or the indicator header repeated after a page break.
         */
        private boolean endsGrid(Token first) {
            if (first.blank()) {
                return false;
            }
            Optional<Field> f = dictionary.lookup(first.text());
            return f.isPresent() && GRID_ENDS.contains(f.get());
        }

        private boolean fitsGrid(HeaderModel header, List<Token> row) {
            List<Cell> cells = new ArrayList<>();
            for (int k = 0; k < row.size(); k++) {
                if (!row.get(k).blank()) {
                    cells.add(Cell.of(k, row.get(k).text()));
                }
            }
            return cells.isEmpty() || rows.positional(header, cells).isPresent();
        }

        private void emitGridRow(List<Token> row) {
            List<Token> cells = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            for (int k = 0; k < row.size(); k++) {
                if (!row.get(k).blank()) {
                    cells.add(row.get(k));
                    cols.add(k);
                }
            }
            if (!cells.isEmpty()) {
                emit(cells, cols);
            }
        }

        /** An indicator header run and the rows under it; returns {@code i} if there is no header here. */
        private int indicatorTable(int i) {
            int j = i;
            List<Token> labels = new ArrayList<>();
            // 绩效指标 over the level names opens a two-row header's first row.
            boolean group = dictionary.is(t.get(i).text(), Field.INDICATOR_GROUP);
            if (group) {
                labels.add(t.get(j++));
            }
            while (j < t.size() && dictionary.lookup(t.get(j).text()).filter(HeaderModel::isHeading).isPresent()) {
                labels.add(t.get(j++));
            }
            Optional<HeaderModel> header = twoRowsInOneRun(labels);
            if (header.isEmpty() && group) {
                return i;
            }
            if (header.isEmpty()) {
                List<Cell> headerCells = new ArrayList<>();
                for (int k = 0; k < labels.size(); k++) {
                    headerCells.add(Cell.of(k, labels.get(k).text()));
                }
                header = HeaderModel.parse(headerCells, List.of(), dictionary);
                if (header.isEmpty()) {
                    return i;
                }
                emit(labels, range(labels.size()));
            }
            boolean blankFree = blankFreeFrom(j);
            while (true) {
                int start = j;
                while (start < t.size() && (t.get(start).blank() || dictionary.is(t.get(start).text(), Field.INDICATOR_GROUP))) {
                    start++;
                }
                if (start >= t.size() || dictionary.is(t.get(start).text(), Field.TOTAL_SCORE)) {
                    return start;
                }
                Optional<RowFit> row = fitRow(header.get(), start,
                        blankFree ? Trailing.UNTIL_NEXT_ROW : Trailing.AS_HEADER);
                if (row.isEmpty()) {
                    row = emptyRow(header.get(), start);
                }
                if (row.isEmpty() && blankFree) {
                    row = fillerRow(header.get(), start);
                }
                if (row.isEmpty()) {
                    return start;
                }
                emit(row.get().cells(), row.get().cols());
                j = row.get().end();
            }
        }

        /**
         * A two-row header written as one run of headings with no blank line under the first row's
         * cells that span no columns: the first row, then only the pieces of its spanning cells
         * (年度指标值 | 实际完成值 … then 指标性质 | 指标值 | 度量单位, the pieces of 年度指标值). Each
         * group of pieces goes under the next first-row cell that can hold it, in order. Emits both
         * rows and returns the header; empty when the run does not end in such pieces or the two rows
         * make no two-row header.
         */
        private Optional<HeaderModel> twoRowsInOneRun(List<Token> run) {
            int firstPiece = run.size();
            while (firstPiece > 0
                    && dictionary.lookup(run.get(firstPiece - 1).text()).filter(HeaderModel::isSpanPiece).isPresent()) {
                firstPiece--;
            }
            // A first row may end in headings that could be pieces too (实际完成值): try each split,
            // of a second row no longer than a header's (a run of thousands of headings is no header).
            int from = Math.max(Math.max(firstPiece, 3), run.size() - MAX_PIECES);
            for (int split = from; split <= run.size() - 2; split++) {
                Optional<HeaderModel> header = twoRows(run.subList(0, split), run.subList(split, run.size()));
                if (header.isPresent()) {
                    return header;
                }
            }
            return Optional.empty();
        }

        private Optional<HeaderModel> twoRows(List<Token> top, List<Token> pieces) {
            // Both rows numbered from 0 as their cells come: HeaderModel gives the pieces their
            // places, as for pipe rows whose spans were lost, and FormReader reads the two rows again.
            List<Cell> topCells = new ArrayList<>();
            Map<Integer, SourceRef> topRefs = new HashMap<>();
            for (int k = 0; k < top.size(); k++) {
                topCells.add(Cell.of(k, top.get(k).text()));
                topRefs.put(k, top.get(k).ref());
            }
            List<Cell> subCells = new ArrayList<>();
            Map<Integer, SourceRef> subRefs = new HashMap<>();
            for (int k = 0; k < pieces.size(); k++) {
                subCells.add(Cell.of(k, pieces.get(k).text()));
                subRefs.put(k, pieces.get(k).ref());
            }
            Optional<HeaderModel> header = HeaderModel.parse(topCells, subCells, dictionary)
                    .filter(h -> h.headerRows() == 2);
            if (header.isPresent()) {
                out.add(new Line.Chunk(new Row(topCells), topRefs));
                out.add(new Line.Chunk(new Row(subCells), subRefs));
            }
            return header;
        }

        /**
         * True if no blank line stands between {@code i} and the end of the indicator table (its
         * total, or whatever else ends the grid): a run whose empty cells left no trace, as a form
         * flattened onto one line has it, where a trailing free-text column may be missing.
         */
        private boolean blankFreeFrom(int i) {
            for (int k = i; k < t.size() && !endsGrid(t.get(k)) && !dictionary.is(t.get(k).text(), Field.TOTAL_SCORE); k++) {
                if (t.get(k).blank()) {
                    return false;
                }
            }
            return true;
        }

        /** An indicator row's tokens, the columns they go to, and the index after the row. */
        private record RowFit(List<Token> cells, List<Integer> cols, int end) {
        }

        /** Which cells after the scores (a review score, a reason, a remark) a row takes. */
        private enum Trailing {
            /** As many as the header has columns after the scores, short of a level name or header. */
            AS_HEADER,
            /** Those before the next row: where empty cells left no blank line, no count holds. */
            UNTIL_NEXT_ROW,
            /** None: enough to tell whether a row begins here. */
            NONE
        }

        /**
         * One indicator row starting at {@code i}, or empty if none fits; {@code trailing} says
         * which cells after 得分 it takes. In a blank-free run an empty reason or review score leaves
         * no line, and the next row's name follows the last cell present directly.
         */
        private Optional<RowFit> fitRow(HeaderModel h, int i, Trailing trailing) {
            Map<ColumnRole, Integer> col = firstColumns(h);
            List<Token> cells = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int p = i;
            if (isTask(h, col, p)) {
                cells.add(t.get(p++));
                cols.add(col.get(ColumnRole.of(Part.TASK)));
            }
            boolean level1 = false;
            if (h.has(Part.LEVEL1) && rows.isLevel1Label(cell(p))) {
                cells.add(t.get(p++));
                cols.add(col.get(ColumnRole.of(Part.LEVEL1)));
                level1 = true;
            }
            if (p < t.size() && h.has(Part.LEVEL2) && h.has(Part.LEVEL3)
                    && (isLevel2(p) || level1 || !h.has(Part.LEVEL1) && rows.isLevel1(cell(p)))) {
                cells.add(t.get(p++));
                cols.add(col.get(ColumnRole.of(Part.LEVEL2)));
            }
            ColumnRole nameRole = ColumnRole.of(h.has(Part.LEVEL3) ? Part.LEVEL3 : Part.LEVEL2);
            if (p >= t.size() || t.get(p).blank() || numberOrPercent(measures.parse(t.get(p).text()))) {
                return Optional.empty();
            }
            cells.add(t.get(p++));
            cols.add(col.get(nameRole));
            List<ColumnRole> fields = h.valueRoles();
            int iw = indexOf(fields, Part.WEIGHT);
            int is = fields.indexOf(ColumnRole.of(Part.SCORE, ColumnRole.Qualifier.CONVERTED));
            if (is < 0) {
                is = fields.indexOf(ColumnRole.of(Part.SCORE));
            }
            boolean subRow = prose.isSubRow(cells.get(cells.size() - 1).text());
            if (iw < 0 || is < 0 || subRow) {
                // A 绩效目标 table states no weight or score, and a 其中 row details its parent's
                // target and actual without either: such a row ends at its last value.
                int last = lastValueField(fields);
                boolean unscored = subRow || !h.has(Part.WEIGHT) && !h.has(Part.SCORE);
                if (!unscored || last < 0 || !namesAndStates(p - 1, p + last)) {
                    return Optional.empty();
                }
                return placed(cells, cols, col, h, p, p + last, last, trailing, fields.get(last));
            }
            // Merged cells drop a line or two before 分值; text exports may add one: try the nearest shifts first.
            for (int shift : new int[] {0, -1, 1, -2, 2}) {
                int w = p + iw + shift;
                // 得分 where the header puts it, or one cell nearer when a merge between them dropped one.
                for (int s : new int[] {w + (is - iw), w + (is - iw) - 1}) {
                    boolean ordered = is > iw ? s > w : s < w;
                    if (w < p || !ordered || !isNumber(w) || !isNumber(s)) {
                        continue;
                    }
                    Optional<RowFit> row = placed(cells, cols, col, h, p, Math.max(w, s), Math.max(iw, is), trailing,
                            fields.get(iw));
                    if (row.isPresent()) {
                        return row;
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * The row whose level and name cells are {@code cells} and whose values run from token
         * {@code p}: through token {@code last}, which stands under value field {@code lastField},
         * and then the cells after it that {@code trailing} takes. Empty unless the values align
         * with the header's fields and one of them is {@code required}.
         */
        private Optional<RowFit> placed(List<Token> cells, List<Integer> cols, Map<ColumnRole, Integer> col,
                                        HeaderModel h, int p, int last, int lastField, Trailing trailing,
                                        ColumnRole required) {
            List<ColumnRole> fields = h.valueRoles();
            int end = Math.min(t.size(),
                    trailing == Trailing.NONE ? last + 1 : last + (fields.size() - 1 - lastField) + 1);
            // The cells after the last value (a review score, a reason) end where the next row
            // begins: the first of them that is a level name or a header, or in a blank-free run
            // the first that begins a row of its own or an unfilled template row (……, never a reason).
            for (int k = last + 1; k < end; k++) {
                if (isStart(k) || isLevel2(k)
                        || trailing == Trailing.UNTIL_NEXT_ROW && (beginsRow(h, k) || isEllipsis(k))) {
                    end = k;
                    break;
                }
            }
            if (end <= last) {
                return Optional.empty();
            }
            for (int k = p; k <= last; k++) {
                // A heading among the values is the text of something else (a header PDF text scrambled).
                if (isStart(k)) {
                    return Optional.empty();
                }
            }
            List<Cell> values = new ArrayList<>();
            List<Token> valueTokens = new ArrayList<>();
            for (int k = p; k < end; k++) {
                if (!t.get(k).blank()) {
                    values.add(Cell.of(values.size(), t.get(k).text()));
                    valueTokens.add(t.get(k));
                }
            }
            Optional<Map<ColumnRole, Cell>> aligned = rows.align(fields, values);
            if (aligned.isEmpty() || !aligned.get().containsKey(required)) {
                return Optional.empty();
            }
            List<Token> rowCells = new ArrayList<>(cells);
            List<Integer> rowCols = new ArrayList<>(cols);
            for (Map.Entry<ColumnRole, Cell> e : aligned.get().entrySet()) {
                rowCells.add(valueTokens.get(e.getValue().col()));
                rowCols.add(col.get(e.getKey()));
            }
            return Optional.of(new RowFit(rowCells, rowCols, end));
        }

        /**
         * True if token {@code name} can be an indicator's name and the tokens after it through
         * {@code last} its values, where no weight or score anchors the row: no sentence (closed by
         * 。) and no section heading of a report (二、…, (三)…) among them, which is the text after
         * a table that states no figures.
         */
        private boolean namesAndStates(int name, int last) {
            if (last >= t.size()) {
                return false;
            }
            for (int k = name; k <= last; k++) {
                String text = t.get(k).text().strip();
                if (text.endsWith("。") || prose.levelEnumeratorLength(text) > 0) {
                    return false;
                }
            }
            return true;
        }

        /** The index of the last target, adjusted target or actual (or a piece of one) among {@code fields}. */
        private static int lastValueField(List<ColumnRole> fields) {
            for (int k = fields.size() - 1; k >= 0; k--) {
                Part part = fields.get(k).part();
                if (part == Part.TARGET || part == Part.ADJUSTED_TARGET || part == Part.ACTUAL) {
                    return k;
                }
            }
            return -1;
        }

        /**
         * True if token {@code k} is a department form's task (年度主要任务) opening its group of rows:
         * the header puts the task before the levels, and a level name follows it. The task is
         * written once for the rows its merged cell spans.
         */
        private boolean isTask(HeaderModel h, Map<ColumnRole, Integer> col, int k) {
            Integer task = col.get(ColumnRole.of(Part.TASK));
            Integer level1 = col.get(ColumnRole.of(Part.LEVEL1));
            return task != null && level1 != null && task < level1 && k + 1 < t.size()
                    && !t.get(k).blank() && !rows.isLevel1Label(cell(k)) && !isLevel2(k) && !isFigure(k)
                    && (rows.isLevel1Label(cell(k + 1)) || isLevel2(k + 1));
        }

        /**
         * True if an indicator row fits at token {@code k} and its first token can be a name: a
         * reason cell ({@code 无}, a sentence closed by 。) or a 是否核心指标 mark followed by the next
         * row's cells may fit too, but is no indicator's name.
         */
        private boolean beginsRow(HeaderModel h, int k) {
            String text = t.get(k).text().strip();
            // A name has two characters at least: 是 or 否 under 是否核心指标 is a row's last cell.
            return text.codePointCount(0, text.length()) >= 2 && !prose.isPlaceholder(text)
                    && !text.endsWith("。") && !text.endsWith("；") && fitRow(h, k, Trailing.NONE).isPresent();
        }

        /**
         * Adds the level-1 and level-2 names that open a row at token {@code i} to {@code cells}
         * and their columns to {@code cols}; returns the index after them.
         */
        private int levelNames(HeaderModel h, Map<ColumnRole, Integer> col, int i, List<Token> cells,
                               List<Integer> cols) {
            int p = i;
            if (h.has(Part.LEVEL1) && rows.isLevel1Label(cell(p))) {
                cells.add(t.get(p++));
                cols.add(col.get(ColumnRole.of(Part.LEVEL1)));
            }
            if (p < t.size() && h.has(Part.LEVEL2) && h.has(Part.LEVEL3) && isLevel2(p)) {
                cells.add(t.get(p++));
                cols.add(col.get(ColumnRole.of(Part.LEVEL2)));
            }
            return p;
        }

        /**
         * A row that names an indicator but states nothing: its level names, if any, its name (a
         * template's 指标2 or …… left as printed) and then only empty cells, up to a line that is no
         * figure. Only where empty cells left their blank lines: without them such a row cannot be
         * told from the next row's first cells. Empty if the row at {@code i} is not one.
         */
        private Optional<RowFit> emptyRow(HeaderModel h, int i) {
            Map<ColumnRole, Integer> col = firstColumns(h);
            List<Token> cells = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int p = levelNames(h, col, i, cells, cols);
            if (p >= t.size() || t.get(p).blank() || isFigure(p) || isStart(p)) {
                return Optional.empty();
            }
            cells.add(t.get(p));
            cols.add(col.get(ColumnRole.of(h.has(Part.LEVEL3) ? Part.LEVEL3 : Part.LEVEL2)));
            int end = p + 1;
            while (end < t.size() && t.get(end).blank()) {
                end++;
            }
            if (end == p + 1 || isFigure(end)) {
                return Optional.empty();
            }
            return Optional.of(new RowFit(cells, cols, end));
        }

        /**
         * A template row left unfilled, in a blank-free run: its level names, if any, then only
         * fillers ({@code 无 | / | / | /}, {@code …… | ……}), or nothing at all (a level with no
         * indicator), up to where the next row, the total or the table's end begins. The fillers
         * go to the name's column and the value columns in order, as a grid would hold them, for
         * FormReader to judge as it judges such rows of any table. Empty if the row at {@code i}
         * is not one.
         */
        private Optional<RowFit> fillerRow(HeaderModel h, int i) {
            Map<ColumnRole, Integer> col = firstColumns(h);
            List<Token> cells = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int p = levelNames(h, col, i, cells, cols);
            List<Integer> slots = new ArrayList<>();
            slots.add(col.get(ColumnRole.of(h.has(Part.LEVEL3) ? Part.LEVEL3 : Part.LEVEL2)));
            for (ColumnRole role : h.valueRoles()) {
                slots.add(col.get(role));
            }
            int fillers = 0;
            while (p < t.size() && fillers < slots.size() && !t.get(p).blank()
                    && prose.isPlaceholder(t.get(p).text())) {
                cells.add(t.get(p++));
                cols.add(slots.get(fillers++));
            }
            boolean ends = p >= t.size() || isStart(p) || isLevel2(p) || endsGrid(t.get(p)) || beginsRow(h, p);
            if (cells.isEmpty() || !ends) {
                return Optional.empty();
            }
            return Optional.of(new RowFit(cells, cols, p));
        }

        /** True if token {@code k} is an ellipsis, a template's filler for a row it leaves open. */
        private boolean isEllipsis(int k) {
            String text = t.get(k).text().strip();
            return text.startsWith("…") || text.startsWith("...");
        }

        /** True if token {@code k} is a number or a percentage (not a placeholder such as ……). */
        private boolean isFigure(int k) {
            return k < t.size() && numberOrPercent(measures.parse(t.get(k).text()));
        }

        /** Each role's first column in {@code h}. */
        private static Map<ColumnRole, Integer> firstColumns(HeaderModel h) {
            Map<ColumnRole, Integer> col = new HashMap<>();
            for (HeaderModel.Column c : h.columns()) {
                col.putIfAbsent(c.role(), c.col());
            }
            return col;
        }

        /** True if token {@code k} begins something else: a total row, a level name or a header. */
        private boolean isStart(int k) {
            Optional<Field> f = dictionary.lookup(t.get(k).text());
            return f.isPresent() && (f.get() == Field.TOTAL_SCORE || f.get().isLevel1Value()
                    || HeaderModel.isHeading(f.get()));
        }

        private int totalRow(int i) {
            List<Token> cells = new ArrayList<>(List.of(t.get(i)));
            int j = i + 1;
            while (j < t.size() && (t.get(j).blank() || measures.number(t.get(j).text()).isPresent())) {
                if (!t.get(j).blank()) {
                    cells.add(t.get(j));
                }
                j++;
            }
            emit(cells, range(cells.size()));
            return j;
        }

        private void emitRun(int from, int to) {
            List<Token> run = t.subList(from, to);
            emit(run, range(run.size()));
        }

        private void emit(List<Token> tokens, List<Integer> cols) {
            List<Cell> cells = new ArrayList<>();
            Map<Integer, SourceRef> refs = new HashMap<>();
            for (int k = 0; k < tokens.size(); k++) {
                if (refs.putIfAbsent(cols.get(k), tokens.get(k).ref()) == null) {
                    cells.add(Cell.of(cols.get(k), tokens.get(k).text()));
                }
            }
            out.add(new Line.Chunk(new Row(cells), refs));
        }

        private int nextNonBlank(int i) {
            while (i < t.size() && t.get(i).blank()) {
                i++;
            }
            return i;
        }

        private Cell cell(int k) {
            return Cell.of(0, k < t.size() ? t.get(k).text() : "");
        }

        private boolean isLevel2(int k) {
            return dictionary.lookup(t.get(k).text()).filter(Field::isLevel2Value).isPresent();
        }

        private boolean isNumber(int k) {
            return k >= 0 && k < t.size() && measures.number(t.get(k).text()).isPresent();
        }

        private static boolean numberOrPercent(Measure m) {
            return m.comparator().isEmpty() && m.value().isPresent() && (m.unit().isEmpty() || m.unit().equals("%"));
        }
    }

    private static int indexOf(List<ColumnRole> roles, Part part) {
        for (int k = 0; k < roles.size(); k++) {
            if (roles.get(k).part() == part) {
                return k;
            }
        }
        return -1;
    }

    private static Set<Field> withFundsBlock(Set<Field> figures) {
        Set<Field> headings = EnumSet.copyOf(figures);
        headings.add(Field.FUNDS_BLOCK);
        return headings;
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            r.add(k);
        }
        return r;
    }
}
