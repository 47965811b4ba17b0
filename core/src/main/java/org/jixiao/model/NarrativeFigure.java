package org.jixiao.model;

import java.util.Objects;

/**
 * A figure stated in the form's prose (analysis cells, report paragraphs) that the tables also
 * state, so the two can be compared: {@code 预算执行率73.01%}, {@code 总得分89.5分}, {@code 属于"良好"}.
 *
 * @param kind   which figure it is
 * @param text   the figure as written ({@code 71.24}, {@code 良好}); numbers without their unit
 * @param source where the sentence is
 */
public record NarrativeFigure(Kind kind, String text, SourceRef source) {

    /** The figures jixiao looks for in prose. */
    public enum Kind {
        EXECUTION_RATE, TOTAL_SCORE, GRADE
    }

    public NarrativeFigure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
