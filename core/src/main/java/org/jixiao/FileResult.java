package org.jixiao;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one file gave: its forms, and why a form or the whole file gave none. A file that gave no
 * record has exactly one failure (the file's); a file with several forms may give records and the
 * failures of the forms that could not be read, each naming its {@link Failure#formIndex()}.
 *
 * @param sourceFile the file as the caller named it
 * @param records    one entry per form read, in document order
 * @param failures   why the file, or some of its forms, gave no record
 */
public record FileResult(String sourceFile, List<AssessedRecord> records, List<Failure> failures) {
    public FileResult {
        Objects.requireNonNull(sourceFile, "sourceFile");
        records = List.copyOf(records);
        failures = List.copyOf(failures);
        if (records.isEmpty() && failures.size() != 1) {
            throw new IllegalArgumentException("a file without records has exactly one failure, got " + failures.size());
        }
    }

    /** Why the file gave no record at all; empty when it gave at least one. */
    public Optional<Failure> failure() {
        return records.isEmpty() ? Optional.of(failures.get(0)) : Optional.empty();
    }

    static FileResult of(String sourceFile, List<AssessedRecord> records, List<Failure> formFailures) {
        return new FileResult(sourceFile, records, formFailures);
    }

    static FileResult failed(Failure failure) {
        return new FileResult(failure.sourceFile(), List.of(), List.of(failure));
    }
}
