package org.jixiao;

import org.jixiao.extract.ExtractedForms;
import org.jixiao.extract.FormExtractor;
import org.jixiao.model.AssessedRecord;
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
import org.jixiao.score.RuleProfile;
import org.jixiao.score.Scorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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

    /** Length of the content-hash prefix that starts every record id. */
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
        this.normalizer = new TextNormalizer();
        HeadingDictionary dictionary = HeadingDictionary.load(normalizer);
        this.extractor = new FormExtractor(dictionary, new MeasureParser());
        this.scorer = new Scorer(profile, dictionary);
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

    /** Reads and processes the file at {@code path}; I/O errors become a failure of that file. */
    public FileResult process(Path path) {
        String name = path.toString();
        try {
            long size = Files.size(path);
            if (size > limits.maxFileBytes()) {
                return FileResult.failed(new Failure(name, Stage.READ, "read.too_large",
                        String.format(Locale.ROOT, "the file has %d bytes, more than the limit of %d",
                                size, limits.maxFileBytes())));
            }
            return process(new Source(name, Files.readAllBytes(path)));
        } catch (IOException e) {
            return FileResult.failed(new Failure(name, Stage.READ, "read.io", "cannot read the file: " + e));
        }
    }

    /** Processes one file given as bytes. */
    public FileResult process(Source source) {
        return process(source, contentHash(source.content()));
    }

    /**
     * Processes one file whose {@link #contentHash} the caller already computed (a batch hashes
     * every file to find it in its journal; this spares the second digest).
     */
    public FileResult process(Source source, String contentHash) {
        Result<Document> read = readers.read(source);
        if (read instanceof Result.Failed<Document> f) {
            return FileResult.failed(f.failure());
        }
        Document document = normalizer.apply(((Result.Ok<Document>) read).value());
        Result<ExtractedForms> extracted = extractor.extract(document, contentHash.substring(0, KEY_HEX_CHARS));
        if (extracted instanceof Result.Failed<ExtractedForms> f) {
            return FileResult.failed(f.failure());
        }
        ExtractedForms forms = ((Result.Ok<ExtractedForms>) extracted).value();
        List<AssessedRecord> assessed = forms.records().stream()
                .map(r -> new AssessedRecord(r, scorer.assess(r)))
                .toList();
        return FileResult.of(source.name(), assessed, forms.failures());
    }

    /**
     * The SHA-256 of {@code content} in lower-case hex. Its first 16 digits start every record id of
     * the file, so ids are stable across runs and independent of the file's name.
     */
    public static String contentHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
