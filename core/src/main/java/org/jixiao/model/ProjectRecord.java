package org.jixiao.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One form, read into the common record: what the form says, nothing recomputed.
 *
 * @param recordId            {@code <key>-<formIndex>}, the key derived from the file's name and content
 *                            (see {@code Jixiao.recordKey}): unique in a run, stable across runs
 * @param sourceFile          the file as the user named it
 * @param formIndex           1-based position of the form in its file
 * @param projectName         项目名称
 * @param year                the evaluation year (（2020 年度）)
 * @param department          主管部门, with any code prefix as written
 * @param implementer         实施单位
 * @param funds               the funds block
 * @param goals               年度总体目标
 * @param indicators          the indicator rows in form order
 * @param totalWeightReported the 分值 of the 总分 row (normally 100)
 * @param totalScoreReported  the 得分 of the 总分 row, or the total stated in prose
 * @param gradeReported       the grade label as written (优, 良好, …)
 * @param narrative           figures stated in prose, for cross-checking
 * @param layout              the form's kind and the template family it was read with
 * @param centralDepartment   中央主管部门 of a transfer-payment form
 * @param budgetReviewScore   复核分 of the budget line, where the form has a review column
 * @param totalReviewScore    复核分 of the 总分 row
 * @param readingFindings     what the extractor could not read faithfully (a row left out, an
 *                            ambiguous cell, scores absent); the scorer adds them to its findings
 */
public record ProjectRecord(String recordId, String sourceFile, int formIndex,
                            Optional<Sourced<String>> projectName,
                            Optional<Sourced<Integer>> year,
                            Optional<Sourced<String>> department,
                            Optional<Sourced<String>> implementer,
                            Funds funds,
                            Goals goals,
                            List<Indicator> indicators,
                            Optional<Sourced<BigDecimal>> totalWeightReported,
                            Optional<Sourced<BigDecimal>> totalScoreReported,
                            Optional<Sourced<String>> gradeReported,
                            List<NarrativeFigure> narrative,
                            FormLayout layout,
                            Optional<Sourced<String>> centralDepartment,
                            Optional<Sourced<BigDecimal>> budgetReviewScore,
                            Optional<Sourced<BigDecimal>> totalReviewScore,
                            List<Finding> readingFindings) {
    public ProjectRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(sourceFile, "sourceFile");
        if (formIndex < 1) {
            throw new IllegalArgumentException("formIndex is 1-based, got " + formIndex);
        }
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(implementer, "implementer");
        Objects.requireNonNull(funds, "funds");
        Objects.requireNonNull(goals, "goals");
        indicators = List.copyOf(indicators);
        Objects.requireNonNull(totalWeightReported, "totalWeightReported");
        Objects.requireNonNull(totalScoreReported, "totalScoreReported");
        Objects.requireNonNull(gradeReported, "gradeReported");
        narrative = List.copyOf(narrative);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(centralDepartment, "centralDepartment");
        Objects.requireNonNull(budgetReviewScore, "budgetReviewScore");
        Objects.requireNonNull(totalReviewScore, "totalReviewScore");
        readingFindings = List.copyOf(readingFindings);
    }

    /** A national project form with nothing beyond the common fields (as tests and library users build one). */
    public ProjectRecord(String recordId, String sourceFile, int formIndex,
                         Optional<Sourced<String>> projectName, Optional<Sourced<Integer>> year,
                         Optional<Sourced<String>> department, Optional<Sourced<String>> implementer,
                         Funds funds, Goals goals, List<Indicator> indicators,
                         Optional<Sourced<BigDecimal>> totalWeightReported,
                         Optional<Sourced<BigDecimal>> totalScoreReported,
                         Optional<Sourced<String>> gradeReported, List<NarrativeFigure> narrative) {
        this(recordId, sourceFile, formIndex, projectName, year, department, implementer, funds, goals, indicators,
                totalWeightReported, totalScoreReported, gradeReported, narrative, FormLayout.nationalProject(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
