package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the forms inside a document and cuts its lines into one region per form.
 *
 * <p>A form begins where its 项目名称 is stated (a header row, or a {@code 项目名称：…} line of a
 * report), together with the title and year lines just above it. Several forms in one file
 * (seed 004) give several regions; a report that repeats its indicator table in an annex (seed
 * 002) states its project name once and stays one region. A document with no 项目名称 at all is
 * cut at its form titles, or taken whole. What comes before the first form is taken into it,
 * unless it holds an indicator header: then it is the rest of a form the page cut off above, a
 * region of its own.
 */
final class FormLocator {

    /** The longest label a {@code 项目名称 X} line opens with (主管部门（盖章） and its variants). */
    private static final int MAX_SPACED_LABEL = 12;

    private final HeadingDictionary dictionary;
    private final Prose prose;

    FormLocator(HeadingDictionary dictionary, Prose prose) {
        this.dictionary = dictionary;
        this.prose = prose;
    }

    /** The document as lines in reading order: paragraphs and table rows. */
    static List<Line> lines(Document document) {
        List<Line> lines = new ArrayList<>();
        for (Block b : document.blocks()) {
            if (b instanceof Paragraph p) {
                lines.add(new Line.Text(p));
            } else {
                Table t = (Table) b;
                for (int r = 0; r < t.rows().size(); r++) {
                    lines.add(new Line.TableRow(t, r));
                }
            }
        }
        return lines;
    }

    /** The regions of {@code lines}, one per form, in document order; empty if nothing looks like a form. */
    List<List<Line>> regions(List<Line> lines) {
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (statesProjectName(lines.get(i))) {
                anchors.add(i);
            }
        }
        if (anchors.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                if (isSingleText(lines.get(i)) && singleText(lines.get(i)).filter(prose::isTitle).isPresent()) {
                    anchors.add(i);
                }
            }
        }
        if (anchors.isEmpty()) {
            return lines.isEmpty() ? List.of() : List.of(lines);
        }
        List<Integer> starts = new ArrayList<>();
        int previous = -1;
        for (int anchor : anchors) {
            int start = anchor;
            // Take in the title and year lines written just above the anchor.
            while (start - 1 > previous && isSingleText(lines.get(start - 1))) {
                start--;
            }
            if (previous < 0 && start > 0 && holdsIndicatorHeader(lines.subList(0, start))) {
                // A page cut into the form before this one: its indicator rows are its own, not
                // this form's.
                starts.add(0);
            }
            starts.add(previous < 0 && starts.isEmpty() ? 0 : start);
            previous = anchor;
        }
        List<List<Line>> regions = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            regions.add(List.copyOf(lines.subList(starts.get(k), end)));
        }
        return regions;
    }

    /**
     * True if 项目名称 heads a column here rather than labels a value: two more headings follow it,
     * or three cells or more of which none is a label (a report's table of funds received,
     * 项目名称 | 中央、省、市(州)、县级财政资金 | 资金计划 | 资金到位情况). A form's own 项目名称 row holds
     * its name, and any more cells are label and value (主管部门 | …).
     */
    boolean namesColumns(List<Cell> cells) {
        int headings = 0;
        for (int k = 1; k < cells.size(); k++) {
            if (dictionary.lookup(cells.get(k).text()).isPresent()) {
                headings++;
            }
        }
        return headings >= 2 || headings == 0 && cells.size() >= 4;
    }

    /** True if one of {@code lines} is an indicator table's header row. */
    private boolean holdsIndicatorHeader(List<Line> lines) {
        for (Line line : lines) {
            if (line instanceof Line.Cells row && row.nonBlank().size() >= 3
                    && HeaderModel.parse(row.row().cells(), List.of(), dictionary).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A paragraph, or a row holding one piece of text (titles in spreadsheets and flat exports). */
    private static boolean isSingleText(Line line) {
        return line instanceof Line.Text || ((Line.Cells) line).nonBlank().size() <= 1;
    }

    private static Optional<String> singleText(Line line) {
        if (line instanceof Line.Text t) {
            return Optional.of(t.text());
        }
        return ((Line.Cells) line).nonBlank().stream().findFirst().map(Cell::text);
    }

    private boolean statesProjectName(Line line) {
        if (line instanceof Line.Cells row) {
            List<Cell> cells = row.nonBlank();
            return !cells.isEmpty() && (dictionary.is(cells.get(0).text(), Field.PROJECT_NAME) && !namesColumns(cells)
                    || cells.size() == 1 && labelledText(cells.get(0).text(), Field.PROJECT_NAME).isPresent());
        }
        return labelledText(((Line.Text) line).text(), Field.PROJECT_NAME).isPresent();
    }

    /** For {@code 项目名称：X} returns X when the part before the colon is a variant of {@code field}. */
    Optional<String> labelledText(String text, Field field) {
        Optional<Labelled> labelled = labelled(text);
        return labelled.isPresent() && labelled.get().field() == field
                ? Optional.of(labelled.get().value()) : Optional.empty();
    }

    /** A {@code label：value} line: the label's field and the value. */
    record Labelled(Field field, String value) {
    }

    /**
     * For {@code 项目名称：X}, the field the part before the colon names and X; empty when that part
     * is no known label or X is no value. One dictionary lookup serves every field a line may
     * label (the extractor looks for four on every paragraph and single-cell row).
     */
    Optional<Labelled> labelled(String text) {
        int colon = indexOfColon(text);
        if (colon <= 0) {
            return spaced(text);
        }
        Optional<Field> field = dictionary.lookup(text.substring(0, colon));
        if (field.isEmpty()) {
            return Optional.empty();
        }
        String value = text.substring(colon + 1).strip();
        // 主管部门(盖章):   单位:万元 is a line to sign and stamp, not a value.
        if (value.isEmpty() || prose.isUnitStatement(value)) {
            return Optional.empty();
        }
        return Optional.of(new Labelled(field.get(), value));
    }

    /**
     * {@code 项目名称 X}: a page's text that separates cells by single spaces writes a form's head
     * row of two cells as a paragraph with no colon. Only the head's labels are taken so, and only
     * with one value after them.
     */
    private Optional<Labelled> spaced(String text) {
        int space = 0;
        while (space < text.length() && text.charAt(space) != ' ' && text.charAt(space) != '\u3000') {
            space++;
        }
        if (space == 0 || space > MAX_SPACED_LABEL || space == text.length()) {
            return Optional.empty();
        }
        String value = text.substring(space).strip();
        // One value, no more cells after it (项目名称 | 资金计划 | … is a header row written as text).
        if (value.isEmpty() || !Character.isLetterOrDigit(value.codePointAt(0))
                || value.chars().anyMatch(c -> c == ' ' || c == '\u3000' || c == '|')) {
            return Optional.empty();
        }
        return dictionary.lookup(text.substring(0, space)).filter(FormReader.HEADER_LABELS::contains)
                .filter(f -> dictionary.lookup(value).isEmpty())
                .map(f -> new Labelled(f, value));
    }

    private static int indexOfColon(String text) {
        int ascii = text.indexOf(':');
        int wide = text.indexOf('\uFF1A');
        if (ascii < 0) {
            return wide;
        }
        return wide < 0 ? ascii : Math.min(ascii, wide);
    }
}
