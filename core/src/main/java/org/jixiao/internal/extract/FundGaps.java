package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Places the values of a funds line that has fewer values than its header has headings: a page's
 * text drops an empty cell without a trace ({@code 年度资金总额: 880 880 880 10 10} under
 * {@code 年初预算数 全年预算数 全年执行数 分值 执行率 得分}, the rate left empty), so which heading went
 * without a value cannot be told from positions.
 *
 * <p>Every way of giving the values to the headings in order is tried, and a way is kept when its
 * figures are possible: a weight above 0 and at most 100, a score at most 100 and at most the
 * weight, amounts not negative, and a rate that agrees with executed ÷ budget when both are there
 * (within one point, as a percentage or a ratio). A heading gets its value only where every kept
 * way gives it the same one; a heading the kept ways disagree on stays empty, since a wrong figure
 * is worse than none.
 */
final class FundGaps {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ONE_POINT = BigDecimal.ONE;
    private static final BigDecimal RATIO_LIMIT = new BigDecimal("1.5");

    private FundGaps() {
    }

    /**
     * What the possible readings agree on.
     *
     * @param valueOf   for each heading every possible reading fills with the same figure, the index
     *                  of that value
     * @param ambiguous true if the possible readings put a figure under different headings
     */
    record Reading(Map<Field, Integer> valueOf, boolean ambiguous) {
        Reading {
            valueOf = Map.copyOf(valueOf);
        }
    }

    /**
     * @param headings the header's figure headings in order
     * @param figures  the line's values in order, each its figure or empty (a placeholder such as
     *                 {@code -}, which takes a heading but says nothing)
     * @return what every possible reading agrees on, or empty when no reading is possible (or
     *         there are at least as many values as headings)
     */
    static Optional<Reading> read(List<Field> headings, List<Optional<BigDecimal>> figures) {
        int n = headings.size();
        int m = figures.size();
        if (m == 0 || m >= n) {
            return Optional.empty();
        }
        List<int[]> possible = new ArrayList<>();
        choose(new int[m], 0, 0, n, headings, figures, possible);
        if (possible.isEmpty()) {
            return Optional.empty();
        }
        if (headings.contains(Field.REVIEW_SCORE)) {
            // The reviewer's score (复核分) is often left blank, the form's own (自评分) never: where
            // some readings give the value to the form's score, the readings giving it to the
            // reviewer's instead are not kept.
            List<int[]> selfScored = possible.stream().filter(at -> fills(at, Field.BUDGET_SCORE, headings, figures)).toList();
            if (!selfScored.isEmpty()) {
                possible = selfScored;
            }
        }
        Map<Field, Integer> agreed = new EnumMap<>(Field.class);
        boolean ambiguous = false;
        for (int h = 0; h < n; h++) {
            Integer first = valueAt(possible.get(0), h, figures);
            boolean same = true;
            for (int[] at : possible) {
                if (!Objects.equals(first, valueAt(at, h, figures))) {
                    same = false;
                    break;
                }
            }
            if (!same) {
                ambiguous = true;
            } else if (first != null) {
                agreed.put(headings.get(h), first);
            }
        }
        return Optional.of(new Reading(agreed, ambiguous));
    }

    /** True if reading {@code at} puts a figure under {@code field}. */
    private static boolean fills(int[] at, Field field, List<Field> headings, List<Optional<BigDecimal>> figures) {
        for (int k = 0; k < at.length; k++) {
            if (headings.get(at[k]) == field && figures.get(k).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The index of the figure reading {@code at} puts under heading {@code h}, or null for none. */
    private static Integer valueAt(int[] at, int h, List<Optional<BigDecimal>> figures) {
        for (int k = 0; k < at.length; k++) {
            if (at[k] == h) {
                return figures.get(k).isPresent() ? k : null;
            }
        }
        return null;
    }

    /** Every strictly increasing choice of headings for the values from {@code k} on, kept when possible. */
    private static void choose(int[] at, int k, int from, int n, List<Field> headings,
                               List<Optional<BigDecimal>> figures, List<int[]> possible) {
        if (k == at.length) {
            if (isPossible(at, headings, figures)) {
                possible.add(at.clone());
            }
            return;
        }
        for (int h = from; h <= n - (at.length - k); h++) {
            at[k] = h;
            choose(at, k + 1, h + 1, n, headings, figures, possible);
        }
    }

    private static boolean isPossible(int[] at, List<Field> headings, List<Optional<BigDecimal>> figures) {
        Map<Field, BigDecimal> f = new EnumMap<>(Field.class);
        for (int k = 0; k < at.length; k++) {
            if (figures.get(k).isPresent()) {
                f.put(headings.get(at[k]), figures.get(k).get());
            }
        }
        for (Map.Entry<Field, BigDecimal> e : f.entrySet()) {
            BigDecimal x = e.getValue();
            boolean ok = switch (e.getKey()) {
                case BUDGET_WEIGHT -> x.signum() > 0 && x.compareTo(HUNDRED) <= 0;
                case BUDGET_SCORE, REVIEW_SCORE -> x.signum() >= 0 && x.compareTo(HUNDRED) <= 0
                        && (!f.containsKey(Field.BUDGET_WEIGHT) || x.compareTo(f.get(Field.BUDGET_WEIGHT)) <= 0);
                case EXECUTION_RATE -> x.signum() >= 0 && agreesWithAmounts(x, f);
                default -> x.signum() >= 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean agreesWithAmounts(BigDecimal rate, Map<Field, BigDecimal> f) {
        BigDecimal executed = f.get(Field.EXECUTED);
        BigDecimal budget = f.containsKey(Field.FULL_YEAR_BUDGET) ? f.get(Field.FULL_YEAR_BUDGET) : f.get(Field.INITIAL_BUDGET);
        if (executed == null || budget == null || budget.signum() <= 0) {
            return true;
        }
        BigDecimal percent = executed.multiply(HUNDRED).divide(budget, MathContext.DECIMAL64);
        if (rate.subtract(percent).abs().compareTo(ONE_POINT) <= 0) {
            return true;
        }
        return rate.compareTo(RATIO_LIMIT) <= 0 && rate.multiply(HUNDRED).subtract(percent).abs().compareTo(ONE_POINT) <= 0;
    }
}
