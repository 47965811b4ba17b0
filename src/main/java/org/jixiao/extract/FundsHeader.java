package org.jixiao.extract;

import org.jixiao.model.Cell;
import org.jixiao.normalize.Field;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The header row of a funds block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分) and the money unit
 * its label states, if any (项目资金(元)); without one, amounts are in 万元 as the national form has it.
 *
 * <p>Inside a funds block 分值 and 得分 are the budget weight and budget score, so they are read as
 * {@link Field#BUDGET_WEIGHT} and {@link Field#BUDGET_SCORE} here.
 */
record FundsHeader(List<IndicatorHeader.Column> columns, Optional<String> unit) {

    private static final Set<Field> AMOUNTS = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET, Field.EXECUTED);

    FundsHeader {
        columns = List.copyOf(columns);
    }

    static Optional<FundsHeader> parse(List<Cell> cells, List<Optional<Field>> headings, Prose prose) {
        List<IndicatorHeader.Column> columns = new ArrayList<>();
        Optional<String> unit = Optional.empty();
        int amounts = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            Optional<Field> f = headings.get(i);
            if (f.isEmpty()) {
                continue;
            }
            Field field = switch (f.get()) {
                case WEIGHT -> Field.BUDGET_WEIGHT;
                case SCORE -> Field.BUDGET_SCORE;
                default -> f.get();
            };
            if (field == Field.FUNDS_BLOCK) {
                unit = prose.fundsUnit(c.text());
            } else if (AMOUNTS.contains(field) || field == Field.EXECUTION_RATE
                    || field == Field.BUDGET_WEIGHT || field == Field.BUDGET_SCORE) {
                columns.add(new IndicatorHeader.Column(field, c.col(), c.colSpan()));
                if (AMOUNTS.contains(field)) {
                    amounts++;
                }
            }
        }
        return amounts >= 2 ? Optional.of(new FundsHeader(columns, unit)) : Optional.empty();
    }

    static boolean isAmount(Field field) {
        return AMOUNTS.contains(field);
    }
}
