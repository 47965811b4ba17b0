package org.jixiao;

import com.fasterxml.jackson.databind.JsonNode;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.model.FundFigures;
import org.jixiao.model.Indicator;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Field recall and precision of a record against an answer, as the corpus's score.py counts
 * them: recall over the fields the answer has, precision over the fields the record fills in
 * (a value where the answer has none, or an indicator it does not have, is a wrong claim; a
 * blank is no claim). Indicators are paired by their names in order, so a row left out costs
 * its own fields and not those of every row after it.
 */
record FieldScore(int ok, int expected, int given) {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final BigDecimal TOLERANCE = new BigDecimal("0.006");
    private static final List<String> INDICATOR_FIELDS = List.of("level1", "level2", "level3", "target",
            "adjusted_target", "actual", "weight", "score_reported", "deviation_reason");

    static final FieldScore NONE = new FieldScore(0, 0, 0);

    FieldScore plus(FieldScore other) {
        return new FieldScore(ok + other.ok, expected + other.expected, given + other.given);
    }

    double recall() {
        return expected == 0 ? 1 : (double) ok / expected;
    }

    double precision() {
        return given == 0 ? 1 : (double) ok / given;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "recall %.1f%% (%d/%d), precision %.1f%% (%d/%d)",
                100 * recall(), ok, expected, 100 * precision(), ok, given);
    }

    /** The fields of a record: the head, the funds summary, the totals and every indicator's. */
    static Fields of(ProjectRecord r) {
        Map<String, String> head = new LinkedHashMap<>();
        put(head, "project_name", text(r.projectName()));
        put(head, "year", r.year().map(y -> String.valueOf(y.value())).orElse(""));
        put(head, "department", text(r.department()));
        put(head, "implementer", text(r.implementer()));
        FundFigures f = r.funds().summary();
        put(head, "initial_budget", number(f.initialBudget()));
        put(head, "full_year_budget", number(f.fullYearBudget()));
        put(head, "executed", number(f.executed()));
        put(head, "execution_rate_reported", number(f.executionRateReported()));
        put(head, "budget_weight", number(f.budgetWeight()));
        put(head, "budget_score_reported", number(f.budgetScoreReported()));
        put(head, "total_score_reported", number(r.totalScoreReported()));
        put(head, "grade_reported", text(r.gradeReported()));
        List<Map<String, String>> indicators = new ArrayList<>();
        for (Indicator i : r.indicators()) {
            Map<String, String> m = new LinkedHashMap<>();
            put(m, "level1", i.level1());
            put(m, "level2", i.level2());
            put(m, "level3", i.level3());
            put(m, "target", text(i.target()));
            put(m, "adjusted_target", text(i.adjustedTarget()));
            put(m, "actual", text(i.actual()));
            put(m, "weight", number(i.weight()));
            put(m, "score_reported", number(i.scoreReported()));
            put(m, "deviation_reason", text(i.deviationReason()));
            indicators.add(m);
        }
        return new Fields(head, indicators);
    }

    /** The fields of a hand-read answer ({@code expected.json} of the corpus). */
    static Fields of(JsonNode e) {
        Map<String, String> head = new LinkedHashMap<>();
        for (String f : List.of("project_name", "year", "department", "implementer", "total_score_reported",
                "grade_reported")) {
            put(head, f, json(e.get(f)));
        }
        JsonNode funds = e.path("funds");
        for (String f : List.of("initial_budget", "full_year_budget", "executed", "execution_rate_reported",
                "budget_weight", "budget_score_reported")) {
            put(head, f, json(funds.get(f)));
        }
        List<Map<String, String>> indicators = new ArrayList<>();
        for (JsonNode i : e.path("indicators")) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String f : INDICATOR_FIELDS) {
                put(m, f, json(i.get(f)));
            }
            indicators.add(m);
        }
        return new Fields(head, indicators);
    }

    /** A record's fields: the head and funds by name, the indicators in order. */
    record Fields(Map<String, String> head, List<Map<String, String>> indicators) {

        /** How {@code got} scores against these fields as the answer. */
        FieldScore scored(Fields got) {
            FieldScore s = compare(head, got.head);
            int[] pair = pairByName(indicators, got.indicators);
            boolean[] paired = new boolean[got.indicators.size()];
            for (int k = 0; k < indicators.size(); k++) {
                Map<String, String> g = pair[k] >= 0 ? got.indicators.get(pair[k]) : Map.of();
                if (pair[k] >= 0) {
                    paired[pair[k]] = true;
                }
                s = s.plus(compare(indicators.get(k), g));
            }
            for (int k = 0; k < paired.length; k++) {
                if (!paired[k]) {
                    s = s.plus(new FieldScore(0, 0, got.indicators.get(k).size()));
                }
            }
            return s;
        }
    }

    private static FieldScore compare(Map<String, String> want, Map<String, String> got) {
        int ok = 0;
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (same(e.getValue(), got.get(e.getKey()))) {
                ok++;
            }
        }
        return new FieldScore(ok, want.size(), got.size());
    }

    /**
     * For each answer indicator, the record indicator it pairs with (-1 for none): the longest
     * common run of names, in order, with the rows between two pairs paired in order.
     */
    private static int[] pairByName(List<Map<String, String>> want, List<Map<String, String>> got) {
        int n = want.size();
        int m = got.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(want.get(i).get("level3"), got.get(j).get("level3")) && want.get(i).get("level3") != null
                        ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] pair = new int[n];
        java.util.Arrays.fill(pair, -1);
        int i = 0;
        int j = 0;
        int gapI = 0;
        int gapJ = 0;
        while (i < n && j < m) {
            if (want.get(i).get("level3") != null && same(want.get(i).get("level3"), got.get(j).get("level3"))) {
                pairGap(pair, gapI, i, gapJ, j);
                pair[i] = j;
                i++;
                j++;
                gapI = i;
                gapJ = j;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        pairGap(pair, gapI, n, gapJ, m);
        return pair;
    }

    private static void pairGap(int[] pair, int fromI, int toI, int fromJ, int toJ) {
        for (int k = 0; k < Math.min(toI - fromI, toJ - fromJ); k++) {
            pair[fromI + k] = fromJ + k;
        }
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return new BigDecimal(a).subtract(new BigDecimal(b)).abs().compareTo(TOLERANCE) <= 0;
        } catch (NumberFormatException notNumbers) {
            return a.equals(b);
        }
    }

    /** Keeps a field that holds something, as the text the project normalizes to, without spaces. */
    private static void put(Map<String, String> m, String field, String value) {
        if (value == null) {
            return;
        }
        String v = NORMALIZER.apply(value).replaceAll("\\s", "");
        if (!v.isEmpty() && !v.equals("-")) {
            m.put(field, v);
        }
    }

    private static String text(Optional<Sourced<String>> v) {
        return v.map(Sourced::value).orElse(null);
    }

    private static String number(Optional<Sourced<BigDecimal>> v) {
        return v.map(s -> s.value().toPlainString()).orElse(null);
    }

    private static String json(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
