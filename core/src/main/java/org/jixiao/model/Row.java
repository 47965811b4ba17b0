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
        List<Cell> sorted = List.copyOf(cells);
        // The readers give cells in column order; sorting only when they are not spares a list
        // and a comparator per row (every row of every table comes through here, twice).
        if (!inColumnOrder(sorted)) {
            List<Cell> reordered = new ArrayList<>(sorted);
            reordered.sort(Comparator.comparingInt(Cell::col));
            sorted = List.copyOf(reordered);
        }
        for (int i = 1; i < sorted.size(); i++) {
            Cell prev = sorted.get(i - 1);
            if (prev.col() + prev.colSpan() > sorted.get(i).col()) {
                throw new IllegalArgumentException("overlapping cells at col " + sorted.get(i).col());
            }
        }
        cells = sorted;
    }

    private static boolean inColumnOrder(List<Cell> cells) {
        for (int i = 1; i < cells.size(); i++) {
            if (cells.get(i - 1).col() > cells.get(i).col()) {
                return false;
            }
        }
        return true;
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
