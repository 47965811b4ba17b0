package org.jixiao.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The goal of one region of a transfer-payment form (区域 | 预期目标 | 实际完成情况).
 *
 * @param area     the region as written ({@code 南山县})
 * @param expected 预期目标
 * @param achieved 实际完成情况
 */
public record RegionalGoal(Sourced<String> area, Optional<Sourced<String>> expected, Optional<Sourced<String>> achieved) {
    public RegionalGoal {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(achieved, "achieved");
    }
}
