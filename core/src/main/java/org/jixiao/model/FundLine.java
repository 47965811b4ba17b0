package org.jixiao.model;

import java.util.Objects;

/**
 * One line of the funds block (年度资金总额, 其中：中央财政资金, …).
 *
 * @param label   the line's label as written (after text normalization)
 * @param kind    which line it is
 * @param figures its figures
 * @param source  where the label cell is
 */
public record FundLine(String label, FundKind kind, FundFigures figures, SourceRef source) {
    public FundLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(source, "source");
    }
}
