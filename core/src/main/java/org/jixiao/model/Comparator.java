package org.jixiao.model;

/**
 * The relation a target states between the actual value and its number:
 * {@code ≥ 大于等于 不低于 …以上} are {@link #GE}, {@code ≤ 不超过 以内 …以下} are {@link #LE}, and so on.
 */
public enum Comparator {
    GE("≥"), GT(">"), EQ("="), LE("≤"), LT("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    /** The mathematical symbol written to {@code target_comparator}. */
    public String symbol() {
        return symbol;
    }

    /** True for the relations where less is better (cost and time limits). */
    public boolean isReverse() {
        return this == LE || this == LT;
    }
}
