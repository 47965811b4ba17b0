package org.jixiao.model;

import java.util.Objects;
import java.util.Optional;

/** 年度总体目标: the expected goal (预期目标) and what was achieved (实际完成情况), as written. */
public record Goals(Optional<Sourced<String>> expected, Optional<Sourced<String>> achieved) {
    public Goals {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(achieved, "achieved");
    }

    public static Goals none() {
        return new Goals(Optional.empty(), Optional.empty());
    }
}
