package org.jixiao.write;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Failure;

import java.io.IOException;

/**
 * Where results go, in the order they are given. Nothing is visible at the destination until
 * {@link #commit()}; {@link #close()} without a commit discards what was written.
 */
public interface RecordSink extends AutoCloseable {

    void accept(AssessedRecord record) throws IOException;

    void accept(Failure failure) throws IOException;

    /** Completes every output and moves it into place. */
    void commit() throws IOException;

    @Override
    void close() throws IOException;
}
