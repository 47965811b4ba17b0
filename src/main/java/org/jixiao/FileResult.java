package org.jixiao;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one file gave: its forms, or the reason it gave none. Exactly one of the two is non-empty.
 *
 * @param sourceFile the file as the caller named it
 * @param records    one entry per form found, in document order
 * @param failure    why the file gave no record
 */
public record FileResult(String sourceFile, List<AssessedRecord> records, Optional<Failure> failure) {
    public FileResult {
        Objects.requireNonNull(sourceFile, "sourceFile");
        records = List.copyOf(records);
        Objects.requireNonNull(failure, "failure");
        if (records.isEmpty() == failure.isEmpty()) {
            throw new IllegalArgumentException("a file result has either records or a failure");
        }
    }

    static FileResult of(String sourceFile, List<AssessedRecord> records) {
        return new FileResult(sourceFile, records, Optional.empty());
    }

    static FileResult failed(Failure failure) {
        return new FileResult(failure.sourceFile(), List.of(), Optional.of(failure));
    }
}
