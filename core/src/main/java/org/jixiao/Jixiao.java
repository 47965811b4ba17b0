package org.jixiao;

import org.jixiao.internal.extract.ExtractedForms;
import org.jixiao.internal.extract.FormExtractor;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.internal.normalize.TextNormalizer;
import org.jixiao.internal.read.IoReasons;
import org.jixiao.internal.read.Logging;
import org.jixiao.internal.read.Readers;
import org.jixiao.internal.score.Scorer;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Document;
import org.jixiao.model.Failure;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline for one file: bytes in, assessed records or a failure out (read, normalize,
 * extract, score).
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

    /** Hex digits of the record key that starts every record id. */
    private static final int KEY_HEX_CHARS = 16;

    private final ReadLimits limits;
    private final Readers readers;
    private final TextNormalizer normalizer;
    private final FormExtractor extractor;
    private final Scorer scorer;

    private Jixiao(ReadLimits limits, RuleProfile profile) {
        // Before any POI class logs: no provider warning, no library log lines on the caller's console.
        Logging.quiet(false);
        this.limits = limits;
        this.readers = new Readers(limits);
        this.normalizer = Shipped.NORMALIZER;
        HeadingDictionary dictionary = Shipped.DICTIONARY;
        this.extractor = new FormExtractor(dictionary, new MeasureParser());
        this.scorer = new Scorer(profile, dictionary);
    }

    /**
     * The shipped heading dictionary, read once per class loader: it does not depend on the
     * builder's options, and reading it (3–5 ms, every heading normalized) was most of the cost of
     * a pipeline, paid again by every batch and by a caller that builds one per file. Both are
     * immutable; the dictionary's memo is bounded and thread-safe.
     */
    private static final class Shipped {
        static final TextNormalizer NORMALIZER = new TextNormalizer();
        static final HeadingDictionary DICTIONARY = HeadingDictionary.load(NORMALIZER);
    }

    /** The national rule profile (财预〔2020〕10号) and the default read limits. */
    public static Jixiao withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a pipeline; every one has a default. */
    public static final class Builder {
        private ReadLimits limits = ReadLimits.defaults();
        private RuleProfile profile = RuleProfile.national();

        private Builder() {
        }

        /** The limits every file is read under. */
        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The scoring rules (budget weight, grade bands, reverse formula, tolerance). */
        public Builder profile(RuleProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Jixiao build() {
            return new Jixiao(limits, profile);
        }
    }

    /**
     * Reads and processes the file at {@code path}; I/O errors become a failure of that file. Record
     * ids derive from the file's name (not its folder) and content: see {@link #recordKey}.
     */
    public FileResult process(Path path) {
        String name = path.toString();
        try {
            Optional<FileResult> refused = refuseBySize(name, Files.size(path));
            if (refused.isPresent()) {
                return refused.get();
            }
            Source source = new Source(name, Files.readAllBytes(path));
            return process(source, contentHash(source.content()), String.valueOf(path.getFileName()));
        } catch (IOException e) {
            return FileResult.failed(new Failure(name, Stage.READ, "read.io", "cannot read the file: " + IoReasons.describe(e)));
        }
    }

    /**
     * The failure ({@code read.too_large}) of a file of {@code size} bytes that the read limits
     * refuse before it is loaded; empty when the file is within them. For callers that read files
     * from elsewhere than the local file system (the Spark job) and must not load a huge one.
     *
     * @param sourceFile the file's name as the output names it
     */
    public Optional<FileResult> refuseBySize(String sourceFile, long size) {
        if (size <= limits.maxFileBytes()) {
            return Optional.empty();
        }
        return Optional.of(FileResult.failed(new Failure(sourceFile, Stage.READ, "read.too_large",
                String.format(Locale.ROOT, "the file has %d bytes, more than the limit of %d",
                        size, limits.maxFileBytes()))));
    }

    /**
     * Processes one file given as bytes; record ids derive from the last segment of its name (after
     * the last {@code /} or {@code \}) and its content.
     */
    public FileResult process(Source source) {
        return process(source, contentHash(source.content()));
    }

    /**
     * Processes one file whose {@link #contentHash} the caller already computed (a batch hashes
     * every file to find it in its journal; this spares the second digest); record ids as in
     * {@link #process(Source)}.
     */
    public FileResult process(Source source, String contentHash) {
        return process(source, contentHash, lastSegment(source.name()));
    }

    /**
     * Processes one file under the name its record ids derive from: a batch passes the path relative
     * to the folder the file was found in, so that two copies of one file in two folders get distinct
     * ids, and the same file gets the same ids in every run.
     *
     * @param contentHash {@link #contentHash} of {@code source.content()}
     * @param recordName  the name record ids derive from (see {@link #recordKey})
     */
    public FileResult process(Source source, String contentHash, String recordName) {
        Result<Document> read = readers.read(source);
        if (read instanceof Result.Failed<Document> f) {
            return FileResult.failed(f.failure());
        }
        Document document = normalizer.apply(((Result.Ok<Document>) read).value());
        Result<ExtractedForms> extracted = extractor.extract(document, recordKey(recordName, contentHash));
        if (extracted instanceof Result.Failed<ExtractedForms> f) {
            return FileResult.failed(f.failure());
        }
        ExtractedForms forms = ((Result.Ok<ExtractedForms>) extracted).value();
        List<AssessedRecord> assessed = forms.records().stream()
                .map(r -> new AssessedRecord(r, scorer.assess(r), contentHash))
                .toList();
        return FileResult.of(source.name(), assessed, forms.failures());
    }

    /**
     * The key every record id of a file starts with ({@code <key>-<form index>}): the first 16 hex
     * digits of the SHA-256 of {@code recordName}, a NUL and {@code contentHash}. The same name and
     * content give the same key in every run; two copies of one file under two names get two keys;
     * an edited file gets a new key.
     */
    public static String recordKey(String recordName, String contentHash) {
        Objects.requireNonNull(recordName, "recordName");
        Objects.requireNonNull(contentHash, "contentHash");
        return contentHash((recordName + "\u0000" + contentHash).getBytes(StandardCharsets.UTF_8))
                .substring(0, KEY_HEX_CHARS);
    }

    /** {@code a/b/form.docx} and {@code a\b\form.docx} give {@code form.docx}. */
    private static String lastSegment(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /** The SHA-256 of {@code content} in lower-case hex: the {@code content_hash} column. */
    public static String contentHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
