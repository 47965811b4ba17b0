package org.jixiao.write;

import java.util.List;
import java.util.Objects;

/**
 * One rendered output row: the table it belongs to and its cells exactly as they are written to
 * CSV (numbers as plain strings, computed figures already rounded, text already guarded against
 * formula injection, absent values as empty strings).
 *
 * <p>Rendering once and writing the same strings everywhere is what lets a batch spool rows to its
 * journal and later write byte-identical CSV files from them.
 */
public record TableRow(OutputTable table, List<String> cells) {
    public TableRow {
        Objects.requireNonNull(table, "table");
        cells = List.copyOf(cells);
        if (cells.size() != table.columns().size()) {
            throw new IllegalArgumentException("a %s row has %d cells, got %d"
                    .formatted(table.label(), table.columns().size(), cells.size()));
        }
    }
}
