package org.jixiao;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.Measure;
import org.jixiao.model.Severity;
import org.jixiao.model.Sourced;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit of issue 5 on every file of every corpus folder: whatever the format, each form raises
 * the findings its own figures call for, with the same reported and computed figures.
 */
class AuditCorpusTest {

    private static final Jixiao JIXIAO = Jixiao.withDefaults();
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private static AssessedRecord only(String folder, String file) throws IOException {
        FileResult r = JIXIAO.process(CorpusTest.source("/corpus/" + folder + "/" + file));
        assertTrue(r.failure().isEmpty(), () -> "failed: " + r.failure());
        return r.records().get(0);
    }

    private static void assertFinding(AssessedRecord r, String code, String reported, String computed) {
        List<Finding> found = r.assessment().findings().stream().filter(f -> f.code().equals(code)).toList();
        assertTrue(found.stream().anyMatch(f -> f.reported().equals(reported) && f.computed().equals(computed)),
                () -> "expected " + code + " " + reported + " vs " + computed + ", found " + found);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("org.jixiao.CorpusTest#corpusFiles")
    void raisesTheFindingsOfItsForm(String folder, String file) throws IOException {
        AssessedRecord r = only(folder, file);
        switch (folder) {
            case "shanxi-2020-it-ops" -> {
                assertFinding(r, "budget_score_mismatch", "8.95", "6.80");
                assertFinding(r, "total_recomputed_mismatch", "82.08", "79.93");
                assertFinding(r, "grade_mismatch", "良", "中");
            }
            case "xinzhou-2020-it-build" -> {
                assertFinding(r, "budget_score_mismatch", "0", "10.00");
                assertFinding(r, "total_recomputed_mismatch", "89.5", "99.50");
                assertFinding(r, "grade_mismatch", "良好", "优");
            }
            case "shanxi-2020-trading-center" -> {
                assertFinding(r, "weight_sum_mismatch", "100", "99");
                assertFinding(r, "total_mismatch", "93.18", "92.18");
                assertTrue(r.assessment().findings().stream().anyMatch(f -> f.code().equals("cost_overrun_full_score")
                                && f.message().contains("密集架")),
                        "密集架 500元/个 vs 1250元/个 scored in full");
            }
            case "shanxi-2020-cloud-rent" -> {
                assertEquals(List.of(), r.assessment().findings().stream()
                        .filter(f -> f.severity() == Severity.ERROR).toList(), "no error on a consistent table");
                assertFinding(r, "narrative_figure_mismatch", "71.24", "71.25");
                assertTrue(r.assessment().findings().stream().anyMatch(f -> f.code().equals("narrative_figure_mismatch")
                        && f.severity() == Severity.INFO));
            }
            default -> throw new IllegalArgumentException(folder);
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("org.jixiao.CorpusTest#corpusFiles")
    void everyValueThatCarriesANumberIsGivenIt(String folder, String file) throws IOException {
        for (Indicator i : only(folder, file).record().indicators()) {
            check(i.target(), i.targetMeasure(), i.index());
            check(i.actual(), i.actualMeasure(), i.index());
            check(i.adjustedTarget(), i.adjustedTargetMeasure(), i.index());
        }
    }

    /** A number is read exactly where the text holds a digit; dates give a deadline, formulas nothing. */
    private static void check(Optional<Sourced<String>> text, Measure m, int index) {
        String raw = text.map(Sourced::value).orElse("");
        boolean digits = DIGIT.matcher(raw).find();
        if (m.kind() == Measure.Kind.DATE) {
            assertTrue(m.deadline().isPresent(), () -> "indicator " + index + " '" + raw + "' has no deadline");
        } else if (m.kind() != Measure.Kind.FORMULA) {
            assertEquals(digits, m.value().isPresent(), () -> "indicator " + index + " '" + raw + "' read as " + m);
        }
    }
}
