package org.jixiao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundLine;
import org.jixiao.model.Indicator;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.RegionalGoal;
import org.jixiao.model.Sourced;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fields the corpus scorer does not check, for every template family of the zoo and the real
 * forms of other provinces, in every office format: the family the form was read as, the funds
 * lines, and each family's own fields (level-1 label weights, 单项得分, 年度主要任务, 评分标准,
 * 复核分, 得分系数, 核心指标, 改进措施, 其中 parents, the central department and regional goals),
 * against each folder's {@code expected*.json}.
 */
class TemplateFamiliesTest {

    private static final Jixiao JIXIAO = Jixiao.withDefaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final BigDecimal TOLERANCE = new BigDecimal("0.006");

    private static final List<String> FAMILIES = List.of("national-2020", "level1-weight", "split-target", "no-score",
            "sub-rows", "hebei-weight", "department-overall", "transfer-payment", "funds-variants", "columns-swapped",
            "placeholder-rows", "traditional", "rubric-four-part", "hubei-review", "chongqing-department",
            "two-forms-split-pages");
    private static final List<String> REAL = List.of("n-shandong-2019-licheng-culture-center",
            "s-sichuan-2020-daying-consumer-city", "s-yunnan-2020-lijiang-satellite-enforcement");
    private static final List<String> FORMATS = List.of("form.docx", "form.doc", "form.html", "form.lo-export.html",
            "form.xlsx", "form.txt");

