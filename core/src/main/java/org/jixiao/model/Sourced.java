package org.jixiao.model;

import java.util.Objects;

/**
 * A value read from the form together with where it was read.
 *
 * @param value  the value as read (text after normalization, or a number as written)
 * @param source where an auditor finds it in the original
 */
public record Sourced<T>(T value, SourceRef source) {
    public Sourced {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
