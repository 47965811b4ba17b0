package org.jixiao.extract;

import org.jixiao.model.Document;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.Stage;
import org.jixiao.normalize.HeadingDictionary;
import org.jixiao.normalize.MeasureParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a normalized document into one {@link ProjectRecord} per form it holds.
 *
 * <p>Stateless and thread-safe: one instance serves every worker.
 */
public final class FormExtractor {

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;
    private final Prose prose;
    private final FormLocator locator;
    private final FlatTable flat;

    public FormExtractor(HeadingDictionary dictionary, MeasureParser measures) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.measures = Objects.requireNonNull(measures, "measures");
        this.prose = Prose.load();
        this.locator = new FormLocator(dictionary, prose);
        this.flat = new FlatTable(dictionary, measures);
    }

    /**
     * Extracts every form of {@code document}.
     *
     * @param document  a document whose text went through {@code TextNormalizer}
     * @param recordKey a stable key of the file (its content hash); record ids are {@code <key>-<n>}
     * @return the forms in document order, or {@code Failed} at stage {@code EXTRACT}:
     *         {@code extract.no_form} when nothing in the document is a form, or a code naming
     *         the part of a form that could not be read faithfully
     */
    public Result<List<ProjectRecord>> extract(Document document, String recordKey) {
        List<Line> lines = flat.expand(FormLocator.lines(document));
        List<List<Line>> regions = locator.regions(lines);
        List<ProjectRecord> records = new ArrayList<>();
        for (List<Line> region : regions) {
            FormReader reader = new FormReader(dictionary, measures, prose, locator);
            Result<ProjectRecord> r = reader.read(region, document.sourceName(), recordKey, records.size() + 1);
            if (r instanceof Result.Ok<ProjectRecord> ok) {
                records.add(ok.value());
            } else {
                Result.Failed<ProjectRecord> failed = (Result.Failed<ProjectRecord>) r;
                if (!failed.failure().code().equals(FormReader.NOT_A_FORM)) {
                    return new Result.Failed<>(failed.failure());
                }
            }
        }
        if (records.isEmpty()) {
            // Several regions exist only where several parts name a project; one region is the
            // whole document, named or not, which the first sentence covers.
            String parts = regions.size() > 1
                    ? String.format(Locale.ROOT, "; %d parts of the document name a project, and none holds one", regions.size())
                    : "";
            return Result.failed(document.sourceName(), Stage.EXTRACT, "extract.no_form",
                    "no performance self-evaluation form found: no indicator table (a header row naming the "
                            + "indicator, its weight and its score) and no funds block" + parts);
        }
        return Result.ok(records);
    }
}
