package org.jixiao.internal.extract;

import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.internal.extract.ColumnRole.Qualifier;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.Cell;
import org.jixiao.model.Measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one indicator row under a {@link HeaderModel}: which cell is which level, which is the
 * indicator's name and which value each column holds. One grammar serves grid tables and rows
 * rebuilt from text.
 *
 * <p>Where the row sits under its header (every cell in a header column, figures are numbers, the
 * level columns hold level names) the columns decide. Where it does not — text exports drop merged
 * and empty cells inconsistently, so rows drift one to three columns (DOMAIN.md §5.3) — the row is
 * re-anchored the way a careful reader does: level names are recognised by vocabulary from the
 * left, the next cell is the indicator's name, and the remaining cells are matched to the header's
 * value columns in order by their kind (figures are plain numbers; a target is preferred to an
 * actual, an actual to an adjusted target).
 */
final class RowGrammar {

    /** The cells of one row by role; levels are present only where the row writes them. */
    record Assigned(Optional<Cell> task, Optional<Cell> level1, Optional<Cell> level2, Optional<Cell> level3,
                    Map<ColumnRole, Cell> values) {
        Assigned {
            values = Map.copyOf(values);
        }

        Optional<Cell> value(ColumnRole role) {
            return Optional.ofNullable(values.get(role));
        }
    }

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;
    private final Prose prose;

    RowGrammar(HeadingDictionary dictionary, MeasureParser measures, Prose prose) {
        this.dictionary = dictionary;
        this.measures = measures;
        this.prose = prose;
    }

    /**
     * Reads {@code row}; empty if its cells fit no reading of {@code header} (a row the extractor
     * reports as unreadable).
     */
    Optional<Assigned> read(HeaderModel header, List<Cell> row) {
        List<Cell> cells = filled(header, row);
        if (cells.isEmpty()) {
            return Optional.of(new Assigned(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of()));
        }
        Optional<Assigned> positional = byColumns(header, cells);
        if (positional.isEmpty()) {
            return reanchored(header, cells);
        }
        if (header.has(Part.WEIGHT) && lostItsEmptyCells(row)) {
            // A page's text row that lost its empty cells (指标1:工程质量合格 10 10 under 年度指标值 |
            // 实际完成值 | 分值 | 得分) sits left of its columns: its figures are the weight and score
            // every row states, not a target and an actual, if they read so. Likewise a row that
            // lost its empty 调整后指标值 (most forms adjust nothing): its actual stands there, and its
            // weight and score under 实际完成值 and 分值, the 得分 column empty.
            ColumnRole score = ColumnRole.of(Part.SCORE);
            ColumnRole adjusted = ColumnRole.of(Part.ADJUSTED_TARGET);
            boolean noWeight = positional.get().value(weightRole(header)).isEmpty();
            boolean actualUnderAdjusted = header.has(score) && positional.get().value(score).isEmpty()
                    && positional.get().value(adjusted).isPresent();
            if (noWeight || actualUnderAdjusted) {
                Optional<Assigned> shifted = reanchored(header, cells);
                if (shifted.isPresent() && (noWeight
                        || shifted.get().value(score).isPresent() && shifted.get().value(adjusted).isEmpty())) {
                    return shifted;
                }
            }
        }
        return positional;
    }

    /**
     * True if {@code row} holds no empty cell: a page's text row cut at its spaces, which drops
     * every empty cell without a trace and numbers the rest left to right, so its cells' columns
     * are not the header's. Grids and tab-separated text keep their empty cells.
     */
    static boolean lostItsEmptyCells(List<Cell> row) {
        return row.stream().noneMatch(Cell::isBlank);
    }

    /**
     * Reads {@code row} by its columns alone, without re-anchoring; empty if it does not sit under
     * {@code header}. A text export whose rows keep every grid cell is checked with this.
     */
    Optional<Assigned> positional(HeaderModel header, List<Cell> row) {
        List<Cell> cells = filled(header, row);
        return cells.isEmpty() ? Optional.empty() : byColumns(header, cells);
    }

    /**
     * Of a row's two 指标性质-like cells ({@code 指标性质 | 指标方向}: {@code 正向 | 大于等于}), the one
     * that is a comparator; empty when both or neither are, which leaves the row to another reading.
     */
    private Optional<Cell> oneComparator(Cell a, Cell b) {
        boolean first = measures.comparator(a.text()).isPresent();
        boolean second = measures.comparator(b.text()).isPresent();
        return first == second ? Optional.empty() : Optional.of(first ? a : b);
    }

