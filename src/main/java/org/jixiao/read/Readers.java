package org.jixiao.read;

import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;

/**
 * The entry point of the read stage: detects a file's format from its bytes and hands it to the
 * reader for that format. Stateless and thread-safe.
 */
public final class Readers {

    private final ReadLimits limits;
    private final TextReader text;

    public Readers(ReadLimits limits) {
        this.limits = limits;
        this.text = new TextReader(limits);
    }

    public static Readers withDefaults() {
        return new Readers(ReadLimits.defaults());
    }

    /**
     * Reads one file.
     *
     * @return the document, or {@code Failed} at stage {@code READ}: {@code read.empty},
     *         {@code read.too_large}, {@code read.unsupported_format} or a format-specific code
     */
    public Result<Document> read(Source source) {
        byte[] b = source.content();
        if (b.length == 0) {
            return Result.failed(source.name(), Stage.READ, "read.empty", "the file is empty (0 bytes)");
        }
        if (b.length > limits.maxFileBytes()) {
            return Result.failed(source.name(), Stage.READ, "read.too_large",
                    "the file has %d bytes, more than the limit of %d".formatted(b.length, limits.maxFileBytes()));
        }
        return text.read(source);
    }
}
