package org.jixiao.model;

import java.util.Locale;

/**
 * The codes of the findings the extractor and the scorer raise; {@link #id()} is the stable snake_case text written
 * to {@code findings.csv} ({@code budget_score_mismatch}). Severity depends on the size of the gap,
 * so it is chosen where the finding is raised, not here.
 */
public enum FindingCode {
    /** The reported execution rate is not executed / full-year budget. */
    EXECUTION_RATE_MISMATCH,
    /** The reported budget score is not W_b × min(rate, 1). */
    BUDGET_SCORE_MISMATCH,
    /** An indicator's reported score is not what its rule gives (or lies outside its qualitative tier). */
    INDICATOR_SCORE_MISMATCH,
    /** A reported score is above its weight. */
    SCORE_EXCEEDS_WEIGHT,
    /** A reported score is below zero. */
    SCORE_NEGATIVE,
    /** Budget weight + Σ indicator weights is not the 总分 weight (or 100). */
    WEIGHT_SUM_MISMATCH,
    /** The form's own arithmetic: reported total ≠ reported budget score + Σ reported indicator scores. */
    TOTAL_MISMATCH,
    /** The reported total ≠ the recomputed total (budget score and indicator scores recomputed). */
    TOTAL_RECOMPUTED_MISMATCH,
    /** Some indicators could not be recomputed, so the recomputed total uses their reported scores. */
    TOTAL_USES_REPORTED_SCORES,
    /** The reported grade does not fit the reported total, or the recomputed total crosses a band. */
    GRADE_MISMATCH,
    /** The reported grade is no grade word the dictionary knows. */
    GRADE_UNRECOGNIZED,
    /** A funds total line is not the sum of its source lines. */
    FUNDS_SUM_MISMATCH,
    /** A rate, total or grade in the prose differs from the table. */
    NARRATIVE_FIGURE_MISMATCH,
    /** A field needed to check the form is absent. */
    MISSING_FIELD,
    /** The target is relative (同比下降5%), a formula (资产总额*5%) or unreadable text: the reported score is kept. */
    TARGET_NOT_COMPUTABLE,
    /** Target and actual are both readable but cannot be compared (units differ): the reported score is kept. */
    UNITS_NOT_COMPARABLE,
    /** The actual value (实际完成值) is empty. */
    ACTUAL_MISSING,
    /** A reported completion rate (完成率) is not what actual/target gives. */
    COMPLETION_RATE_MISMATCH,
    /** A reverse (cost, limit) indicator whose actual is over its target yet scores full marks. */
    COST_OVERRUN_FULL_SCORE,
    /** The actual is at least twice the target: the target may have been set too low (§2.3). */
    OVER_ACHIEVEMENT,
    /** The full-year budget differs from the initial budget. */
    BUDGET_CHANGED,
    /** More was executed than budgeted. */
    RATE_OVER_100,
    /** The full-year budget is zero or negative while money was executed or a rate or budget score is reported. */
    FULL_YEAR_BUDGET_NOT_POSITIVE,
    /** Budget or level-1 weights differ from the profile's defaults (allowed "in special cases"). */
    DEFAULT_WEIGHTS_DEVIATE,
    /** 预期目标 or 实际完成情况 is empty. */
    GOAL_TEXT_MISSING,
    /** An indicator row whose cells fit no reading of its header: left out of the record. */
    INDICATOR_ROW_UNREADABLE,
    /** The form has no 分值/得分 columns: weights and scores stay blank and nothing is recomputed. */
    SCORES_ABSENT,
    /** A cell that two readings fit: the field is left blank. */
    AMBIGUOUS_CELL,
    /**
     * The indicator table ends on a level heading with no indicator under it, and the form states
     * no total: the text was most likely cut off, and the weights and total cover only what was read.
     */
    INDICATOR_TABLE_CUT_OFF;

    /** The code as written to {@code findings.csv}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
