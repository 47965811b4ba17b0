package org.jixiao.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One row of a table: the cells anchored in this row, in ascending column order.
 * Positions covered by a merge from the left or from above hold no cell.
 */
public record Row(List<Cell> cells) {
    public Row {
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingInt(Cell::col));
        for (int i = 1; i < sorted.size(); i++) {
            Cell prev = sorted.get(i - 1);
            if (prev.col() + prev.colSpan() > sorted.get(i).col()) {
                throw new IllegalArgumentException("overlapping cells at col " + sorted.get(i).col());
            }
        }
        cells = List.copyOf(sorted);
    }

    /** The cells that hold text. */
    public List<Cell> nonBlank() {
        // A loop, not a stream: the extractor asks for it several times per row.
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            if (!c.isBlank()) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
