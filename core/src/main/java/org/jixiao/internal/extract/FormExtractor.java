package org.jixiao.internal.extract;

import java.util.Map;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Failure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a normalized document into one {@link ProjectRecord} per form it holds.
 *
 * <p>Stateless and thread-safe: one instance serves every worker.
 */
public final class FormExtractor {

    /** The most characters of a heading's first line when a space cut it from the rest. */
    private static final int WRAPPED_HEAD = 4;

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;
    private final Prose prose;
    private final FormLocator locator;
    private final FlatTable flat;
    private final GluedText glued;
    private final SplitRow splitRows;
    private final Templates templates;

    public FormExtractor(HeadingDictionary dictionary, MeasureParser measures) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.measures = Objects.requireNonNull(measures, "measures");
        this.prose = Prose.shipped();
        this.locator = new FormLocator(dictionary, prose);
        this.flat = new FlatTable(dictionary, measures, prose);
        this.glued = new GluedText(dictionary, prose);
        this.splitRows = new SplitRow(dictionary, measures);
        this.templates = Templates.shipped();
    }

    /**
     * Rows of one cell that are one wrapped label ({@link WrappedLabel}) become one row, and two
     * neighbouring cells of a row that are one heading become one cell.
     */
    private List<Line> joinWrappedLabels(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line instanceof Line.Cells cells) {
                line = joinSplitHeadings(cells);
            }
            if (i + 1 < lines.size() && line instanceof Line.Cells a && lines.get(i + 1) instanceof Line.Cells b
                    && a.row().cells().size() == 1 && b.row().cells().size() == 1) {
                Cell first = a.row().cells().get(0);
                Optional<String> joined = WrappedLabel.join(dictionary, prose, first.text(), b.row().cells().get(0).text());
                if (joined.isPresent()) {
                    out.add(new Line.Chunk(new Row(List.of(Cell.of(0, joined.get()))), Map.of(0, a.ref(first))));
                    i++;
                    continue;
                }
            }
            out.add(line);
        }
        return out;
    }

    /**
     * {@code line} with each heading or level name that a space cut into two cells joined again: a
     * page's text whose cells are separated by single spaces also splits a heading written over two
     * lines in its cell ({@code 一级 指标}, {@code 经济效益 指标}). The joined cell takes the first one's
     * column and the cells after it move left, as the row's cells would stand had no space cut it.
     */
    private Line joinSplitHeadings(Line.Cells line) {
        List<Cell> cells = line.nonBlank();
        List<Cell> out = null;
        Map<Integer, SourceRef> refs = null;
        int shift = 0;
        for (int k = 0; k < cells.size(); k++) {
            Cell a = cells.get(k);
            Cell placed = shift == 0 ? a : new Cell(a.col() - shift, a.colSpan(), a.rowSpan(), a.text());
            // A heading may have been cut more than once (项目预算 | 执行情况 | (10分)).
            Optional<String> heading;
            while (k + 1 < cells.size() && (heading = splitHeading(placed, cells.get(k + 1), shift)).isPresent()) {
                if (out == null) {
                    out = new ArrayList<>(cells.size());
                    refs = new HashMap<>();
                    for (Cell before : cells.subList(0, k)) {
                        out.add(before);
                        refs.put(before.col(), line.ref(before));
                    }
                }
                placed = new Cell(placed.col(), placed.colSpan(), placed.rowSpan(), heading.get());
                // The cells after the joined one move left by the column it gave up.
                shift += cells.get(++k).colSpan();
            }
            if (out != null) {
                out.add(placed);
                refs.put(placed.col(), line.ref(a));
            }
        }
        return out == null ? line : new Line.Chunk(new Row(out), refs);
    }

    /**
     * The column heading or level name that cells {@code a} and {@code b}, side by side, make
     * together ({@code b} not yet moved left by {@code shift}); or a funds block's label with the
     * weight printed after it (预算执行情况 | (10分)).
     */
    private Optional<String> splitHeading(Cell a, Cell b, int shift) {
        // The cheap tests first: this is asked of every two neighbouring cells of every row.
        if (a.col() + a.colSpan() != b.col() - shift || a.rowSpan() != b.rowSpan() || b.text().isEmpty()) {
            return Optional.empty();
        }
        if (b.text().charAt(0) == '(') {
            LevelLabel weight = LevelLabel.of(b.text(), prose);
            return weight.isLost() && weight.weight().isPresent() && dictionary.is(a.text(), Field.FUNDS_BLOCK)
                    ? Optional.of(a.text() + b.text()) : Optional.empty();
        }
        if (a.text().length() > WRAPPED_HEAD || b.text().length() > WRAPPED_HEAD + 1) {
            return Optional.empty();
        }
        return WrappedLabel.join(dictionary, prose, a.text(), b.text()).filter(h -> dictionary.lookup(h)
                .filter(f -> HeaderModel.isHeading(f) || f.isLevel1Value() || f.isLevel2Value() || f == Field.FUNDS_BLOCK)
                .isPresent());
    }

    /**
     * Extracts every form of {@code document}.
     *
     * @param document  a document whose text went through {@code TextNormalizer}
     * @param recordKey a stable key of the file (its content hash); record ids are {@code <key>-<n>}
     * @return the forms in document order with the failures of the forms that could not be read
     *         (each naming its form's position), or {@code Failed} at stage {@code EXTRACT} when no
     *         form could be read: {@code extract.no_form} when nothing in the document is a form,
     *         {@code extract.template_unmatched} when an indicator header matches no template
     */
    public Result<ExtractedForms> extract(Document document, String recordKey) {
        List<Line> read = FormLocator.lines(document);
        // Glued text is read as a stream before anything looks for rows in it: its short lines
        // would otherwise pass for a flat run of cells.
        List<Line> lines = glued.rebuild(read).orElseGet(() -> splitRows.join(joinWrappedLabels(flat.expand(read))));
        List<List<Line>> regions = locator.regions(lines);
        List<ProjectRecord> records = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (List<Line> region : regions) {
            int formIndex = records.size() + failures.size() + 1;
            FormReader reader = new FormReader(dictionary, measures, prose, locator, templates);
            Result<ProjectRecord> r = reader.read(region, document.sourceName(), recordKey, formIndex, regions.size() > 1);
            if (r instanceof Result.Ok<ProjectRecord> ok) {
                records.add(ok.value());
            } else {
                Failure failure = ((Result.Failed<ProjectRecord>) r).failure();
                if (!failure.code().equals(FormReader.NOT_A_FORM)) {
                    failures.add(new Failure(failure.sourceFile(), failure.stage(), failure.code(), failure.message(),
                            Optional.of(formIndex)));
                }
            }
        }
        if (records.isEmpty() && failures.size() == 1) {
            Failure only = failures.get(0);
            return new Result.Failed<>(new Failure(only.sourceFile(), only.stage(), only.code(), only.message()));
        }
        if (records.isEmpty() && failures.isEmpty()) {
            // Several regions exist only where several parts name a project; one region is the
            // whole document, named or not, which the first sentence covers.
            String parts = regions.size() > 1
                    ? String.format(Locale.ROOT, "; %d parts of the document name a project, and none holds one", regions.size())
                    : "";
            return Result.failed(document.sourceName(), Stage.EXTRACT, "extract.no_form",
                    "no performance self-evaluation form found: no indicator table (a header row naming the "
                            + "indicator and its target, actual, weight or score)" + parts);
        }
        if (records.isEmpty()) {
            return new Result.Failed<>(failures.get(0));
        }
        return Result.ok(new ExtractedForms(records, failures));
    }
}
