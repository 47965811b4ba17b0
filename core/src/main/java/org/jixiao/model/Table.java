package org.jixiao.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A table as a grid of rows.
 *
 * @param number   1-based position among the document's tables (what {@link SourceRef.InTable} cites)
 * @param sheet    the workbook sheet this table was read from; empty for other formats
 * @param rows     the rows top to bottom
 * @param rowPages the 1-based page each row stands on, one per row, for formats with pages (PDF);
 *                 empty for the others
 */
public record Table(int number, String sheet, List<Row> rows, List<Integer> rowPages) implements Block {
    public Table {
        if (number < 1) {
            throw new IllegalArgumentException("table number is 1-based, got " + number);
        }
        Objects.requireNonNull(sheet, "sheet");
        rows = List.copyOf(rows);
        rowPages = List.copyOf(rowPages);
        if (!rowPages.isEmpty() && rowPages.size() != rows.size()) {
            throw new IllegalArgumentException("rowPages has %d entries for %d rows".formatted(rowPages.size(), rows.size()));
        }
        for (int page : rowPages) {
            if (page < 1) {
                throw new IllegalArgumentException("pages are 1-based, got " + page);
            }
        }
    }

    public Table(int number, String sheet, List<Row> rows) {
        this(number, sheet, rows, List.of());
    }

    public Table(int number, List<Row> rows) {
        this(number, "", rows);
    }

    /** The location of the cell anchored at 0-based {@code row}, {@code col}, with its page when the format has pages. */
    public SourceRef.InTable ref(int row, int col) {
        int page = rowPages.isEmpty() || row < 0 || row >= rowPages.size() ? 0 : rowPages.get(row);
        return new SourceRef.InTable(sheet, page, number, row + 1, col + 1);
    }

    /** Width of the grid: one past the right edge of the widest row. */
    public int columnCount() {
        int max = 0;
        for (Row r : rows) {
            for (Cell c : r.cells()) {
                max = Math.max(max, c.col() + c.colSpan());
            }
        }
        return max;
    }

    /** The same table with every cell's text passed through {@code f}. */
    public Table mapText(UnaryOperator<String> f) {
        // Loops, not streams: this runs for every cell of every file, and the stream pipelines were
        // much of what the JIT compiled for the normalizing step.
        List<Row> mapped = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Cell> cells = new ArrayList<>(r.cells().size());
            for (Cell c : r.cells()) {
                cells.add(c.withText(f.apply(c.text())));
            }
            mapped.add(new Row(cells));
        }
        return new Table(number, sheet, mapped, rowPages);
    }
}
