package org.jixiao.internal.read;

import org.jixiao.Source;
import org.jixiao.model.Document;
import org.jixiao.model.Result;

/** Reads one format. Implementations are stateless and safe to share between threads. */
public interface DocumentReader {

    /**
     * Reads {@code source} into a document.
     *
     * @return the document, or {@code Failed} at stage {@code READ} with a {@code read.<format>.*}
     *         code when the bytes are not a readable file of this format or break a limit
     */
    Result<Document> read(Source source);
}
