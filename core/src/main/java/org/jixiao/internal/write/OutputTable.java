package org.jixiao.internal.write;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The six tables of the output contract (DESIGN.md), each with its file name, its fixed columns
 * and the columns that hold numbers (amounts, rates, weights, scores, counts, indexes), which the
 * workbook writes as numeric cells.
 */
public enum OutputTable {
    PROJECTS(Columns.PROJECTS, Set.of("form_index", "year", "initial_budget", "full_year_budget", "executed",
            "execution_rate_reported", "execution_rate_computed", "budget_weight", "budget_score_reported",
            "budget_score_computed", "indicator_count", "weight_sum", "total_score_reported",
            "total_score_computed", "finding_count", "budget_review_score", "total_review_score")),
    INDICATORS(Columns.INDICATORS, Set.of("indicator_index", "weight", "score_reported", "score_computed",
            "target_value", "actual_value", "completion_rate", "parent_index", "level1_weight", "item_score_reported",
            "review_score", "score_coefficient")),
    FUNDS(Columns.FUNDS, Set.of("initial_budget", "full_year_budget", "executed", "execution_rate_reported",
            "budget_weight", "budget_score_reported")),
    GOALS(Columns.GOALS, Set.of()),
    FINDINGS(Columns.FINDINGS, Set.of()),
    ERRORS(Columns.ERRORS, Set.of("form_index"));

    private final List<String> columns;
    private final boolean[] numeric;

    OutputTable(List<String> columns, Set<String> numericColumns) {
        this.columns = columns;
        this.numeric = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            numeric[i] = numericColumns.contains(columns.get(i));
        }
    }

    /** The lower-case name: {@code projects}; also the workbook's sheet name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code projects.csv}. */
    public String fileName() {
        return label() + ".csv";
    }

    public List<String> columns() {
        return columns;
    }

    /** Whether column {@code index} holds a number (written as a numeric cell in the workbook). */
    public boolean isNumeric(int index) {
        return index < numeric.length && numeric[index];
    }

    /** The table whose {@link #label()} is {@code label}, e.g. {@code "funds"} gives {@link #FUNDS}. */
    public static OutputTable ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
