package org.jixiao.model;

import java.util.Locale;

/** The pipeline stage where a file failed; written lower-case to {@code errors.csv}. */
public enum Stage {
    READ, NORMALIZE, LOCATE, EXTRACT, SCORE, WRITE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
