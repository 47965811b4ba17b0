package org.jixiao.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code errors.csv}: a file that could not be read or held no form.
 *
 * @param sourceFile the file as the user named it
 * @param stage      where it failed
 * @param code       a stable dotted code such as {@code read.docx.encrypted}; what tests assert
 * @param message    what was expected, what was found and where, in English
 * @param formIndex  the 1-based position of the form that failed, where one form of a file fails
 *                   while others convert; empty when the whole file failed
 */
public record Failure(String sourceFile, Stage stage, String code, String message, Optional<Integer> formIndex) {
    public Failure {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(formIndex, "formIndex");
    }

    /** A failure of the whole file. */
    public Failure(String sourceFile, Stage stage, String code, String message) {
        this(sourceFile, stage, code, message, Optional.empty());
    }
}
