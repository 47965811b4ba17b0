package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.Cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The header of a funds block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分, 复核分) and the money
 * unit its label states, if any (项目资金(元), or 单位：元 above the table); without one, amounts are
 * in 万元 as the national form has it.
 *
 * <p>The header is one row, or two where a cell spans the columns the second row names
 * ({@code 预算数} over {@code 年初预算数 | 全年预算数}). Inside a funds block 分值 and 得分 are the budget
 * weight and budget score, so they are read as {@link Field#BUDGET_WEIGHT} and
 * {@link Field#BUDGET_SCORE} here.
 *
 * @param columns    the figure columns in grid order
 * @param unit       the money unit the block states
 * @param headerRows 1 or 2
 * @param labelCol   the column of the heading over the lines' labels ({@code 年度预算数（万元）}): the
 *                   last funds-block heading before the first figure, or -1 when there is none
 */
record FundsHeader(List<Column> columns, Optional<String> unit, int headerRows, int labelCol) {

    /** One figure column of the block. */
    record Column(Field field, int col, int colSpan) {
        boolean covers(int c) {
            return col <= c && c < col + colSpan;
        }
    }

    private static final Set<Field> AMOUNTS = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET, Field.EXECUTED);
    private static final Set<Field> FIGURES = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET, Field.EXECUTED,
            Field.EXECUTION_RATE, Field.BUDGET_WEIGHT, Field.BUDGET_SCORE, Field.REVIEW_SCORE);

    FundsHeader {
        columns = List.copyOf(columns);
    }

    static Optional<FundsHeader> parse(List<Cell> cells, List<Cell> next, HeadingDictionary dictionary, Prose prose) {
        // Every row is asked, and most are data: a funds header names at least two amounts, and
        // a row that names none cannot (cells of the next row count only under an amount heading
        // of this one), so it is turned away before any list is built.
        if (!namesAnAmount(cells, dictionary)) {
            return Optional.empty();
        }
        List<Cell> merged = new ArrayList<>();
        boolean two = false;
        for (Cell c : cells) {
            List<Cell> under = new ArrayList<>();
            // Only an amount heading spans the amounts under it (预算数 over 年初预算数 | 全年预算数).
            if (c.colSpan() > 1 && amount(c, dictionary).isPresent()) {
                for (Cell s : next) {
                    if (c.col() <= s.col() && s.col() < c.col() + c.colSpan()
                            && amount(s, dictionary).isPresent()) {
                        under.add(s);
                    }
                }
            }
            if (under.isEmpty()) {
                merged.add(c);
            } else {
                merged.addAll(under);
                two = true;
            }
        }
        if (!two) {
            Optional<List<Cell>> spanLost = spanLost(cells, next, dictionary);
            if (spanLost.isPresent()) {
                merged = spanLost.get();
                two = true;
            }
        }
        List<Column> columns = new ArrayList<>();
        Optional<String> unit = Optional.empty();
        int amounts = 0;
        int labelCol = -1;
        for (Cell c : merged) {
            Optional<Field> f = dictionary.lookup(c.text());
            if (f.isEmpty()) {
                continue;
            }
            Field field = asFundsField(f.get());
            if (field == Field.FUNDS_BLOCK) {
                // The block's own label (预算执行情况（10分）) may stand before the label column's
                // heading (年度预算数（万元）); the unit is whichever states one.
                Optional<String> stated = prose.fundsUnit(c.text());
                if (stated.isPresent()) {
                    unit = stated;
                }
                if (columns.isEmpty()) {
                    labelCol = c.col();
                }
            } else if (FIGURES.contains(field)) {
                columns.add(new Column(field, c.col(), c.colSpan()));
                if (AMOUNTS.contains(field)) {
                    amounts++;
                }
            }
        }
        return amounts >= 2 ? Optional.of(new FundsHeader(columns, unit, two ? 2 : 1, labelCol)) : Optional.empty();
    }

    /**
     * A two-row header whose spans a page's text lost ({@code 分值 | 预算数 | 全年执行数 | …} over
     * {@code 年初预算数 | 全年预算数}, each row's cells numbered from its first): where the next row
     * holds amount headings only and one amount heading of this row names the same amount as one of
     * them (预算数 is the full-year budget), that heading spans them. The cells come back in one
     * numbering: the sub-headings in its place, the cells after it moved right.
     */
    private static Optional<List<Cell>> spanLost(List<Cell> cells, List<Cell> next, HeadingDictionary dictionary) {
        if (next.size() < 2) {
            return Optional.empty();
        }
        List<Field> under = new ArrayList<>();
        for (Cell s : next) {
            Optional<Field> f = amount(s, dictionary);
            if (f.isEmpty() || under.contains(f.get())) {
                return Optional.empty();
            }
            under.add(f.get());
        }
        int parent = -1;
        for (int i = 0; i < cells.size(); i++) {
            Optional<Field> f = amount(cells.get(i), dictionary);
            if (f.isPresent() && under.contains(f.get())) {
                if (parent >= 0) {
                    return Optional.empty();
                }
                parent = i;
            }
        }
        if (parent < 0) {
            return Optional.empty();
        }
        List<Cell> merged = new ArrayList<>(cells.size() + next.size() - 1);
        int shift = next.size() - 1;
        int at = cells.get(parent).col();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (i < parent) {
                merged.add(c);
            } else if (i == parent) {
                for (int k = 0; k < next.size(); k++) {
                    merged.add(Cell.of(at + k, next.get(k).text()));
                }
            } else {
                merged.add(Cell.of(c.col() + shift, c.text()));
            }
        }
        return Optional.of(merged);
    }

    private static boolean namesAnAmount(List<Cell> cells, HeadingDictionary dictionary) {
        for (Cell c : cells) {
            if (amount(c, dictionary).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The amount a heading cell names (年初预算数, 预算数, 全年执行数), or empty. */
    private static Optional<Field> amount(Cell c, HeadingDictionary dictionary) {
        return dictionary.lookup(c.text()).map(FundsHeader::asFundsField).filter(AMOUNTS::contains);
    }

    private static Field asFundsField(Field f) {
        return switch (f) {
            case WEIGHT -> Field.BUDGET_WEIGHT;
            case SCORE, CONVERTED_SCORE -> Field.BUDGET_SCORE;
            default -> f;
        };
    }

    /** This header with {@code stated} as its unit where its own label states none. */
    FundsHeader withUnitIfNone(Optional<String> stated) {
        return unit.isPresent() || stated.isEmpty() ? this : new FundsHeader(columns, stated, headerRows, labelCol);
    }

    /**
     * A funds block of another shape than the national one: amounts in another unit, a two-row
     * header, or 分值 before the amounts.
     */
    boolean isVariant() {
        int firstAmount = columns.stream().filter(c -> AMOUNTS.contains(c.field())).mapToInt(Column::col).min().orElse(0);
        boolean weightFirst = columns.stream().anyMatch(c -> c.field() == Field.BUDGET_WEIGHT && c.col() < firstAmount);
        boolean otherUnit = unit.flatMap(u -> MeasureParser.toWanYuan(BigDecimal.ONE, u))
                .filter(one -> one.compareTo(BigDecimal.ONE) != 0).isPresent();
        return otherUnit || headerRows == 2 || weightFirst;
    }

    static boolean isAmount(Field field) {
        return AMOUNTS.contains(field);
    }
}
