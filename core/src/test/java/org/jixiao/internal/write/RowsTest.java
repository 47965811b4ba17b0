package org.jixiao.internal.write;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Assessment;
import org.jixiao.model.Funds;
import org.jixiao.model.Goals;
import org.jixiao.model.ProjectRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Computed figures are rounded to 2 decimals with the rounding mode the assessment carries. */
class RowsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        '5.625' | HALF_UP   | '5.63'
        '5.625' | HALF_EVEN | '5.62'
        '5.635' | HALF_EVEN | '5.64'
        '5.625' | DOWN      | '5.62'
        '5.635' | DOWN      | '5.63'
        '7'     | HALF_UP   | '7.00'
        """)
    void roundsAComputedFigureWithTheGivenMode(String value, RoundingMode rounding, String expected) {
        assertEquals(expected, Cells.computed(new BigDecimal(value), rounding));
    }

    @Test
    void projectsRowRoundsWithTheAssessmentsMode() {
        List<String> halfUp = projectsRow(RoundingMode.HALF_UP);
        List<String> halfEven = projectsRow(RoundingMode.HALF_EVEN);
        List<String> down = projectsRow(RoundingMode.DOWN);

        int budgetScore = Columns.PROJECTS.indexOf("budget_score_computed");
        int total = Columns.PROJECTS.indexOf("total_score_computed");
        assertEquals("5.63", halfUp.get(budgetScore));
        assertEquals("5.62", halfEven.get(budgetScore));
        assertEquals("79.93", halfUp.get(total));
        assertEquals("79.92", down.get(total));
    }

    @Test
    void theAssessmentGivesTheRoundedFigureTheCsvShowsAndKeepsTheRawOne() {
        Assessment a = new Assessment(Optional.empty(), Optional.of(new BigDecimal("5.625")), Optional.empty(),
                Optional.of(new BigDecimal("79.9294656562202520")), Optional.empty(), List.of(), List.of(), RoundingMode.HALF_UP);
        assertEquals(new BigDecimal("79.93"), a.totalScoreRounded().orElseThrow());
        assertEquals(new BigDecimal("79.9294656562202520"), a.totalScoreComputed().orElseThrow());
        assertEquals(new BigDecimal("5.63"), a.budgetScoreRounded().orElseThrow());
        for (RoundingMode mode : List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN)) {
            Assessment m = new Assessment(Optional.empty(), Optional.of(new BigDecimal("5.625")), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(), List.of(), mode);
            assertEquals(Cells.computed(new BigDecimal("5.625"), mode), m.budgetScoreRounded().orElseThrow().toPlainString(), mode.name());
        }
    }

    private static List<String> projectsRow(RoundingMode rounding) {
        ProjectRecord record = new ProjectRecord("r-1", "form.docx", 1, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Funds.none(), Goals.none(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
        Assessment a = new Assessment(Optional.empty(), Optional.of(new BigDecimal("5.625")), Optional.empty(),
                Optional.of(new BigDecimal("79.92943")), Optional.empty(), List.of(), List.of(), rounding);
        TableRow row = Rows.of(new AssessedRecord(record, a)).get(0);
        assertEquals(OutputTable.PROJECTS, row.table());
        return row.cells();
    }
}
