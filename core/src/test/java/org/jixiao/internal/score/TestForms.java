package org.jixiao.internal.score;

import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.model.Assessment;
import org.jixiao.model.Comparator;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundKind;
import org.jixiao.model.FundLine;
import org.jixiao.model.Severity;
import org.jixiao.model.Funds;
import org.jixiao.model.Goals;
import org.jixiao.model.Indicator;
import org.jixiao.model.Measure;
import org.jixiao.model.NarrativeFigure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Sourced;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hand-built measures and forms for scorer tests, independent of the MeasureParser: every measure
 * states its kind, comparator, number and unit outright.
 */
final class TestForms {

    static final HeadingDictionary DICTIONARY = HeadingDictionary.load(new TextNormalizer());

    private TestForms() {
    }

    // ---- measures ----

    static Measure pct(String value) {
        return measure(value + "%", Measure.Kind.PERCENT, null, value, "%");
    }

    static Measure pct(Comparator c, String value) {
        return measure(c.symbol() + value + "%", Measure.Kind.PERCENT, c, value, "%");
    }

    static Measure qty(String value, String unit) {
        return measure(value + unit, Measure.Kind.QUANTITY, null, value, unit);
    }

    static Measure qty(Comparator c, String value, String unit) {
        return measure(c.symbol() + value + unit, Measure.Kind.QUANTITY, c, value, unit);
    }

    /** A quantity whose raw text is given as written ({@code 大于等于350个}). */
    static Measure qty(String raw, Comparator c, String value, String unit) {
        return measure(raw, Measure.Kind.QUANTITY, c, value, unit);
    }

    static Measure num(String value) {
        return measure(value, Measure.Kind.NUMBER, null, value, "");
    }

    static Measure word(String raw, int tier) {
        return new Measure(raw, Measure.Kind.QUALITATIVE, Optional.empty(), Optional.empty(), "", "",
                Optional.of(tier), Optional.empty());
    }

    /** A word the parser could not place in a tier (only equality with the target can rate it). */
    static Measure wordWithoutTier(String raw) {
        return new Measure(raw, Measure.Kind.QUALITATIVE, Optional.empty(), Optional.empty(), "", "",
                Optional.empty(), Optional.empty());
    }

    static Measure date(String raw, int year, int month, int day) {
        return new Measure(raw, Measure.Kind.DATE, Optional.empty(), Optional.empty(), "", "", Optional.empty(),
                Optional.of(LocalDate.of(year, month, day)));
    }

    static Measure relative(String raw) {
        return Measure.of(raw, Measure.Kind.RELATIVE);
    }

    static Measure formula(String raw) {
        return Measure.of(raw, Measure.Kind.FORMULA);
    }

    static Measure text(String raw) {
        return Measure.of(raw, Measure.Kind.TEXT);
    }

    static Measure none() {
        return Measure.empty();
    }

    private static Measure measure(String raw, Measure.Kind kind, Comparator c, String value, String unit) {
        return new Measure(raw, kind, Optional.ofNullable(c), Optional.of(new BigDecimal(value)), unit, "",
                Optional.empty(), Optional.empty());
    }

    // ---- values ----

    static Optional<Sourced<BigDecimal>> n(String value, int row, int col) {
        return value == null ? Optional.empty()
                : Optional.of(new Sourced<>(new BigDecimal(value), SourceRef.InTable.of(1, row, col)));
    }

    static Optional<Sourced<String>> s(String value, int row, int col) {
        return value == null ? Optional.empty()
                : Optional.of(new Sourced<>(value, SourceRef.InTable.of(1, row, col)));
    }

    static FundFigures figures(String initial, String full, String executed, String rate, String weight,
                               String score, int row) {
        return new FundFigures(n(initial, row, 3), n(full, row, 4), n(executed, row, 5), n(rate, row, 7),
                n(weight, row, 6), n(score, row, 8));
    }

    // ---- indicators ----

    static IndicatorBuilder indicator(String level1, String level2, String level3) {
        return new IndicatorBuilder(level1, level2, level3);
    }

    static final class IndicatorBuilder {
        private final String level1;
        private final String level2;
        private final String level3;
        private Measure target = Measure.empty();
        private Measure adjusted = Measure.empty();
        private Measure actual = Measure.empty();
        private String weight;
        private String score;
        private String completion;

        private IndicatorBuilder(String level1, String level2, String level3) {
            this.level1 = level1;
            this.level2 = level2;
            this.level3 = level3;
        }

        IndicatorBuilder target(Measure m) {
            this.target = m;
            return this;
        }

        IndicatorBuilder adjusted(Measure m) {
            this.adjusted = m;
            return this;
        }

        IndicatorBuilder actual(Measure m) {
            this.actual = m;
            return this;
        }

        IndicatorBuilder weight(String w) {
            this.weight = w;
            return this;
        }

        IndicatorBuilder score(String s) {
            this.score = s;
            return this;
        }

