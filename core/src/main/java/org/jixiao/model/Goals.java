package org.jixiao.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 年度总体目标: the expected goal (预期目标) and what was achieved (实际完成情况), as written, and for
 * transfer-payment forms the same per region.
 */
public record Goals(Optional<Sourced<String>> expected, Optional<Sourced<String>> achieved, List<RegionalGoal> regional) {
    public Goals {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(achieved, "achieved");
        regional = List.copyOf(regional);
    }

    /** The goals of a form with one goal for the whole project. */
    public Goals(Optional<Sourced<String>> expected, Optional<Sourced<String>> achieved) {
        this(expected, achieved, List.of());
    }

    public static Goals none() {
        return new Goals(Optional.empty(), Optional.empty());
    }
}
