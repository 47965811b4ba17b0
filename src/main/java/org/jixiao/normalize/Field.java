package org.jixiao.normalize;

import java.util.Locale;

/**
 * The canonical names of headings and label values, one per row group of {@code headings.tsv}.
 *
 * <p>The dictionary maps every written variant (全年预算数, 調整後預算數, 预算数(A), …) to one of
 * these, so code never names a Chinese heading. {@code LEVEL1_*}, {@code LEVEL2_*} and
 * {@code GRADE_*} are vocabularies of cell values rather than column headings.
 */
public enum Field {
    FORM_TITLE,
    DEPT_FORM_TITLE,
    YEAR,
    PROJECT_NAME,
    DEPARTMENT,
    IMPLEMENTER,
    FUNDS_BLOCK,
    FUND_TOTAL,
    FUND_FISCAL,
    FUND_CENTRAL,
    FUND_PROVINCIAL,
    FUND_MUNICIPAL,
    FUND_CARRYOVER,
    FUND_OTHER,
    INITIAL_BUDGET,
    FULL_YEAR_BUDGET,
    FUNDS_RECEIVED,
    EXECUTED,
    BALANCE,
    EXECUTION_RATE,
    ARRIVAL_RATE,
    BUDGET_WEIGHT,
    BUDGET_SCORE,
    ANNUAL_GOAL,
    GOAL_EXPECTED,
    GOAL_ACTUAL,
    INDICATOR_GROUP,
    LEVEL1,
    LEVEL2,
    LEVEL3,
    TARGET,
    ADJUSTED_TARGET,
    ACTUAL,
    COMPLETION_RATE,
    WEIGHT,
    SCORE,
    REVIEW_SCORE,
    DEVIATION_REASON,
    COMPARATOR,
    UNIT,
    CORE_INDICATOR,
    TOTAL_SCORE,
    GRADE,
    /** The 项目绩效分析 / 自评结果分析 block that holds the analysis sections below. */
    ANALYSIS,
    ANALYSIS_BUDGET,
    ANALYSIS_OUTPUT,
    ANALYSIS_BENEFIT,
    ANALYSIS_SATISFACTION,
    EXPERIENCE,
    PROBLEMS,
    IMPROVEMENTS,
    LEVEL1_OUTPUT,
    LEVEL1_BENEFIT,
    LEVEL1_SATISFACTION,
    LEVEL1_BUDGET,
    LEVEL2_QUANTITY,
    LEVEL2_QUALITY,
    LEVEL2_TIMELINESS,
    LEVEL2_COST,
    LEVEL2_ECONOMIC,
    LEVEL2_SOCIAL,
    LEVEL2_ECOLOGICAL,
    LEVEL2_SUSTAINABLE,
    LEVEL2_SATISFACTION,
    GRADE_EXCELLENT,
    GRADE_GOOD,
    GRADE_FAIR,
    GRADE_POOR
    ;

    /** The name used in {@code headings.tsv}, e.g. {@code full_year_budget}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isLevel1Value() {
        return name().startsWith("LEVEL1_");
    }

    public boolean isLevel2Value() {
        return name().startsWith("LEVEL2_");
    }

    public boolean isGradeValue() {
        return name().startsWith("GRADE_");
    }

    /** The lines of a funds block (年度资金总额, 其中：中央财政资金, …). */
    public boolean isFundLine() {
        return name().startsWith("FUND_");
    }
}
