package org.jixiao.internal.extract;

import org.jixiao.model.Failure;
import org.jixiao.model.ProjectRecord;

import java.util.List;

/**
 * The forms read from one document, and the failures of the forms that could not be read while
 * others could (each with its {@link Failure#formIndex()}).
 *
 * @param records  at least one form, in document order
 * @param failures the forms of the same file that gave no record
 */
public record ExtractedForms(List<ProjectRecord> records, List<Failure> failures) {
    public ExtractedForms {
        records = List.copyOf(records);
        failures = List.copyOf(failures);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("extracted forms hold at least one record");
        }
    }
}
