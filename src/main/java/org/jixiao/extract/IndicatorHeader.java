package org.jixiao.extract;

import org.jixiao.model.Cell;
import org.jixiao.normalize.Field;
import org.jixiao.normalize.HeadingDictionary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The header row of an indicator table: which canonical field each column holds.
 *
 * <p>Forms order their columns differently (Shanxi: 年度指标值, 调整后指标值, 实际完成值, 分值, 得分;
 * the Xinzhou annex: 权重, 目标值, 业绩值, 完成率, 指标得分), so the order read here drives how a
 * row's values are assigned.
 */
record IndicatorHeader(List<Column> columns) {

    /** One header cell: the field it names and the grid columns it spans. */
    record Column(Field field, int col, int colSpan) {
        boolean covers(int c) {
            return col <= c && c < col + colSpan;
        }
    }

    /** Fields an indicator table may name; other header cells are ignored. */
    static final Set<Field> KNOWN = EnumSet.of(Field.LEVEL1, Field.LEVEL2, Field.LEVEL3, Field.TARGET,
            Field.ADJUSTED_TARGET, Field.ACTUAL, Field.COMPLETION_RATE, Field.WEIGHT, Field.SCORE,
            Field.REVIEW_SCORE, Field.DEVIATION_REASON, Field.COMPARATOR, Field.UNIT, Field.CORE_INDICATOR);

    private static final Set<Field> LEVELS = EnumSet.of(Field.LEVEL1, Field.LEVEL2, Field.LEVEL3);

    IndicatorHeader {
        columns = List.copyOf(columns);
    }

    /**
     * Reads {@code cells} as an indicator header: it must name the indicator (三级指标 or 二级指标),
     * its weight and its score or target.
     */
    static Optional<IndicatorHeader> parse(List<Cell> cells, HeadingDictionary dictionary) {
        return parse(cells, cells.stream().map(c -> dictionary.lookup(c.text())).toList());
    }

    /** As {@link #parse(List, HeadingDictionary)}, with each cell's heading already looked up. */
    static Optional<IndicatorHeader> parse(List<Cell> cells, List<Optional<Field>> headings) {
        List<Column> columns = new ArrayList<>();
        Set<Field> seen = EnumSet.noneOf(Field.class);
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            Optional<Field> f = headings.get(i).filter(KNOWN::contains);
            if (f.isPresent() && seen.add(f.get())) {
                columns.add(new Column(f.get(), c.col(), c.colSpan()));
            }
        }
        boolean names = seen.contains(Field.LEVEL3) || seen.contains(Field.LEVEL2);
        boolean figures = seen.contains(Field.WEIGHT) && (seen.contains(Field.SCORE) || seen.contains(Field.TARGET));
        return names && figures ? Optional.of(new IndicatorHeader(columns)) : Optional.empty();
    }

    boolean has(Field field) {
        return columns.stream().anyMatch(c -> c.field() == field);
    }

    Optional<Column> covering(int col) {
        return columns.stream().filter(c -> c.covers(col)).findFirst();
    }

    /** The fields in column order: the header's shape, used to tell a repeated header from another table. */
    List<Field> signature() {
        return columns.stream().map(Column::field).toList();
    }

    /** The value fields (everything but the level columns) in column order. */
    List<Field> valueFields() {
        return columns.stream().map(Column::field).filter(f -> !LEVELS.contains(f)).toList();
    }
}
