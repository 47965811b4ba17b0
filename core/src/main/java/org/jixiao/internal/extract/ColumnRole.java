package org.jixiao.internal.extract;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one column of an indicator table holds: a part of the indicator and, where the header
 * splits or qualifies it, which piece of that part.
 *
 * <p>Examples: {@code 年度指标值 > 指标性质} is {@code target.comparator}; {@code 权重（%）} is
 * {@code weight.percent}; {@code 折算得分} is {@code score.converted}; {@code 复核分} is
 * {@code score.review}; {@code 改进措施} is {@code reason.measure}. Templates name roles in this
 * dotted form ({@link #id()}).
 *
 * @param part      the indicator's part
 * @param qualifier which piece of it; {@link Qualifier#WHOLE} where the column holds all of it
 */
record ColumnRole(Part part, Qualifier qualifier) {

    /** The parts of an indicator row a column can hold. */
    enum Part {
        LEVEL1, LEVEL2, LEVEL3, TASK, TARGET, ADJUSTED_TARGET, ACTUAL,
        /** 指标性质 as a column of its own: the comparator of every target in the row. */
        COMPARATOR,
        /** 计量单位 as a column of its own: the unit of every target and actual in the row. */
        UNIT,
        COMPLETION_RATE, WEIGHT, SCORE, SCORE_COEFFICIENT, CORE_INDICATOR, REASON, CRITERION,
        /** A header the dictionary does not know: kept aside, never shifts the known columns. */
        UNKNOWN
    }

    /** Which piece of a part a column holds. */
    enum Qualifier {
        WHOLE,
        /** target/actual split over several columns: the comparator, the number, the unit. */
        COMPARATOR, VALUE, UNIT,
        /** weight in points of 100 (权重（%）). */
        PERCENT,
        /** scores: 单项得分 (out of 100 before weighting), 折算得分 (weighted), 复核分 (the reviewer's). */
        ITEM, CONVERTED, REVIEW,
        /** reasons: 偏差原因 and 改进措施 as two columns. */
        DEVIATION, MEASURE
    }

    ColumnRole {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /**
     * One instance per pair, so the lookups of an extraction (every indicator row asks a map for a
     * dozen roles) meet the same object and {@link #equals} stops at the identity test.
     */
    private static final ColumnRole[][] INSTANCES = new ColumnRole[Part.values().length][Qualifier.values().length];

    static {
        for (Part p : Part.values()) {
            for (Qualifier q : Qualifier.values()) {
                INSTANCES[p.ordinal()][q.ordinal()] = new ColumnRole(p, q);
            }
        }
    }

    static ColumnRole of(Part part) {
        return of(part, Qualifier.WHOLE);
    }

    static ColumnRole of(Part part, Qualifier qualifier) {
        return INSTANCES[part.ordinal()][qualifier.ordinal()];
    }

    /**
     * As a record's equals, written out: the generated one goes through method handles, which cost
     * a sixth of the extraction's time in the maps keyed by role.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ColumnRole r && part == r.part && qualifier == r.qualifier;
    }

    /** The generated record hash, written out (31 × the part's hash + the qualifier's). */
    @Override
    public int hashCode() {
        return 31 * part.hashCode() + qualifier.hashCode();
    }

    /** {@code target.comparator}, {@code level3}: how templates name a role. */
    String id() {
        String p = part.name().toLowerCase(Locale.ROOT);
        return qualifier == Qualifier.WHOLE ? p : p + "." + qualifier.name().toLowerCase(Locale.ROOT);
    }

    /** The role a template names ({@code score.review}, {@code level3}); empty if the name is unknown. */
    static Optional<ColumnRole> parse(String id) {
        String[] parts = id.strip().toUpperCase(Locale.ROOT).split("\\.", 2);
        try {
            Part p = Part.valueOf(parts[0]);
            Qualifier q = parts.length == 2 ? Qualifier.valueOf(parts[1]) : Qualifier.WHOLE;
            return Optional.of(of(p, q));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean isLevel() {
        return part == Part.LEVEL1 || part == Part.LEVEL2 || part == Part.LEVEL3 || part == Part.TASK;
    }

    /** True for the columns whose cells are figures (分值, the scores, 得分系数). */
    boolean isFigure() {
        return part == Part.WEIGHT || part == Part.SCORE || part == Part.SCORE_COEFFICIENT;
    }
}
