package org.jixiao.internal.write;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;

import java.io.IOException;

/**
 * Where results go, in the order they are given. Nothing is visible at the destination until
 * {@link #commit()}; {@link #close()} without a commit discards what was written.
 */
public interface RecordSink extends AutoCloseable {

    /** Writes one rendered row to the table it belongs to. */
    void accept(TableRow row) throws IOException;

    /** Writes the rows of one form ({@link Rows#of(AssessedRecord)}). */
    default void accept(AssessedRecord record) throws IOException {
        for (TableRow row : Rows.of(record)) {
            accept(row);
        }
    }

    /** Writes the {@code errors} row of one failed file. */
    default void accept(Failure failure) throws IOException {
        accept(Rows.of(failure));
    }

    /** Completes every output and moves it into place. */
    void commit() throws IOException;

    @Override
    void close() throws IOException;
}
