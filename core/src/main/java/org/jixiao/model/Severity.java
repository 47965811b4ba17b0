package org.jixiao.model;

import java.util.Locale;

/** How much a finding matters to an auditor. */
public enum Severity {
    /** The form contradicts itself beyond rounding: a wrong score, sum or grade. */
    ERROR,
    /** Doubtful but explainable: rounding-level gaps, scores the rules cannot confirm. */
    WARNING,
    /** Worth knowing, not wrong: non-default weights, prose truncating a rate. */
    INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
