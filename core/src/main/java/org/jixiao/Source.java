package org.jixiao;

import java.util.Objects;

/**
 * One input file: its name as the user gave it and its bytes.
 *
 * <p>Files are read whole because a form is small (tens of kilobytes) and zip-based formats need
 * random access anyway; {@link ReadLimits#maxFileBytes()} stops anything that is not a form
 * before it is loaded.
 */
public record Source(String name, byte[] content) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
