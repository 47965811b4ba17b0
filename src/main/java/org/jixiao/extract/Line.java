package org.jixiao.extract;

import org.jixiao.model.Cell;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Row;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Table;

import java.util.List;

/** One item of a document in reading order: a paragraph, or one row of a table. */
sealed interface Line permits Line.Text, Line.TableRow {

    /** A paragraph outside tables. */
    record Text(Paragraph paragraph) implements Line {
        String text() {
            return paragraph.text();
        }
    }

    /** Row {@code index} (0-based) of {@code table}. */
    record TableRow(Table table, int index) implements Line {
        Row row() {
            return table.rows().get(index);
        }

        List<Cell> nonBlank() {
            return row().nonBlank();
        }

        SourceRef ref(Cell cell) {
            return table.ref(index, cell.col());
        }
    }
}
