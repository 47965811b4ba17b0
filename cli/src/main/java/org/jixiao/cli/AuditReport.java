package org.jixiao.cli;

import org.jixiao.internal.write.Cells;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Assessment;
import org.jixiao.model.Failure;
import org.jixiao.model.Finding;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Sourced;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The readable report of {@code jixiao audit}: per form, the project, the year, reported against
 * computed budget score, total and grade, then the findings with their severity. Labels come from
 * {@code audit.properties}; the values are the form's text and the scorer's English messages.
 *
 * <pre>
 * == 表 1: 信息化运行维护费 (2020)   文件 file: in/000.txt#1
 *    预算执行得分 budget score: 填报 reported 8.95 / 复核 computed 6.80
 *    总分 total score: 填报 reported 82.08 / 复核 computed 79.93
 *    等级 grade: 填报 reported — / 复核 computed 良
 *    问题 findings (1):
 *      [error] budget_score_mismatch (budget_score): the form gives 8.95 but 10 × 68.04% is 6.80 [table 1, row 9, col 8]
 * </pre>
 */
final class AuditReport {

    private final Properties labels = new Properties();
    private final PrintWriter out;
    private int forms;

    AuditReport(PrintWriter out) {
        this.out = out;
        try (InputStream in = AuditReport.class.getResourceAsStream("audit.properties")) {
            if (in == null) {
                throw new IllegalStateException("resource org/jixiao/cli/audit.properties is missing");
            }
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the report of one finished file. */
    void print(FileOutcome outcome) {
        if (outcome.reused()) {
            out.printf("== %s: %s %s%n", label("file"), outcome.name(), label("reused"));
        } else if (outcome.result().isPresent()) {
            for (AssessedRecord r : outcome.result().get().records()) {
                print(r);
            }
            outcome.result().get().failures().forEach(this::print);
        } else {
            outcome.rows().forEach(row -> out.printf("== %s: %s %s: %s%n", label("file"), outcome.name(),
                    label("failed"), String.join(" ", row.cells().subList(2, row.cells().size()))));
        }
        out.flush();
    }

    private void print(Failure f) {
        out.printf("== %s: %s %s: %s %s%n", label("file"), f.sourceFile(), label("failed"), f.code(), f.message());
    }

    private void print(AssessedRecord assessed) {
        ProjectRecord r = assessed.record();
        Assessment a = assessed.assessment();
        String year = r.year().map(y -> " (" + y.value() + ")").orElse("");
        out.printf(Locale.ROOT, "== %s %d: %s%s   %s: %s#%d%n", label("form"), ++forms, text(r.projectName()), year,
                label("file"), r.sourceFile(), r.formIndex());
        line(label("budget_score"), reported(r.funds().summary().budgetScoreReported()),
                computed(a.budgetScoreComputed(), a));
        line(label("total_score"), reported(r.totalScoreReported()), computed(a.totalScoreComputed(), a));
        line(label("grade"), text(r.gradeReported()), a.gradeComputed().orElse(label("absent")));
        if (a.findings().isEmpty()) {
            out.printf("   %s%n", label("no_findings"));
            return;
        }
        out.printf(Locale.ROOT, "   %s (%d):%n", label("findings"), a.findings().size());
        for (Finding f : a.findings()) {
            String where = f.source().map(SourceRef::describe).map(s -> " [" + s + "]").orElse("");
            out.printf("     [%s] %s (%s): %s%s%n", f.severity().label(), f.code(), f.field(), f.message(), where);
        }
    }

    private void line(String what, String reported, String computed) {
        // No column padding: CJK labels are two columns wide on a terminal, so padding by chars misaligns.
        out.printf("   %s: %s %s / %s %s%n", what, label("reported"), reported, label("computed"), computed);
    }

    private String text(Optional<Sourced<String>> value) {
        return value.map(Sourced::value).orElse(label("absent"));
    }

    private String reported(Optional<Sourced<BigDecimal>> value) {
        return value.map(v -> v.value().toPlainString()).orElse(label("absent"));
    }

    /** Rounded as the CSV files round it: the profile's mode, which the assessment carries. */
    private String computed(Optional<BigDecimal> value, Assessment a) {
        return value.map(v -> Cells.computed(v, a.rounding())).orElse(label("absent"));
    }

    private String label(String key) {
        return labels.getProperty(key, key);
    }
}
