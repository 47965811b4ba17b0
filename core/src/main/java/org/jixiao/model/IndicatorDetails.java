package org.jixiao.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns of an indicator row that only some template families have.
 *
 * @param level1Weight      the weight printed in the label of the indicator's level 1 ({@code 产出指标（50分）})
 * @param itemScoreReported 单项得分: the score out of 100 before weighting (Hebei-style forms)
 * @param reviewScore       复核分: the finance department's review score beside the unit's own
 * @param scoreCoefficient  得分系数: the printed percentage the weight is multiplied by
 * @param coreIndicator     是否核心指标, read as true/false ({@code 是}/{@code √} or {@code 否}/blank)
 * @param task              年度主要任务: the task a department-overall form groups the indicator under
 * @param improvementMeasure 改进措施, where the form gives it a column of its own
 * @param criterion         评分标准 / 指标解释 / 得分计算方法: how the row is scored, as written
 */
public record IndicatorDetails(Optional<Sourced<BigDecimal>> level1Weight,
                               Optional<Sourced<BigDecimal>> itemScoreReported,
                               Optional<Sourced<BigDecimal>> reviewScore,
                               Optional<Sourced<BigDecimal>> scoreCoefficient,
                               Optional<Sourced<Boolean>> coreIndicator,
                               Optional<Sourced<String>> task,
                               Optional<Sourced<String>> improvementMeasure,
                               Optional<Sourced<String>> criterion) {
    public IndicatorDetails {
        Objects.requireNonNull(level1Weight, "level1Weight");
        Objects.requireNonNull(itemScoreReported, "itemScoreReported");
        Objects.requireNonNull(reviewScore, "reviewScore");
        Objects.requireNonNull(scoreCoefficient, "scoreCoefficient");
        Objects.requireNonNull(coreIndicator, "coreIndicator");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(improvementMeasure, "improvementMeasure");
        Objects.requireNonNull(criterion, "criterion");
    }

    public static IndicatorDetails none() {
        return new IndicatorDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
