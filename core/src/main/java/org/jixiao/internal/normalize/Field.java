package org.jixiao.internal.normalize;

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
    /**
     * A label of a form's head that no output column keeps (项目类别, 项目属性, 填报日期, 单位名称):
     * known, so that a glued text's label ends where it begins.
     */
    FORM_DETAIL,
    DEPT_FORM_TITLE,
    YEAR,
    PROJECT_NAME,
    DEPARTMENT,
    IMPLEMENTER,
    /** 中央主管部门 of a transfer-payment form. */
    CENTRAL_DEPARTMENT,
    FUNDS_BLOCK,
    FUND_TOTAL,
    FUND_FISCAL,
    FUND_CENTRAL,
    FUND_PROVINCIAL,
    FUND_MUNICIPAL,
    FUND_CARRYOVER,
    FUND_OTHER,
    /** 地方资金: the local share beside 中央补助 (transfer payments). */
    FUND_LOCAL,
    /** 基本支出 / 项目支出: a department's budget by kind of spending, a second breakdown of the total. */
    FUND_BASIC,
    FUND_PROJECT_SPENDING,
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
    /** 区域: the region column of a transfer payment's goals. */
    AREA,
    INDICATOR_GROUP,
    /** 年度主要任务: the task a department-overall form groups its indicators under. */
    TASK,
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
    /** 单项得分: a score out of 100 before weighting. */
    ITEM_SCORE,
    /** 折算得分: the weighted score (权重 × 单项得分 / 100). */
    CONVERTED_SCORE,
    /** 得分系数(%): the percentage of the weight a row scores. */
    SCORE_COEFFICIENT,
    /** 评分标准 / 指标解释 / 得分计算方法: how a row is scored. */
    CRITERION,
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
    /** 项目决策 / 投入: the decision block of rubric forms. */
    LEVEL1_DECISION,
    /** 项目管理 / 过程: the management block of rubric forms. */
    LEVEL1_PROCESS,
    LEVEL2_QUANTITY,
    LEVEL2_QUALITY,
    LEVEL2_TIMELINESS,
    LEVEL2_COST,
    LEVEL2_ECONOMIC,
    LEVEL2_SOCIAL,
    LEVEL2_ECOLOGICAL,
    LEVEL2_SUSTAINABLE,
    LEVEL2_SATISFACTION,
    /** A level-2 name of the evaluation rubric's 决策 and 管理 blocks (项目立项, 财务管理, 项目实施, …). */
    LEVEL2_RUBRIC,
    GRADE_EXCELLENT,
    GRADE_GOOD,
    GRADE_FAIR,
    GRADE_POOR,
    /** 指标性质 values that say what kind of target it is rather than how it compares: 定性, 定量. */
    NATURE_QUALITATIVE,
    NATURE_QUANTITATIVE,
    /** Answers in yes/no columns (是否核心指标). */
    YES,
    NO
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
