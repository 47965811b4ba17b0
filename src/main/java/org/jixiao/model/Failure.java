package org.jixiao.model;

import java.util.Objects;

/**
 * One row of {@code errors.csv}: a file that could not be read or held no form.
 *
 * @param sourceFile the file as the user named it
 * @param stage      where it failed
 * @param code       a stable dotted code such as {@code read.docx.encrypted}; what tests assert
 * @param message    what was expected, what was found and where, in English
 */
public record Failure(String sourceFile, Stage stage, String code, String message) {
    public Failure {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
