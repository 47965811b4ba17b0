package org.jixiao.internal.write;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One rendered output row: the table it belongs to, its cells exactly as they are written
 * (numbers as plain strings, computed figures already rounded, text already guarded against
 * formula injection, absent values as empty strings), and those cells as one CSV line.
 *
 * <p>Rendering once and writing the same strings everywhere is what lets a batch spool rows to its
 * journal and later write byte-identical CSV files from them. The CSV line is quoted once, on first
 * use, and both the journal and {@link CsvSink} copy it (they used to quote every cell each).
 *
 * <p>Immutable as far as callers can tell (the line is a cache of the cells); equal when table and
 * cells are equal.
 */
public final class TableRow {

    /**
     * RFC 4180 quoting, as {@link CsvSink} writes; no record separator (each writer adds its own).
     * commons-csv synchronizes printing on the format, so lines are best rendered by one thread:
     * the batch renders them where it writes the outputs.
     */
    private static final CSVFormat LINE = CSVFormat.RFC4180.builder().setRecordSeparator((String) null).get();

    private final OutputTable table;
    private final List<String> cells;
    /** The rendered line once asked for; a racing second rendering would give the same string. */
    private String csvLine;

    public TableRow(OutputTable table, List<String> cells) {
        this.table = Objects.requireNonNull(table, "table");
        this.cells = List.copyOf(cells);
        if (this.cells.size() != table.columns().size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a %s row has %d cells, got %d",
                    table.label(), table.columns().size(), this.cells.size()));
        }
    }

    public OutputTable table() {
        return table;
    }

    public List<String> cells() {
        return cells;
    }

    /**
     * The cell under {@code column}, by the contract's column name: {@code cell("severity")} of a
     * findings row is {@code error}, {@code warning} or {@code info}.
     *
     * @throws IllegalArgumentException if the table has no such column (a bug of the caller)
     */
    public String cell(String column) {
        int index = table.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table.fileName() + " has no column " + column);
        }
        return cells.get(index);
    }

    /** This row with {@code value} under {@code column} (see {@link #cell(String)}). */
    public TableRow with(String column, String value) {
        int index = table.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table.fileName() + " has no column " + column);
        }
        List<String> changed = new ArrayList<>(cells);
        changed.set(index, Objects.requireNonNull(value, "value"));
        return new TableRow(table, changed);
    }

    /** The cells as one RFC 4180 CSV record, without a line end: {@code a,"b,c",""""}. */
    public String csvLine() {
        String line = csvLine;
        if (line == null) {
            line = csvLine(cells);
            csvLine = line;
        }
        return line;
    }

    /** {@code values} quoted as RFC 4180 requires, joined by commas, without a line end. */
    public static String csvLine(List<String> values) {
        // Sized for the cells, commas and a few quotes: a growing builder copied itself several
        // times per row (rows carry long texts: goals, messages).
        int length = values.size() + 16;
        for (String v : values) {
            length += v.length();
        }
        StringBuilder line = new StringBuilder(length);
        try {
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                // Most cells are numbers, Han text or empty, which no quoting touches: they are
                // appended as they are; commons-csv (a synchronized call per cell) quotes the rest.
                if (i > 0 && isPlain(v)) {
                    line.append(',').append(v);
                } else if (i == 0 && !v.isEmpty() && isPlain(v)) {
                    line.append(v);
                } else {
                    LINE.print(v, line, i == 0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return line.toString();
    }

    /**
     * Only ASCII letters and digits, dots and characters of the CJK unified ideographs block (or
     * nothing): text that RFC 4180 quoting writes as it is (except an empty first cell, which is
     * quoted). TableRowTest compares the result with commons-csv's for random cells.
     */
    private static boolean isPlain(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'
                    || (c >= '\u4E00' && c <= '\u9FFF'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRow other && table == other.table && cells.equals(other.cells);
    }

    @Override
    public int hashCode() {
        return 31 * table.hashCode() + cells.hashCode();
    }

    @Override
    public String toString() {
        return "TableRow[table=" + table + ", cells=" + cells + "]";
    }
}