        /** Weight and reported score at once. */
        IndicatorBuilder scored(String w, String s) {
            return weight(w).score(s);
        }

        IndicatorBuilder completion(String text) {
            this.completion = text;
            return this;
        }

        Indicator build(int index) {
            int row = 20 + index;
            return new Indicator(index, level1, level2, level3, textOf(target, row, 5), textOf(adjusted, row, 6),
                    textOf(actual, row, 7), n(weight, row, 8), n(score, row, 9), Optional.empty(),
                    s(completion, row, 10), target, adjusted, actual, SourceRef.InTable.of(1, row, 4));
        }

        private static Optional<Sourced<String>> textOf(Measure m, int row, int col) {
            return m.kind() == Measure.Kind.EMPTY ? Optional.empty() : s(m.raw(), row, col);
        }
    }

    // ---- assertions ----

    static List<Finding> findings(Assessment a, FindingCode code) {
        return a.findings().stream().filter(f -> f.code().equals(code.id())).toList();
    }

    /** The one finding of {@code code}; fails listing every finding if there is not exactly one. */
    static Finding only(Assessment a, FindingCode code) {
        List<Finding> found = findings(a, code);
        assertEquals(1, found.size(), () -> "expected one " + code.id() + " in " + a.findings());
        return found.get(0);
    }

    static Finding only(Assessment a, FindingCode code, String field) {
        List<Finding> found = findings(a, code).stream().filter(f -> f.field().equals(field)).toList();
        assertEquals(1, found.size(), () -> "expected one " + code.id() + " on " + field + " in " + a.findings());
        return found.get(0);
    }

    /** The finding's severity, field and the two figures it compares. */
    static void assertFinding(Finding f, Severity severity, String field, String reported, String computed) {
        assertEquals(severity, f.severity(), "severity");
        assertEquals(field, f.field(), "field");
        assertEquals(reported, f.reported(), "reported");
        assertEquals(computed, f.computed(), "computed");
    }

    static void assertNone(Assessment a, FindingCode code) {
        assertEquals(List.of(), findings(a, code), () -> "no " + code.id() + " expected");
    }

    /** A recomputed figure as a writer shows it: HALF_UP, 2 decimals. */
    static String shown(Optional<BigDecimal> value) {
        return value.orElseThrow(() -> new AssertionError("figure not computed"))
                .setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    // ---- forms ----

    static FormBuilder form() {
        return new FormBuilder();
    }

    static final class FormBuilder {
        private String name = "测试项目";
        private FundFigures summary = FundFigures.none();
        private final List<FundLine> lines = new ArrayList<>();
        private final List<IndicatorBuilder> indicators = new ArrayList<>();
        private String totalWeight;
        private String total;
        private String grade;
        private String expectedGoal = "完成年度任务";
        private String achievedGoal = "已完成年度任务";
        private final List<NarrativeFigure> narrative = new ArrayList<>();

        FormBuilder name(String value) {
            this.name = value;
            return this;
        }

        /** The funds summary (年度资金总额): initial, full-year, executed, reported rate, weight, score. */
        FormBuilder funds(String initial, String full, String executed, String rate, String weight, String score) {
            this.summary = figures(initial, full, executed, rate, weight, score, 5);
            return this;
        }

        FormBuilder line(FundKind kind, String label, String initial, String full, String executed) {
            return line(kind, label, initial, full, executed, null);
        }

        /** A funds line that reports its own execution rate. */
        FormBuilder line(FundKind kind, String label, String initial, String full, String executed, String rate) {
            int row = 5 + lines.size();
            lines.add(new FundLine(label, kind, figures(initial, full, executed, rate, null, null, row),
                    SourceRef.InTable.of(1, row, 2)));
            return this;
        }

        FormBuilder indicator(IndicatorBuilder b) {
            indicators.add(b);
            return this;
        }

        FormBuilder totalWeight(String value) {
            this.totalWeight = value;
            return this;
        }

        FormBuilder total(String value) {
            this.total = value;
            return this;
        }

        FormBuilder grade(String value) {
            this.grade = value;
            return this;
        }

        FormBuilder goals(String expected, String achieved) {
            this.expectedGoal = expected;
            this.achievedGoal = achieved;
            return this;
        }

        FormBuilder narrative(NarrativeFigure.Kind kind, String text) {
            narrative.add(new NarrativeFigure(kind, text, new SourceRef.InText(40 + narrative.size())));
            return this;
        }

        ProjectRecord build() {
            List<Indicator> built = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                built.add(indicators.get(i).build(i + 1));
            }
            int last = 21 + indicators.size();
            return new ProjectRecord("test-record", "test.docx", 1, s(name, 2, 2), Optional.empty(),
                    Optional.empty(), Optional.empty(), new Funds(summary, lines),
                    new Goals(s(expectedGoal, 12, 2), s(achievedGoal, 12, 5)), built,
                    n(totalWeight, last, 8), n(total, last, 9), s(grade, last + 1, 2), narrative);
        }
    }
}
