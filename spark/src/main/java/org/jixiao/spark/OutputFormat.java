package org.jixiao.spark;

import java.util.Locale;

/** How the job writes its tables: the CSV of the output contract, or Parquet for engines. */
public enum OutputFormat {
    /** UTF-8, a header row in every part file, RFC 4180 quoting, CRLF line ends. */
    CSV,
    /** Typed columns, Spark's default compression. */
    PARQUET;

    /** {@code csv} or {@code parquet}, as {@code --format} takes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code label}, case-insensitively. */
    public static OutputFormat ofLabel(String label) {
        for (OutputFormat f : values()) {
            if (f.label().equalsIgnoreCase(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format must be csv or parquet, got " + label);
    }
}
