package org.jixiao.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One place where a form disagrees with itself or with the rules: a row of {@code findings.csv}.
 *
 * @param code     a stable snake_case code ({@code budget_score_mismatch}, {@code total_mismatch}, …)
 * @param severity how much it matters
 * @param field    the record field concerned ({@code budget_score}, {@code indicators[7].score})
 * @param reported the figure the form states, as written; empty if none
 * @param computed the figure jixiao computes, rounded for display; empty if none
 * @param message  a sentence an auditor understands, in English, quoting form text as data
 * @param source   where to look in the original
 */
public record Finding(String code, Severity severity, String field, String reported, String computed,
                      String message, Optional<SourceRef> source) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(computed, "computed");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }
}
