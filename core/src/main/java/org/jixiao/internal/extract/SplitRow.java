package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.Cell;
import org.jixiao.model.Row;
import org.jixiao.model.SourceRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table row a web page's text cut in two at a line break inside a cell: the row's names end
 * the first line, its figures open the next one.
 *
 * <pre>
 * 产出指标 | 数量指标 | 扶持发展新型农业经营主体 (个) |
 * 15 | 6 | 8.0 | |
 * </pre>
 *
 * The two lines are one row when the first holds text and no figure, none of it a column
 * heading, and the second opens with a figure, holds at least two cells and names nothing a
 * level or heading would: the second line's cells then follow the first line's last cell.
 */
final class SplitRow {

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;

    SplitRow(HeadingDictionary dictionary, MeasureParser measures) {
        this.dictionary = dictionary;
        this.measures = measures;
    }

    /** {@code lines} with every row split in two joined again. */
    List<Line> join(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (i + 1 < lines.size() && line instanceof Line.TableRow a && lines.get(i + 1) instanceof Line.TableRow b
                    && a.table() == b.table() && b.index() == a.index() + 1 && isFiguresFirst(b) && isNamesOnly(a)) {
                out.add(joined(a, b));
                i++;
                continue;
            }
            out.add(line);
        }
        return out;
    }

    private boolean isNamesOnly(Line.TableRow a) {
        List<Cell> cells = a.nonBlank();
        if (cells.size() < 2) {
            return false;
        }
        for (Cell c : cells) {
            if (isFigure(c) || dictionary.lookup(c.text()).filter(HeaderModel::isHeading).isPresent()) {
                return false;
            }
        }
        // The last cell is the one the line break cut: a name, not a level or other label.
        return dictionary.lookup(cells.get(cells.size() - 1).text()).isEmpty();
    }

    /** Asked of every row first: most rows open with a label or a name, and the answer is then one lookup. */
    private boolean isFiguresFirst(Line.TableRow b) {
        List<Cell> cells = b.nonBlank();
        if (cells.size() < 2 || !isFigure(cells.get(0))) {
            return false;
        }
        for (Cell c : cells) {
            if (dictionary.lookup(c.text()).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private boolean isFigure(Cell c) {
        return measures.parse(c.text()).value().isPresent();
    }

    private static Line joined(Line.TableRow a, Line.TableRow b) {
        List<Cell> first = a.nonBlank();
        List<Cell> second = b.nonBlank();
        int shift = first.get(first.size() - 1).col() + 1 - second.get(0).col();
        List<Cell> cells = new ArrayList<>(first.size() + second.size());
        Map<Integer, SourceRef> refs = new HashMap<>();
        for (Cell c : first) {
            cells.add(c);
            refs.put(c.col(), a.ref(c));
        }
        for (Cell c : second) {
            Cell moved = Cell.of(c.col() + shift, c.text());
            cells.add(moved);
            refs.put(moved.col(), b.ref(c));
        }
        return new Line.Chunk(new Row(cells), refs);
    }
}
