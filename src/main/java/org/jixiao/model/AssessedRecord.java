package org.jixiao.model;

import java.util.Objects;

/** A form as read, together with its recomputation: what the writers take. */
public record AssessedRecord(ProjectRecord record, Assessment assessment) {
    public AssessedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(assessment, "assessment");
    }
}
