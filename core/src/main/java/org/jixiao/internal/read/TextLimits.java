package org.jixiao.internal.read;

import org.jixiao.ReadLimits;
import org.jixiao.Source;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;

import java.util.Locale;
import java.util.Optional;

/** The check the text and HTML readers make on a file's size before they decode it. */
final class TextLimits {

    private TextLimits() {
    }

    /**
     * Why a text or HTML file is refused before it is decoded: empty, or more bytes than
     * {@link ReadLimits#maxTextChars()} characters can take (4 bytes a character at most); a decoded text
     * twice the size of its file is what would lift memory.
     */
    static Optional<Result<Document>> refuse(ReadLimits limits, Source source, String kind) {
        int bytes = source.content().length;
        if (bytes == 0) {
            return Optional.of(Result.failed(source.name(),
                    Stage.READ, "read.empty", "the file is empty (0 bytes)"));
        }
        if (bytes > 4 * limits.maxTextChars()) {
            return Optional.of(Result.failed(source.name(), Stage.READ,
                    "read.too_large", String.format(Locale.ROOT, "the %s file has %d bytes, more than %d characters of text can take",
                            kind, bytes, limits.maxTextChars())));
        }
        return Optional.empty();
    }
}
