package org.jixiao;

import org.jixiao.extract.FormExtractor;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Assessment;
import org.jixiao.model.Document;
import org.jixiao.model.Failure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;
import org.jixiao.normalize.HeadingDictionary;
import org.jixiao.normalize.MeasureParser;
import org.jixiao.normalize.TextNormalizer;
import org.jixiao.read.ReadLimits;
import org.jixiao.read.Readers;
import org.jixiao.read.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The pipeline for one file: bytes in, assessed records or a failure out.
 *
 * <pre>{@code
 * Jixiao jixiao = Jixiao.withDefaults();
 * FileResult result = jixiao.process(Path.of("form.docx"));
 * result.records().forEach(r -> System.out.println(r.record().projectName()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one and share it between threads. A bad file never throws:
 * it comes back as a {@link FileResult} with a {@link Failure}.
 */
public final class Jixiao {

    /** Length of the content-hash prefix that starts every record id. */
    private static final int KEY_HEX_CHARS = 16;

    private final Readers readers;
    private final TextNormalizer normalizer;
    private final FormExtractor extractor;

    private Jixiao(ReadLimits limits) {
        this.readers = new Readers(limits);
        this.normalizer = new TextNormalizer();
        HeadingDictionary dictionary = HeadingDictionary.load(normalizer);
        this.extractor = new FormExtractor(dictionary, new MeasureParser());
    }

    /** The national rule profile and the default read limits. */
    public static Jixiao withDefaults() {
        return new Jixiao(ReadLimits.defaults());
    }

    /** Reads and processes the file at {@code path}; I/O errors become a failure of that file. */
    public FileResult process(Path path) {
        String name = path.toString();
        try {
            long size = Files.size(path);
            if (size > ReadLimits.defaults().maxFileBytes()) {
                return FileResult.failed(new Failure(name, Stage.READ, "read.too_large",
                        "the file has %d bytes, more than the limit of %d".formatted(size, ReadLimits.defaults().maxFileBytes())));
            }
            return process(new Source(name, Files.readAllBytes(path)));
        } catch (IOException e) {
            return FileResult.failed(new Failure(name, Stage.READ, "read.io", "cannot read the file: " + e));
        }
    }

    /** Processes one file given as bytes. */
    public FileResult process(Source source) {
        Result<Document> read = readers.read(source);
        if (read instanceof Result.Failed<Document> f) {
            return FileResult.failed(f.failure());
        }
        Document document = normalizer.apply(((Result.Ok<Document>) read).value());
        Result<List<ProjectRecord>> extracted = extractor.extract(document, contentKey(source.content()));
        if (extracted instanceof Result.Failed<List<ProjectRecord>> f) {
            return FileResult.failed(f.failure());
        }
        List<AssessedRecord> assessed = ((Result.Ok<List<ProjectRecord>>) extracted).value().stream()
                .map(r -> new AssessedRecord(r, Assessment.none()))
                .toList();
        return FileResult.of(source.name(), assessed);
    }

    /** The first 16 hex digits of the SHA-256 of the content: stable across runs and file names. */
    static String contentKey(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, KEY_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
