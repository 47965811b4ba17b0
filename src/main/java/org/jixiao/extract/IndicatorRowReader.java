package org.jixiao.extract;

import org.jixiao.model.Cell;
import org.jixiao.normalize.Field;
import org.jixiao.normalize.HeadingDictionary;
import org.jixiao.normalize.MeasureParser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns the cells of one indicator row to the header's fields.
 *
 * <p>Where the row sits under its header (every cell in a header column, the level cells hold
 * level names, 分值 and 得分 are numbers) the columns decide. Where it does not — text exports drop
 * merged and empty cells inconsistently, so rows drift one to three columns (DOMAIN.md §5.3) — the
 * row is re-anchored the way a careful reader does: level names are recognised by vocabulary from
 * the left, the next cell is the indicator's name, and the remaining cells are matched to the
 * header's value columns in order by their kind (分值 and 得分 are plain numbers; a target is
 * preferred to an actual, an actual to an adjusted target).
 */
final class IndicatorRowReader {

    /** The cells of one row by field; levels are present only where the row writes them. */
    record Assigned(Optional<Cell> level1, Optional<Cell> level2, Cell level3, Map<Field, Cell> values) {
    }

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;

    IndicatorRowReader(HeadingDictionary dictionary, MeasureParser measures) {
        this.dictionary = dictionary;
        this.measures = measures;
    }

    /** Reads {@code row}; empty if the row carries no indicator (no name or no numeric weight/score). */
    Optional<Assigned> read(IndicatorHeader header, List<Cell> row) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : row) {
            if (!c.isBlank() && !isGroupLabel(c)) {
                cells.add(c);
            }
        }
        if (cells.size() < 2) {
            return Optional.empty();
        }
        Optional<Assigned> positional = byColumns(header, cells);
        return positional.isPresent() ? positional : reanchored(header, cells);
    }

    private Optional<Assigned> byColumns(IndicatorHeader header, List<Cell> cells) {
        Map<Field, Cell> byField = new EnumMap<>(Field.class);
        for (Cell c : cells) {
            Optional<IndicatorHeader.Column> column = header.covering(c.col());
            if (column.isEmpty() || byField.putIfAbsent(column.get().field(), c) != null) {
                return Optional.empty();
            }
        }
        Cell level3 = byField.remove(Field.LEVEL3);
        Optional<Cell> level1 = Optional.ofNullable(byField.remove(Field.LEVEL1));
        Optional<Cell> level2 = Optional.ofNullable(byField.remove(Field.LEVEL2));
        if (level3 == null && !header.has(Field.LEVEL3) && level2.isPresent()) {
            // Tables without a 三级指标 column name the indicator in the 二级指标 column.
            level3 = level2.get();
            level2 = Optional.empty();
        }
        if (level3 == null || !isNumber(byField.get(Field.WEIGHT)) || !isNumber(byField.get(Field.SCORE))) {
            return Optional.empty();
        }
        if (level1.isPresent() && !isLevel1(level1.get())) {
            return Optional.empty();
        }
        if (level2.isPresent() && header.has(Field.LEVEL1) && isLevel1(level2.get())) {
            return Optional.empty();
        }
        if (isLevel1(level3)) {
            return Optional.empty();
        }
        return Optional.of(new Assigned(level1, level2, level3, byField));
    }

    private Optional<Assigned> reanchored(IndicatorHeader header, List<Cell> cells) {
        int i = 0;
        Optional<Cell> level1 = Optional.empty();
        Optional<Cell> level2 = Optional.empty();
        if (header.has(Field.LEVEL1) && isLevel1(cells.get(i))) {
            level1 = Optional.of(cells.get(i++));
        }
        // After a level-1 name comes its level-2 name; without one, only a known level-2 name is taken
        // (or, in a table without a 一级指标 column, a level-1 name such as 预算执行指标 written there).
        // At least three cells must remain after it: the indicator's name, 分值 and 得分.
        if (i < cells.size() && header.has(Field.LEVEL2) && cells.size() - i - 1 >= 3
                && (isLevel2(cells.get(i)) || level1.isPresent()
                    || !header.has(Field.LEVEL1) && isLevel1(cells.get(i)))) {
            level2 = Optional.of(cells.get(i++));
        }
        if (i >= cells.size()) {
            return Optional.empty();
        }
        Cell level3 = cells.get(i++);
        List<Cell> rest = cells.subList(i, cells.size());
        Optional<Map<Field, Cell>> values = align(header.valueFields(), rest);
        if (values.isEmpty() || !isNumber(values.get().get(Field.WEIGHT))) {
            return Optional.empty();
        }
        return Optional.of(new Assigned(level1, level2, level3, values.get()));
    }

    /**
     * Order-preserving assignment of {@code cells} to {@code fields} that best fits each cell's
     * kind (dynamic programming over the two sequences; every cell must be placed).
     */
    Optional<Map<Field, Cell>> align(List<Field> fields, List<Cell> cells) {
        int n = cells.size();
        int m = fields.size();
        if (n > m) {
            return Optional.empty();
        }
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            numeric[i] = isNumber(cells.get(i));
        }
        double[][] best = new double[n + 1][m + 1];
        boolean[][] took = new boolean[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            best[i][0] = Double.NEGATIVE_INFINITY;
        }
        for (int j = 1; j <= m; j++) {
            best[0][j] = best[0][j - 1] + skipCost(fields.get(j - 1));
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double skip = best[i][j - 1] + skipCost(fields.get(j - 1));
                double take = best[i - 1][j - 1] + fit(cells.get(i - 1), numeric[i - 1], fields.get(j - 1));
                took[i][j] = take >= skip;
                best[i][j] = Math.max(skip, take);
            }
        }
        if (best[n][m] == Double.NEGATIVE_INFINITY) {
            return Optional.empty();
        }
        Map<Field, Cell> out = new EnumMap<>(Field.class);
        for (int i = n, j = m; i > 0; j--) {
            if (took[i][j]) {
                out.put(fields.get(j - 1), cells.get(i - 1));
                i--;
            }
        }
        return Optional.of(out);
    }

    private static double fit(Cell cell, boolean number, Field field) {
        return switch (field) {
            case WEIGHT, SCORE, REVIEW_SCORE -> number ? 10 : -100;
            case TARGET -> 3;
            case ACTUAL -> 2;
            case ADJUSTED_TARGET -> 1;
            case COMPLETION_RATE -> cell.text().endsWith("%") ? 2 : -5;
            case DEVIATION_REASON -> number ? -50 : 1;
            default -> 0.5;
        };
    }

    private static double skipCost(Field field) {
        return field == Field.WEIGHT || field == Field.SCORE ? -20 : 0;
    }

    boolean isNumber(Cell cell) {
        return cell != null && measures.number(cell.text()).isPresent();
    }

    boolean isLevel1(Cell cell) {
        return dictionary.lookup(cell.text()).filter(Field::isLevel1Value).isPresent();
    }

    private boolean isLevel2(Cell cell) {
        return dictionary.lookup(cell.text()).filter(Field::isLevel2Value).isPresent();
    }

    /** 绩效目标 / 绩效指标: the merged label over the whole indicator block, not an indicator level. */
    private boolean isGroupLabel(Cell cell) {
        return dictionary.is(cell.text(), Field.INDICATOR_GROUP);
    }
}