    /** The row's filled cells, without the 绩效指标 label merged over the block. */
    private List<Cell> filled(HeaderModel header, List<Cell> row) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : row) {
            if (!c.isBlank() && !(isGroupLabel(c) && (!underLevelTwo(header, c) || sharesColumn(header, c, row)))) {
                cells.add(c);
            }
        }
        return cells;
    }

    private Optional<Assigned> byColumns(HeaderModel header, List<Cell> cells) {
        Map<ColumnRole, Cell> byRole = new HashMap<>();
        for (Cell c : cells) {
            Optional<HeaderModel.Column> column = header.covering(c.col());
            if (column.isEmpty()) {
                return Optional.empty();
            }
            ColumnRole role = column.get().role();
            if (role.part() == Part.UNKNOWN) {
                continue;
            }
            Cell earlier = byRole.putIfAbsent(role, c);
            if (earlier != null) {
                Optional<Cell> comparator = role.part() == Part.COMPARATOR ? oneComparator(earlier, c) : Optional.empty();
                if (comparator.isEmpty()) {
                    return Optional.empty();
                }
                byRole.put(role, comparator.get());
            }
        }
        Optional<Cell> task = Optional.ofNullable(byRole.remove(ColumnRole.of(Part.TASK)));
        Optional<Cell> level1 = Optional.ofNullable(byRole.remove(ColumnRole.of(Part.LEVEL1)));
        Optional<Cell> level2 = Optional.ofNullable(byRole.remove(ColumnRole.of(Part.LEVEL2)));
        Optional<Cell> level3 = Optional.ofNullable(byRole.remove(ColumnRole.of(Part.LEVEL3)));
        if (level3.isEmpty() && !header.has(Part.LEVEL3) && level2.isPresent()) {
            // Tables without a 三级指标 column name the indicator in the 二级指标 column.
            level3 = level2;
            level2 = Optional.empty();
        }
        for (Map.Entry<ColumnRole, Cell> e : byRole.entrySet()) {
            if (e.getKey().isFigure() && !isNumber(e.getValue()) && !prose.isPlaceholder(e.getValue().text())) {
                return Optional.empty();
            }
        }
        if (level1.isPresent() && !isLevel1Label(level1.get())) {
            return Optional.empty();
        }
        // A level-1 name in the level-2 column followed by a level-2 name: the row drifted right.
        if (level2.isPresent() && level1.isEmpty() && header.has(Part.LEVEL1) && isLevel1(level2.get())
                && level3.filter(this::isLevel2).isPresent()) {
            return Optional.empty();
        }
        // A level-1 name in the name column is a row drifted right, unless the row writes its levels
        // (满意度指标 | 服务对象满意度指标 | 服务对象满意度 names the indicator after its block).
        boolean drifted = level3.isPresent() && isLevel1(level3.get()) && level1.isEmpty() && level2.isEmpty()
                && byRole.values().stream().anyMatch(this::isLevel2);
        // A level name in the name column of a header that has no level columns: the row writes
        // its levels though the header lost their headings (质量指标 | 指标1:工程完工率 | 100% | 100%).
        drifted |= level3.isPresent() && levelsLost(header) && (isLevel1(level3.get()) || isLevel2(level3.get()))
                && !byRole.isEmpty();
        if (level3.isPresent() && (drifted || looksLikeValue(level3.get()))) {
            return Optional.empty();
        }
        return Optional.of(new Assigned(task, level1, level2, level3, byRole));
    }

    private Optional<Assigned> reanchored(HeaderModel header, List<Cell> cells) {
        int i = 0;
        Optional<Cell> task = Optional.empty();
        Optional<Cell> level1 = Optional.empty();
        Optional<Cell> level2 = Optional.empty();
        boolean lost = levelsLost(header);
        if (header.has(Part.TASK) && header.has(Part.LEVEL1) && cells.size() > 3 && !isLevel1Label(cells.get(0))
                && isLevel1Label(cells.get(1))) {
            // A department form's 年度主要任务 opens the row, its level-1 name after it
            // (保障机关正常运转 | 产出指标 | 质量指标 | …), where the row lost its empty cells.
            task = Optional.of(cells.get(i++));
        }
        // Never when the cell after it is a value, or a unit or comparator of one: then this cell is
        // the indicator's name, which a level-1 name can also be (服务对象满意度 | ≥89% | 89% | 5 | 5,
        // 服务对象满意度 | % | ≥ | 87 | …).
        boolean nameBeforeValue = cells.size() - i > 1 && (looksLikeValue(cells.get(i + 1))
                || measures.isUnit(cells.get(i + 1).text()) || measures.comparator(cells.get(i + 1).text()).isPresent());
        if (!nameBeforeValue && (header.has(Part.LEVEL1) && isLevel1Label(cells.get(i)) || lost && isLevel1(cells.get(i)) && cells.size() - i > 2)) {
            level1 = Optional.of(cells.get(i++));
        }
        if (lost && i < cells.size() && isLevel2(cells.get(i)) && cells.size() - i > 2) {
            level2 = Optional.of(cells.get(i++));
        }
        // After a level-1 name comes its level-2 name; without one, only a known level-2 name is taken
        // (or, in a table without a 一级指标 column, a level-1 name such as 预算执行指标 written there).
        // At least three cells must remain after it: the indicator's name, 分值 and 得分.
        // Never when the cell after it is a value: then this cell is the indicator's name
        // (指标1:服务对象满意度 | 90% | 100% | 10 | 10).
        if (i < cells.size() && header.has(Part.LEVEL2) && cells.size() - i - 1 >= 3
                && (isLevel2(cells.get(i)) || level1.isPresent()
                    || !header.has(Part.LEVEL1) && isLevel1(cells.get(i)))
                && !looksLikeValue(cells.get(i + 1))) {
            level2 = Optional.of(cells.get(i++));
        }
        if (i >= cells.size()) {
            return Optional.empty();
        }
        Cell level3 = cells.get(i++);
        List<Cell> rest = cells.subList(i, cells.size());
        Optional<Map<ColumnRole, Cell>> values = align(header.valueRoles(), rest);
        ColumnRole weight = weightRole(header);
        if (values.isEmpty() || header.has(Part.WEIGHT) && !isNumber(values.get().get(weight))
                && !isUnscoredPart(level3, values.get())) {
            return Optional.empty();
        }
        return Optional.of(new Assigned(task, level1, level2, Optional.of(level3), values.get()));
    }

    /**
     * A 其中 row (其中桃树种植面积 | 1.5亩 | 1.5亩) details the indicator above it: it states its
     * own target and actual but no weight or score.
     */
    private boolean isUnscoredPart(Cell level3, Map<ColumnRole, Cell> values) {
        return prose.isSubRow(level3.text())
                && values.keySet().stream().noneMatch(r -> r.part() == Part.WEIGHT || r.part() == Part.SCORE);
    }

    /** A header naming the indicator (三级指标) but neither level above it. */
    private static boolean levelsLost(HeaderModel header) {
        return header.has(Part.LEVEL3) && !header.has(Part.LEVEL1) && !header.has(Part.LEVEL2);
    }

    /** The header's first 分值 column's role, or the plain weight role when it has none. */
    private static ColumnRole weightRole(HeaderModel header) {
        for (HeaderModel.Column c : header.columns()) {
            if (c.role().part() == Part.WEIGHT) {
                return c.role();
            }
        }
        return ColumnRole.of(Part.WEIGHT);
    }

    /**
     * Order-preserving assignment of {@code cells} to {@code roles} that best fits each cell's
     * kind (dynamic programming over the two sequences; every cell must be placed).
     */
    Optional<Map<ColumnRole, Cell>> align(List<ColumnRole> roles, List<Cell> cells) {
        int n = cells.size();
        int m = roles.size();
        if (n > m) {
            return Optional.empty();
        }
        // What each cell is, asked once per cell rather than once per cell and column.
        boolean[] numeric = new boolean[n];
        boolean[] comparator = new boolean[n];
        boolean[] unit = new boolean[n];
        boolean[] yesNo = new boolean[n];
        for (int i = 0; i < n; i++) {
            Cell c = cells.get(i);
            numeric[i] = isNumber(c);
            comparator[i] = measures.comparator(c.text()).isPresent() || isNatureWord(c.text());
            unit[i] = measures.isUnit(c.text());
            yesNo[i] = isYesOrNo(c.text());
        }
        double[][] best = new double[n + 1][m + 1];
        boolean[][] took = new boolean[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            best[i][0] = Double.NEGATIVE_INFINITY;
        }
        for (int j = 1; j <= m; j++) {
            best[0][j] = best[0][j - 1] + skipCost(roles.get(j - 1));
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double skip = best[i][j - 1] + skipCost(roles.get(j - 1));
                double take = best[i - 1][j - 1]
                        + fit(cells.get(i - 1), numeric[i - 1], comparator[i - 1], unit[i - 1], yesNo[i - 1],
                        roles.get(j - 1));
                took[i][j] = take >= skip;
                best[i][j] = Math.max(skip, take);
            }
        }
        if (best[n][m] == Double.NEGATIVE_INFINITY) {
            return Optional.empty();
        }
        Map<ColumnRole, Cell> out = new HashMap<>();
        for (int i = n, j = m; i > 0; j--) {
            if (took[i][j]) {
                ColumnRole role = roles.get(j - 1);
                Cell cell = cells.get(i - 1);
                Cell later = out.get(role);
                // A role held by two columns (指标性质 | 指标方向) keeps the comparator of the two,
                // else the left column's cell.
                out.put(role, later == null || role.part() != Part.COMPARATOR ? cell
                        : oneComparator(cell, later).orElse(cell));
                i--;
            }
        }
        return Optional.of(out);
    }

    private static double fit(Cell cell, boolean number, boolean comparator, boolean unit, boolean yesNo,
                              ColumnRole role) {
        if (role.part() == Part.COMPARATOR || role.qualifier() == Qualifier.COMPARATOR) {
            // 指标性质 holds ≥, 大于等于, or 定性/正向: nothing else is placed there.
            return comparator ? 4 : -2;
        }
        if (role.part() == Part.UNIT || role.qualifier() == Qualifier.UNIT) {
            return unit ? 4 : -2;
        }
        return switch (role.part()) {
            case WEIGHT, SCORE, SCORE_COEFFICIENT -> number ? 10 : Double.NEGATIVE_INFINITY;
            case TARGET -> 3;
            case ACTUAL -> 2;
            case ADJUSTED_TARGET -> 1;
            case COMPLETION_RATE -> cell.text().endsWith("%") ? 2 : -5;
            case REASON, CRITERION -> number ? -50 : yesNo ? -1 : 1;
            // 是否核心指标 holds 是 or 否 (or a tick), and a 是 is no reason.
            case CORE_INDICATOR -> yesNo ? 4 : -2;
            default -> 0.5;
        };
    }

    /** 是 or 否, a tick or a cross: what a 是否核心指标 column holds. */
    private boolean isYesOrNo(String text) {
        return dictionary.lookup(text).filter(f -> f == Field.YES || f == Field.NO).isPresent() || prose.isYesMark(text);
    }

    private static double skipCost(ColumnRole role) {
        return role.part() == Part.WEIGHT || role.equals(ColumnRole.of(Part.SCORE)) ? -20 : 0;
    }

    /** 定性 or 定量, or a direction (正向, 反向): what a 指标性质 column holds besides comparators. */
    boolean isNatureWord(String text) {
        return dictionary.lookup(text).filter(f -> f == Field.NATURE_QUALITATIVE || f == Field.NATURE_QUANTITATIVE)
                .isPresent() || prose.glued().natures().contains(text.strip());
    }

    boolean isNumber(Cell cell) {
        return cell != null && measures.number(cell.text()).isPresent();
    }

    boolean isLevel1(Cell cell) {
        return dictionary.lookup(cell.text()).filter(Field::isLevel1Value).isPresent();
    }

    /**
     * A level-1 name, or a level-1 cell that prints its weight: a name the vocabulary lacks or OCR
     * garbled ({@code 顼目产出(30分)}), or only the weight where the name was lost ({@code (50分)}).
     */
    boolean isLevel1Label(Cell cell) {
        if (isLevel1(cell)) {
            return true;
        }
        return LevelLabel.of(cell.text(), prose).weight().isPresent();
    }

    boolean isLevel2(Cell cell) {
        return dictionary.lookup(cell.text()).filter(Field::isLevel2Value).isPresent();
    }

    /**
     * An indicator's name is words; a cell that reads as a figure with a comparator or unit
     * ({@code ≥350个}, {@code 100%}) is a value that drifted into the name column.
     */
    private boolean looksLikeValue(Cell cell) {
        Measure m = measures.parse(cell.text());
        return m.value().isPresent() && m.label().isEmpty()
                && (m.comparator().isPresent() || m.kind() == Measure.Kind.PERCENT
                    || m.kind() == Measure.Kind.NUMBER || m.kind() == Measure.Kind.QUANTITY);
    }

    /**
     * True if {@code cell} stands under the 二级指标 column, where 绩效目标 is a level's name (the
     * rubric's 项目决策 > 绩效目标); anywhere else it is the merged label over the indicator block.
     */
    private static boolean underLevelTwo(HeaderModel header, Cell cell) {
        return header.covering(cell.col()).filter(c -> c.role().part() == Part.LEVEL2).isPresent();
    }

    /** True if another filled cell of {@code row} stands under the same header column as {@code cell}. */
    private static boolean sharesColumn(HeaderModel header, Cell cell, List<Cell> row) {
        Optional<HeaderModel.Column> column = header.covering(cell.col());
        return column.isPresent() && row.stream().anyMatch(o -> o != cell && !o.isBlank()
                && column.get().covers(o.col()));
    }

    /** 绩效目标 / 绩效指标: the merged label over the whole indicator block, not an indicator level. */
    private boolean isGroupLabel(Cell cell) {
        return dictionary.is(cell.text(), Field.INDICATOR_GROUP);
    }
}