    static Stream<Arguments> files() {
        List<Arguments> cases = new ArrayList<>();
        for (String family : FAMILIES) {
            for (int n = 1; n <= 3; n++) {
                for (String format : FORMATS) {
                    cases.add(Arguments.of("zoo/" + family + "-" + n, format));
                }
            }
        }
        for (String folder : REAL) {
            for (String format : FORMATS) {
                cases.add(Arguments.of(folder, format));
            }
        }
        // Its table is drawn without ruling lines: columns and rows come from the text's alignment.
        cases.add(Arguments.of("n-shandong-2019-licheng-culture-center", "form.pdf"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void readsEveryFamilyField(String folder, String file) throws IOException {
        FileResult result = JIXIAO.process(CorpusTest.source("/corpus/" + folder + "/" + file));
        assertTrue(result.failure().isEmpty(), () -> "failed: " + result.failure());
        List<JsonNode> answers = answers(folder);
        assertEquals(answers.size(), result.records().size(), "forms in " + file);
        List<String> d = new ArrayList<>();
        for (int k = 0; k < answers.size(); k++) {
            compare(answers.get(k), result.records().get(k), "form " + (k + 1) + ": ", d);
        }
        if (!d.isEmpty()) {
            fail(d.size() + " difference(s) in " + folder + "/" + file + ":\n  " + String.join("\n  ", d));
        }
    }

    private static void compare(JsonNode e, AssessedRecord assessed, String at, List<String> d) {
        ProjectRecord r = assessed.record();
        if (e.has("template") && !e.get("template").asText().equals("traditional")) {
            check(d, at + "template", e.get("template").asText(), r.layout().template());
        }
        check(d, at + "central_department", text(e.get("central_department")), text(r.centralDepartment()));
        number(d, at + "total_score_reported", e.get("total_score_reported"), r.totalScoreReported());
        check(d, at + "grade_reported", text(e.get("grade_reported")), text(r.gradeReported()));
        number(d, at + "budget_review_score", e.get("budget_review_score"), r.budgetReviewScore());
        number(d, at + "total_review_score", e.get("total_review_score"), r.totalReviewScore());
        fundLines(e, r, at, d);
        regionalGoals(e, r, at, d);
        JsonNode weights = e.get("level1_weight_reported");
        List<Indicator> got = r.indicators();
        JsonNode inds = e.get("indicators");
        for (int i = 0; i < inds.size() && i < got.size(); i++) {
            JsonNode ei = inds.get(i);
            Indicator gi = got.get(i);
            String p = at + "ind" + (i + 1) + ".";
            if (ei.has("parent_index")) {
                check(d, p + "parent_index", ei.get("parent_index").isNull() ? "" : ei.get("parent_index").asText(),
                        gi.parentIndex().map(String::valueOf).orElse(""));
            }
            detail(d, p + "task", ei, "task", gi.details().task());
            detail(d, p + "criterion", ei, "criterion", gi.details().criterion());
            detail(d, p + "improvement_measure", ei, "improvement_measure", gi.details().improvementMeasure());
            if (ei.has("item_score_reported")) {
                number(d, p + "item_score_reported", ei.get("item_score_reported"), gi.details().itemScoreReported());
            }
            if (ei.has("review_score")) {
                number(d, p + "review_score", ei.get("review_score"), gi.details().reviewScore());
            }
            if (ei.has("score_coefficient")) {
                number(d, p + "score_coefficient", ei.get("score_coefficient"), gi.details().scoreCoefficient());
            }
            if (ei.has("core_indicator")) {
                check(d, p + "core_indicator", ei.get("core_indicator").asText(),
                        gi.details().coreIndicator().map(c -> c.value().toString()).orElse(""));
            }
            if (weights != null && weights.has(gi.level1())) {
                number(d, p + "level1_weight", weights.get(gi.level1()), gi.details().level1Weight());
            }
        }
    }

    private static void fundLines(JsonNode e, ProjectRecord r, String at, List<String> d) {
        JsonNode lines = e.get("fund_lines");
        if (lines == null || lines.isNull()) {
            return;
        }
        BigDecimal scale = "元".equals(text(e.get("funds_unit"))) ? BigDecimal.valueOf(10_000) : BigDecimal.ONE;
        List<FundLine> got = r.funds().lines();
        check(d, at + "fund_lines", String.valueOf(lines.size()), String.valueOf(got.size()));
        for (int k = 0; k < lines.size() && k < got.size(); k++) {
            JsonNode el = lines.get(k);
            FundLine gl = got.get(k);
            String p = at + "fund_line" + (k + 1) + ".";
            check(d, p + "line", text(el.get("line")), NORMALIZER.apply(gl.label()));
            FundFigures f = gl.figures();
            Map<String, Function<FundFigures, Optional<Sourced<BigDecimal>>>> amounts = Map.of(
                    "initial_budget", FundFigures::initialBudget, "full_year_budget", FundFigures::fullYearBudget,
                    "executed", FundFigures::executed);
            for (Map.Entry<String, Function<FundFigures, Optional<Sourced<BigDecimal>>>> a : amounts.entrySet()) {
                JsonNode v = el.get(a.getKey());
                JsonNode scaled = v != null && v.isNumber()
                        ? JSON.getNodeFactory().numberNode(v.decimalValue().divide(scale)) : v;
                number(d, p + a.getKey(), scaled, a.getValue().apply(f));
            }
            number(d, p + "execution_rate_reported", el.get("execution_rate_reported"), f.executionRateReported());
            number(d, p + "budget_weight", el.get("budget_weight"), f.budgetWeight());
            number(d, p + "budget_score_reported", el.get("budget_score_reported"), f.budgetScoreReported());
        }
    }

    private static void regionalGoals(JsonNode e, ProjectRecord r, String at, List<String> d) {
        JsonNode goals = e.get("regional_goals");
        List<RegionalGoal> got = r.goals().regional();
        if (goals == null) {
            check(d, at + "regional_goals", "0", String.valueOf(got.size()));
            return;
        }
        check(d, at + "regional_goals", String.valueOf(goals.size()), String.valueOf(got.size()));
        for (int k = 0; k < goals.size() && k < got.size(); k++) {
            JsonNode g = goals.get(k);
            check(d, at + "goal" + (k + 1) + ".area", text(g.get("region")), NORMALIZER.apply(got.get(k).area().value()));
            check(d, at + "goal" + (k + 1) + ".target", text(g.get("target")), text(got.get(k).expected()));
            check(d, at + "goal" + (k + 1) + ".actual", text(g.get("actual")), text(got.get(k).achieved()));
        }
    }

    private static void detail(List<String> d, String field, JsonNode ei, String key, Optional<Sourced<String>> got) {
        // Only the families that have the column carry the key; the real forms' answers do not.
        if (ei.has(key)) {
            check(d, field, text(ei.get(key)), text(got));
        }
    }

    /** A number, or (for a placeholder such as — or an absent figure) nothing. */
    private static void number(List<String> d, String field, JsonNode e, Optional<Sourced<BigDecimal>> got) {
        Optional<BigDecimal> want = e == null || !e.isNumber() ? Optional.empty() : Optional.of(e.decimalValue());
        boolean same = want.isEmpty() ? got.isEmpty()
                : got.isPresent() && want.get().subtract(got.get().value()).abs().compareTo(TOLERANCE) <= 0;
        if (!same) {
            d.add(field + ": expected " + want.map(BigDecimal::toPlainString).orElse("nothing") + ", got "
                    + got.map(g -> g.value().toPlainString()).orElse("nothing"));
        }
    }

    private static void check(List<String> d, String field, String expected, String got) {
        if (!compact(expected).equals(compact(got))) {
            d.add(field + ": expected '" + expected + "', got '" + got + "'");
        }
    }

    /** Text as the corpus compares it: normalized, without white space. */
    private static String compact(String s) {
        return NORMALIZER.apply(s).replaceAll("\\s+", "");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : NORMALIZER.apply(n.asText());
    }

    private static String text(Optional<Sourced<String>> v) {
        return v.map(s -> NORMALIZER.apply(s.value())).orElse("");
    }

    private static List<JsonNode> answers(String folder) throws IOException {
        List<JsonNode> answers = new ArrayList<>();
        for (String name : List.of("expected.json", "expected-2.json")) {
            try (InputStream in = TemplateFamiliesTest.class.getResourceAsStream("/corpus/" + folder + "/" + name)) {
                if (in != null) {
                    answers.add(JSON.readTree(in));
                } else if (answers.isEmpty()) {
                    throw new IllegalStateException("missing fixture /corpus/" + folder + "/" + name);
                }
            }
        }
        return answers;
    }
}
