package org.jixiao.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the indicator table (产出, 效益 and 满意度 indicators; the budget-execution row is
 * part of {@link Funds}, not an indicator).
 *
 * @param index                  1-based position among the form's indicators
 * @param level1                 一级指标, carried down from merged cells; empty if the form has none
 * @param level2                 二级指标, carried down likewise
 * @param level3                 三级指标 (the indicator's name)
 * @param target                 年度指标值 as written
 * @param adjustedTarget         调整后指标值 as written, where the form has one
 * @param actual                 实际完成值 as written
 * @param weight                 分值
 * @param scoreReported          得分 as reported
 * @param deviationReason        偏差原因分析及改进措施
 * @param completionRateReported a 完成率 column's text where the form has one
 * @param targetMeasure          the reading of {@code target}
 * @param adjustedTargetMeasure  the reading of {@code adjustedTarget}
 * @param actualMeasure          the reading of {@code actual}
 * @param source                 where the row's level-3 cell is
 * @param parentIndex            for a 其中 sub-row, the {@link #index()} of the indicator it details;
 *                               sub-rows are never scored or summed
 * @param details                the columns only some template families have
 */
public record Indicator(int index, String level1, String level2, String level3,
                        Optional<Sourced<String>> target,
                        Optional<Sourced<String>> adjustedTarget,
                        Optional<Sourced<String>> actual,
                        Optional<Sourced<BigDecimal>> weight,
                        Optional<Sourced<BigDecimal>> scoreReported,
                        Optional<Sourced<String>> deviationReason,
                        Optional<Sourced<String>> completionRateReported,
                        Measure targetMeasure,
                        Measure adjustedTargetMeasure,
                        Measure actualMeasure,
                        SourceRef source,
                        Optional<Integer> parentIndex,
                        IndicatorDetails details) {
    public Indicator {
        if (index < 1) {
            throw new IllegalArgumentException("indicator index is 1-based, got " + index);
        }
        Objects.requireNonNull(level1, "level1");
        Objects.requireNonNull(level2, "level2");
        Objects.requireNonNull(level3, "level3");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(adjustedTarget, "adjustedTarget");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(scoreReported, "scoreReported");
        Objects.requireNonNull(deviationReason, "deviationReason");
        Objects.requireNonNull(completionRateReported, "completionRateReported");
        Objects.requireNonNull(targetMeasure, "targetMeasure");
        Objects.requireNonNull(adjustedTargetMeasure, "adjustedTargetMeasure");
        Objects.requireNonNull(actualMeasure, "actualMeasure");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(parentIndex, "parentIndex");
        Objects.requireNonNull(details, "details");
        if (parentIndex.isPresent() && (parentIndex.get() < 1 || parentIndex.get() >= index)) {
            throw new IllegalArgumentException("a sub-row's parent comes before it, got parent "
                    + parentIndex.get() + " for indicator " + index);
        }
    }

    /** A top-level indicator with no family-specific columns. */
    public Indicator(int index, String level1, String level2, String level3,
                     Optional<Sourced<String>> target, Optional<Sourced<String>> adjustedTarget,
                     Optional<Sourced<String>> actual, Optional<Sourced<BigDecimal>> weight,
                     Optional<Sourced<BigDecimal>> scoreReported, Optional<Sourced<String>> deviationReason,
                     Optional<Sourced<String>> completionRateReported, Measure targetMeasure,
                     Measure adjustedTargetMeasure, Measure actualMeasure, SourceRef source) {
        this(index, level1, level2, level3, target, adjustedTarget, actual, weight, scoreReported, deviationReason,
                completionRateReported, targetMeasure, adjustedTargetMeasure, actualMeasure, source,
                Optional.empty(), IndicatorDetails.none());
    }

    /** True for a 其中 row that details the indicator above it. */
    public boolean isSubRow() {
        return parentIndex.isPresent();
    }

    /** The target to score against: the adjusted one where the form has it (DOMAIN §2.2). */
    public Measure effectiveTarget() {
        return adjustedTarget.isPresent() ? adjustedTargetMeasure : targetMeasure;
    }
}
