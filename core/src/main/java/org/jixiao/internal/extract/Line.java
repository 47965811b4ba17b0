package org.jixiao.internal.extract;

import org.jixiao.model.Cell;
import org.jixiao.model.Finding;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Row;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Table;

import java.util.List;
import java.util.Map;

/** One item of a document in reading order: a paragraph, or one row of cells. */
sealed interface Line permits Line.Text, Line.Cells {

    /** A paragraph outside tables. */
    record Text(Paragraph paragraph) implements Line {
        String text() {
            return paragraph.text();
        }
    }

    /** A row of cells, each of which knows where it came from. */
    sealed interface Cells extends Line permits TableRow, Chunk {
        Row row();

        SourceRef ref(Cell cell);

        default List<Cell> nonBlank() {
            return row().nonBlank();
        }
    }

    /**
     * Row {@code index} (0-based) of {@code table}, as the file has it, with its non-blank cells
     * listed once: locating the forms and reading each row ask for them several times per row.
     */
    record TableRow(Table table, int index, List<Cell> nonBlank) implements Cells {
        TableRow(Table table, int index) {
            this(table, index, table.rows().get(index).nonBlank());
        }

        @Override
        public Row row() {
            return table.rows().get(index);
        }

        @Override
        public SourceRef ref(Cell cell) {
            return table.ref(index, cell.col());
        }
    }

    /**
     * A row rebuilt from a flat run of cells (a text export that writes one cell per line with no
     * row boundaries): the cells are placed at the columns of the header they belong to, and each
     * keeps the location of the line it was read from. {@code findings} are what rebuilding the
     * row noticed (a glued cell with two readings, left blank); the record carries them.
     */
    record Chunk(Row row, Map<Integer, SourceRef> refsByColumn, List<Finding> findings) implements Cells {
        public Chunk {
            refsByColumn = Map.copyOf(refsByColumn);
            findings = List.copyOf(findings);
        }

        Chunk(Row row, Map<Integer, SourceRef> refsByColumn) {
            this(row, refsByColumn, List.of());
        }

        @Override
        public SourceRef ref(Cell cell) {
            SourceRef ref = refsByColumn.get(cell.col());
            if (ref == null) {
                throw new IllegalArgumentException("no cell at column " + cell.col());
            }
            return ref;
        }
    }
}
