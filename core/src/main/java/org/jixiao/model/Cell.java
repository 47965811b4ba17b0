package org.jixiao.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One cell of a table grid, anchored at its top-left grid position.
 *
 * <p>A merged cell is one {@code Cell} with spans greater than 1; the grid positions it covers
 * hold no cell of their own. A Word {@code gridSpan}/{@code vMerge}, an HTML
 * {@code colspan}/{@code rowspan} and a spreadsheet merged region all end up here the same way,
 * so extraction never needs to know the format.
 *
 * @param col     0-based grid column of the top-left corner
 * @param colSpan grid columns covered, at least 1
 * @param rowSpan grid rows covered, at least 1
 * @param text    the cell's text with paragraphs joined by a newline; never null
 */
public record Cell(int col, int colSpan, int rowSpan, String text) {
    public Cell {
        if (col < 0 || colSpan < 1 || rowSpan < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "bad cell geometry col=%d colSpan=%d rowSpan=%d",
                            col, colSpan, rowSpan));
        }
        Objects.requireNonNull(text, "text");
    }

    /** A single grid cell. */
    public static Cell of(int col, String text) {
        return new Cell(col, 1, 1, text);
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public Cell withText(String newText) {
        return new Cell(col, colSpan, rowSpan, newText);
    }
}
