package org.jixiao.model;

import java.util.List;
import java.util.Objects;

/**
 * The funds block of a form.
 *
 * @param summary the project's figures: the 年度资金总额 line, or for transposed report tables the
 *                column that holds the amounts; the budget weight and score may come from a
 *                budget-execution row of the indicator table where the funds table has none
 * @param lines   every line of the funds block in form order; empty where the form has no such lines
 */
public record Funds(FundFigures summary, List<FundLine> lines) {
    public Funds {
        Objects.requireNonNull(summary, "summary");
        lines = List.copyOf(lines);
    }

    public static Funds none() {
        return new Funds(FundFigures.none(), List.of());
    }
}
