package org.jixiao.model;

import java.util.Locale;

/** The pipeline stage where a file failed; written lower-case to {@code errors.csv}. */
public enum Stage {
    READ, NORMALIZE, LOCATE, EXTRACT, SCORE, WRITE,
    /** Anywhere in the pipeline: a file that ran past its time limit or threw unexpectedly. */
    PIPELINE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
