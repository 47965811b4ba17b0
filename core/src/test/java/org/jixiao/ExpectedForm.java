package org.jixiao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundLine;
import org.jixiao.model.Indicator;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Sourced;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A corpus folder's hand-read answer ({@code expected.json}) and the field-by-field comparison of a
 * {@link ProjectRecord} with it. Text is compared after {@link TextNormalizer}, as the corpus README
 * says the answer holds "after normalization"; numbers are compared by value.
 */
final class ExpectedForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final String folder;
    private final JsonNode root;

    private ExpectedForm(String folder, JsonNode root) {
        this.folder = folder;
        this.root = root;
    }

    static ExpectedForm of(String folder) {
        String path = "/corpus/" + folder + "/expected.json";
        try (InputStream in = ExpectedForm.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return new ExpectedForm(folder, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    String projectName() {
        return text(root.get("project_name"));
    }

    int indicatorCount() {
        return root.get("indicators").size();
    }

    /** Every difference between {@code r} and the answer, one line each; empty when they agree. */
    List<String> differences(ProjectRecord r) {
        List<String> d = new ArrayList<>();
        compareText(d, "project_name", root.get("project_name"), r.projectName());
        compareText(d, "department", root.get("department"), r.department());
        compareText(d, "implementer", root.get("implementer"), r.implementer());
        JsonNode year = root.get("year");
        Optional<Integer> actualYear = r.year().map(Sourced::value);
        if (year.isNull() ? actualYear.isPresent() : !actualYear.equals(Optional.of(year.asInt()))) {
            d.add("year: expected " + year + ", got " + actualYear);
        }
        JsonNode funds = root.get("funds");
        compareFigures(d, "funds", funds, r.funds().summary());
        JsonNode lines = root.get("fund_lines");
        if (lines != null && !lines.isNull()) {
            if (lines.size() != r.funds().lines().size()) {
                d.add("fund_lines: expected %d lines, got %d".formatted(lines.size(), r.funds().lines().size()));
            } else {
                for (int i = 0; i < lines.size(); i++) {
                    FundLine line = r.funds().lines().get(i);
                    String where = "fund_lines[" + i + "]";
                    if (!NORMALIZER.apply(lines.get(i).get("line").asText()).equals(line.label())) {
                        d.add(where + ".line: expected " + lines.get(i).get("line") + ", got " + line.label());
                    }
                    compareFigures(d, where, lines.get(i), line.figures());
                }
            }
        }
        JsonNode indicators = root.get("indicators");
        if (indicators.size() != r.indicators().size()) {
            d.add("indicators: expected %d rows, got %d".formatted(indicators.size(), r.indicators().size()));
        }
        for (int i = 0; i < Math.min(indicators.size(), r.indicators().size()); i++) {
            compareIndicator(d, "indicators[" + (i + 1) + "]", indicators.get(i), r.indicators().get(i));
        }
        compareNumber(d, "total_score_reported", root.get("total_score_reported"), r.totalScoreReported());
        compareText(d, "grade_reported", root.get("grade_reported"), r.gradeReported());
        return d;
    }

    private static void compareIndicator(List<String> d, String where, JsonNode e, Indicator i) {
        compareText(d, where + ".level1", e.get("level1"), Optional.of(i.level1()).filter(s -> !s.isEmpty()));
        compareText(d, where + ".level2", e.get("level2"), Optional.of(i.level2()).filter(s -> !s.isEmpty()));
        compareText(d, where + ".level3", e.get("level3"), Optional.of(i.level3()));
        compareSourcedText(d, where + ".target", e.get("target"), i.target());
        compareSourcedText(d, where + ".adjusted_target", e.get("adjusted_target"), i.adjustedTarget());
        compareSourcedText(d, where + ".actual", e.get("actual"), i.actual());
        compareNumber(d, where + ".weight", e.get("weight"), i.weight());
        compareNumber(d, where + ".score_reported", e.get("score_reported"), i.scoreReported());
        compareSourcedText(d, where + ".deviation_reason", e.get("deviation_reason"), i.deviationReason());
        JsonNode completion = e.get("completion_rate_reported");
        if (completion != null) {
            compareSourcedText(d, where + ".completion_rate_reported", completion, i.completionRateReported());
        }
    }

    private static void compareFigures(List<String> d, String where, JsonNode e, FundFigures f) {
        compareNumber(d, where + ".initial_budget", e.get("initial_budget"), f.initialBudget());
        compareNumber(d, where + ".full_year_budget", e.get("full_year_budget"), f.fullYearBudget());
        compareNumber(d, where + ".executed", e.get("executed"), f.executed());
        compareNumber(d, where + ".execution_rate_reported", e.get("execution_rate_reported"), f.executionRateReported());
        compareNumber(d, where + ".budget_weight", e.get("budget_weight"), f.budgetWeight());
        compareNumber(d, where + ".budget_score_reported", e.get("budget_score_reported"), f.budgetScoreReported());
    }

    /** A JSON number compares by value; a placeholder string such as "--" or null means absent. */
    private static void compareNumber(List<String> d, String field, JsonNode e, Optional<Sourced<BigDecimal>> actual) {
        Optional<BigDecimal> got = actual.map(Sourced::value);
        if (e == null || e.isNull() || e.isTextual()) {
            if (got.isPresent()) {
                d.add(field + ": expected none (" + e + "), got " + got.get().toPlainString());
            }
            return;
        }
        BigDecimal want = e.decimalValue();
        if (got.isEmpty() || got.get().compareTo(want) != 0) {
            d.add(field + ": expected " + want.toPlainString() + ", got " + got.map(BigDecimal::toPlainString).orElse("none"));
        }
    }

    private static void compareSourcedText(List<String> d, String field, JsonNode e, Optional<Sourced<String>> actual) {
        compareText(d, field, e, actual.map(Sourced::value));
    }

    private static void compareText(List<String> d, String field, JsonNode e, Optional<?> actual) {
        Optional<String> got = actual.map(a -> a instanceof Sourced<?> s ? s.value().toString() : a.toString());
        Optional<String> want = e == null || e.isNull() ? Optional.empty() : Optional.of(NORMALIZER.apply(text(e)));
        if (!want.equals(got)) {
            d.add(field + ": expected " + want.orElse("none") + ", got " + got.orElse("none"));
        }
    }

    private static String text(JsonNode n) {
        return n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
    }

    @Override
    public String toString() {
        return folder;
    }
}
