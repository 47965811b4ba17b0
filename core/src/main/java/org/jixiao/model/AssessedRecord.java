package org.jixiao.model;

import java.util.Objects;

/**
 * A form as read, together with its recomputation and the file it came from: what the writers take.
 *
 * @param record      the form as read
 * @param assessment  its recomputation
 * @param contentHash the SHA-256 of the whole file the form came from, 64 lower-case hex digits; two
 *                    copies of one file share it, which is how {@code duplicate_of} links them. Empty
 *                    only for a record built by hand without a file.
 */
public record AssessedRecord(ProjectRecord record, Assessment assessment, String contentHash) {
    public AssessedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** A record that came from no file (tests, hand-built records): no content hash. */
    public AssessedRecord(ProjectRecord record, Assessment assessment) {
        this(record, assessment, "");
    }
}
