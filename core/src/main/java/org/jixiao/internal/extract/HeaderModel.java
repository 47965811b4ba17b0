package org.jixiao.internal.extract;

import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.internal.extract.ColumnRole.Qualifier;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.model.Cell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The header of an indicator table: which role each grid column holds.
 *
 * <p>A header is one row, or two where cells of the first span several columns that the second
 * names ({@code 年度指标值} over {@code 指标性质 | 指标值 | 度量单位}; {@code 绩效指标} over
 * {@code 一级指标 | 二级指标 | 三级指标}). Columns are assigned by what their header says, never by
 * position: {@code 实际完成值} before {@code 年度指标值}, {@code 分值} before the target, a
 * {@code 复核分} beside the {@code 自评分} all read the same. A header cell the dictionary does not
 * know becomes an {@link Part#UNKNOWN} column, so it never shifts the known ones.
 *
 * @param columns    the columns in grid order, each with the grid range its header cell covers
 * @param headerRows how many rows the header takes (1 or 2)
 */
record HeaderModel(List<Column> columns, int headerRows) {

    /** One header column: its role, the grid columns it covers and its header text. */
    record Column(ColumnRole role, int col, int colSpan, String label) {
        boolean covers(int c) {
            return col <= c && c < col + colSpan;
        }
    }

    /** Headings whose cells may form the second row of a two-row header. */
    private static final Set<Field> SUB_HEADINGS = EnumSet.of(Field.LEVEL1, Field.LEVEL2, Field.LEVEL3,
            Field.TARGET, Field.ACTUAL, Field.ADJUSTED_TARGET, Field.COMPARATOR, Field.UNIT, Field.WEIGHT,
            Field.SCORE, Field.REVIEW_SCORE, Field.ITEM_SCORE, Field.CONVERTED_SCORE, Field.DEVIATION_REASON,
            Field.IMPROVEMENTS, Field.COMPLETION_RATE, Field.SCORE_COEFFICIENT, Field.CRITERION, Field.TASK,
            Field.CORE_INDICATOR);

    /** True if {@code field} can head a column of an indicator table. */
    static boolean isHeading(Field field) {
        return SUB_HEADINGS.contains(field);
    }

    HeaderModel {
        columns = List.copyOf(columns);
        if (headerRows < 1 || headerRows > 2) {
            throw new IllegalArgumentException("a header has 1 or 2 rows, got " + headerRows);
        }
    }

    /**
     * Reads {@code top} (and {@code next}, where it completes a two-row header) as an indicator
     * header. It must name the indicator (三级指标, or 二级指标 where the table has no third level)
     * and at least one of its figures or values (target, actual, weight, score).
     */
    static Optional<HeaderModel> parse(List<Cell> top, List<Cell> next, HeadingDictionary dictionary) {
        // Most rows are data: without one heading among its cells a row is no header, and the
        // two-row readings below (which look the next row up too) are not worth trying.
        boolean heading = false;
        for (Cell c : top) {
            Optional<Field> f = dictionary.lookup(c.text());
            if (f.isPresent() && (SUB_HEADINGS.contains(f.get()) || f.get() == Field.INDICATOR_GROUP)) {
                heading = true;
                break;
            }
        }
        if (!heading) {
            return Optional.empty();
        }
        if (!next.isEmpty() && isSubHeader(top, next, dictionary)) {
            Optional<HeaderModel> two = build(twoRowColumns(top, next, dictionary), 2);
            if (two.isPresent()) {
                return two;
            }
        }
        if (!next.isEmpty()) {
            Optional<List<Column>> expanded = expandedInOrder(top, next, dictionary);
            if (expanded.isPresent()) {
                Optional<HeaderModel> two = build(expanded.get(), 2);
                if (two.isPresent()) {
                    return two;
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Cell c : top) {
            columns.add(new Column(roleOf(c.text(), dictionary), c.col(), c.colSpan(), c.text()));
        }
        return build(columns, 1);
    }

    private static Optional<HeaderModel> build(List<Column> columns, int rows) {
        HeaderModel h = new HeaderModel(columns, rows);
        boolean names = h.has(Part.LEVEL3) || h.has(Part.LEVEL2);
        boolean values = h.has(Part.TARGET) || h.has(Part.ACTUAL) || h.has(Part.WEIGHT) || h.has(Part.SCORE);
        return names && values ? Optional.of(h) : Optional.empty();
    }

    /**
     * True if {@code next} is the second row of a header whose first row is {@code top}: every
     * filled cell of it is a heading, and it sits under a cell of {@code top} that spans columns.
     */
    static boolean isSubHeader(List<Cell> top, List<Cell> next, HeadingDictionary dictionary) {
        boolean under = false;
        int headings = 0;
        for (Cell s : next) {
            if (s.isBlank()) {
                continue;
            }
            Optional<Field> f = dictionary.lookup(s.text());
            if (f.isEmpty() || !SUB_HEADINGS.contains(f.get())) {
                return false;
            }
            headings++;
            for (Cell t : top) {
                if (t.colSpan() > 1 && t.col() <= s.col() && s.col() < t.col() + t.colSpan()) {
                    // The spanning cell must itself be a heading (年度指标值, 绩效指标), not text
                    // such as the goal texts that stand above a one-row header.
                    Optional<Field> parent = dictionary.lookup(t.text());
                    if (parent.isEmpty() || !(SUB_HEADINGS.contains(parent.get()) || parent.get() == Field.INDICATOR_GROUP)) {
                        return false;
                    }
                    under = true;
                }
            }
        }
        return under && headings >= 2;
    }

    /** The columns of a two-row header: the second row's cells qualify or name the first row's. */
    private static List<Column> twoRowColumns(List<Cell> top, List<Cell> next, HeadingDictionary dictionary) {
        List<Column> columns = new ArrayList<>();
        for (Cell s : next) {
            // A second-row heading under no first-row cell stands alone.
            boolean covered = top.stream().anyMatch(t -> t.col() <= s.col() && s.col() < t.col() + t.colSpan());
            if (!s.isBlank() && !covered) {
                columns.add(new Column(roleOf(s.text(), dictionary), s.col(), s.colSpan(), s.text()));
            }
        }
        for (Cell t : top) {
            List<Cell> under = new ArrayList<>();
            for (Cell s : next) {
                if (!s.isBlank() && t.col() <= s.col() && s.col() < t.col() + t.colSpan()) {
                    under.add(s);
                }
            }
            if (t.colSpan() == 1 || under.isEmpty()) {
                columns.add(new Column(roleOf(t.text(), dictionary), t.col(), t.colSpan(), t.text()));
                continue;
            }
            ColumnRole parent = roleOf(t.text(), dictionary);
            for (Cell s : under) {
                ColumnRole sub = roleOf(s.text(), dictionary);
                columns.add(new Column(combine(parent, sub), s.col(), s.colSpan(), t.text() + ">" + s.text()));
            }
        }
        columns.sort(java.util.Comparator.comparingInt(Column::col));
        return columns;
    }

    /**
     * A heading that {@link #expandedInOrder} can place under a spanning one: a level name under
     * 绩效指标, or a comparator, value or unit under a target or actual.
     */
    static boolean isSpanPiece(Field f) {
        return f == Field.LEVEL1 || f == Field.LEVEL2 || f == Field.LEVEL3 || f == Field.COMPARATOR || f == Field.UNIT
                || f == Field.TARGET || f == Field.ACTUAL;
    }

    /**
     * A two-row header whose spans were lost (a table copied from a web page as pipe rows): the
     * second row's headings are given, in order, to the first row's 绩效指标 (the level names) and
     * to its targets and actuals (指标性质, 指标值, 度量单位); the grid is then numbered afresh.
     * Empty unless every second-row heading finds its place and one first-row cell takes several.
     */
    private static Optional<List<Column>> expandedInOrder(List<Cell> top, List<Cell> next, HeadingDictionary dictionary) {
        List<Cell> subs = next.stream().filter(c -> !c.isBlank()).toList();
        if (subs.size() < 2 || top.stream().anyMatch(c -> c.colSpan() > 1)) {
            return Optional.empty();
        }
        List<Optional<Field>> subFields = subs.stream().map(c -> dictionary.lookup(c.text())).toList();
        if (subFields.stream().anyMatch(f -> f.isEmpty() || !SUB_HEADINGS.contains(f.get()))) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        int k = 0;
        boolean spans = false;
        for (Cell t : top) {
            if (t.isBlank()) {
                continue;
            }
            Optional<Field> pf = dictionary.lookup(t.text());
            int taken = 0;
            if (pf.filter(f -> f == Field.INDICATOR_GROUP).isPresent()) {
                while (k < subs.size() && subFields.get(k).filter(f -> f == Field.LEVEL1 || f == Field.LEVEL2
                        || f == Field.LEVEL3).isPresent()) {
                    columns.add(new Column(roleOf(subs.get(k).text(), dictionary), columns.size(), 1, subs.get(k).text()));
                    k++;
                    taken++;
                }
            } else if (pf.filter(f -> f == Field.TARGET || f == Field.ACTUAL || f == Field.ADJUSTED_TARGET).isPresent()) {
                ColumnRole parent = roleOf(t.text(), dictionary);
                while (k < subs.size()) {
                    Field f = subFields.get(k).get();
                    boolean piece = f == Field.COMPARATOR || f == Field.UNIT || f == Field.TARGET || f == Field.ACTUAL;
                    boolean newGroup = taken > 0 && (f == Field.COMPARATOR
                            || subFields.get(k - 1).filter(x -> x == Field.UNIT).isPresent());
                    if (!piece || newGroup) {
                        break;
                    }
                    ColumnRole sub = roleOf(subs.get(k).text(), dictionary);
                    columns.add(new Column(combine(parent, sub), columns.size(), 1, t.text() + ">" + subs.get(k).text()));
                    k++;
                    taken++;
                }
            }
            if (taken == 0) {
                columns.add(new Column(roleOf(t.text(), dictionary), columns.size(), 1, t.text()));
            }
            spans |= taken > 1;
        }
        return k == subs.size() && spans ? Optional.of(columns) : Optional.empty();
    }

    /** The role of a sub-heading under a spanning heading: {@code 年度指标值 > 度量单位} is {@code target.unit}. */
    private static ColumnRole combine(ColumnRole parent, ColumnRole sub) {
        Part p = parent.part();
        if (p == Part.TARGET || p == Part.ADJUSTED_TARGET || p == Part.ACTUAL) {
            if (sub.part() == Part.COMPARATOR) {
                return ColumnRole.of(p, Qualifier.COMPARATOR);
            }
            if (sub.part() == Part.UNIT) {
                return ColumnRole.of(p, Qualifier.UNIT);
            }
            if (sub.part() == Part.TARGET || sub.part() == Part.ACTUAL || sub.part() == Part.ADJUSTED_TARGET
                    || sub.part() == Part.UNKNOWN) {
                return ColumnRole.of(p, Qualifier.VALUE);
            }
        }
        return sub.part() == Part.UNKNOWN ? parent : sub;
    }

    /** The role a header cell's text names; {@link Part#UNKNOWN} when the dictionary does not know it. */
    static ColumnRole roleOf(String text, HeadingDictionary dictionary) {
        Optional<Field> f = dictionary.lookup(text);
        if (f.isEmpty()) {
            return ColumnRole.of(Part.UNKNOWN);
        }
        return switch (f.get()) {
            case LEVEL1 -> ColumnRole.of(Part.LEVEL1);
            case LEVEL2 -> ColumnRole.of(Part.LEVEL2);
            case LEVEL3 -> ColumnRole.of(Part.LEVEL3);
            case TASK -> ColumnRole.of(Part.TASK);
            case TARGET -> ColumnRole.of(Part.TARGET);
            case ADJUSTED_TARGET -> ColumnRole.of(Part.ADJUSTED_TARGET);
            case ACTUAL -> ColumnRole.of(Part.ACTUAL);
            case COMPARATOR -> ColumnRole.of(Part.COMPARATOR);
            case UNIT -> ColumnRole.of(Part.UNIT);
            case COMPLETION_RATE -> ColumnRole.of(Part.COMPLETION_RATE);
            case WEIGHT -> ColumnRole.of(Part.WEIGHT, text.contains("%") ? Qualifier.PERCENT : Qualifier.WHOLE);
            case SCORE -> ColumnRole.of(Part.SCORE);
            case ITEM_SCORE -> ColumnRole.of(Part.SCORE, Qualifier.ITEM);
            case CONVERTED_SCORE -> ColumnRole.of(Part.SCORE, Qualifier.CONVERTED);
            case REVIEW_SCORE -> ColumnRole.of(Part.SCORE, Qualifier.REVIEW);
            case SCORE_COEFFICIENT -> ColumnRole.of(Part.SCORE_COEFFICIENT);
            case CORE_INDICATOR -> ColumnRole.of(Part.CORE_INDICATOR);
            case DEVIATION_REASON -> ColumnRole.of(Part.REASON, Qualifier.DEVIATION);
            case IMPROVEMENTS -> ColumnRole.of(Part.REASON, Qualifier.MEASURE);
            case CRITERION -> ColumnRole.of(Part.CRITERION);
            default -> ColumnRole.of(Part.UNKNOWN);
        };
    }

    // Loops, not streams: asked several times for every row read.
    boolean has(Part part) {
        for (Column c : columns) {
            if (c.role().part() == part) {
                return true;
            }
        }
        return false;
    }

    boolean has(ColumnRole role) {
        for (Column c : columns) {
            if (c.role().equals(role)) {
                return true;
            }
        }
        return false;
    }

    /** The number of grid columns the header covers. */
    int width() {
        int width = 0;
        for (Column c : columns) {
            width = Math.max(width, c.col() + c.colSpan());
        }
        return width;
    }

    /** The column whose header covers grid column {@code col}. */
    Optional<Column> covering(int col) {
        for (Column c : columns) {
            if (c.covers(col)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The known roles in column order: the header's shape, used to tell a header repeated after a
     * page break (whose 绩效指标 cell may restart empty) from another table.
     */
    List<ColumnRole> signature() {
        return roles(true);
    }

    /** The roles of the value columns (everything but the levels) in column order. */
    List<ColumnRole> valueRoles() {
        return roles(false);
    }

    /** The known roles in column order, the levels' too or not (a loop: asked once per indicator row). */
    private List<ColumnRole> roles(boolean withLevels) {
        List<ColumnRole> roles = new ArrayList<>(columns.size());
        for (Column c : columns) {
            ColumnRole r = c.role();
            if (r.part() != Part.UNKNOWN && (withLevels || !r.isLevel())) {
                roles.add(r);
            }
        }
        return Collections.unmodifiableList(roles);
    }

    /** True where the header has no 分值 and no score column: a 绩效目标 table, not a scored form. */
    boolean hasScores() {
        return has(Part.WEIGHT) || has(Part.SCORE);
    }
}
