package org.jixiao.model;

import java.util.Locale;

/**
 * Where a value came from in the original file, counted 1-based as an auditor counts.
 *
 * <p>A cell of a table ({@link InTable}), a paragraph of running text ({@link InText}), or a
 * line of a plain-text file whose table cells were glued together ({@link InLine}). {@link #describe()} gives the text written to the {@code source_ref}
 * columns, e.g. {@code table 3, row 7, col 5}, {@code sheet Sheet1, table 1, row 4, col 2} or
 * {@code page 2, table 1, row 7, col 5}.
 */
public sealed interface SourceRef permits SourceRef.InTable, SourceRef.InText, SourceRef.InLine {

    /** The human-readable location written to CSV. */
    String describe();

    /**
     * A table cell. {@code sheet} is empty except for workbooks; {@code page} is 0 except for
     * formats with pages (PDF), where it is the 1-based page the cell's row stands on.
     */
    record InTable(String sheet, int page, int table, int row, int col) implements SourceRef {
        public InTable {
            java.util.Objects.requireNonNull(sheet, "sheet");
            if (table < 1 || row < 1 || col < 1) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "SourceRef is 1-based, got table=%d row=%d col=%d",
                                table, row, col));
            }
            if (page < 0) {
                throw new IllegalArgumentException("page is 1-based (0 for none), got " + page);
            }
        }

        /** A cell of a format without pages. */
        public InTable(String sheet, int table, int row, int col) {
            this(sheet, 0, table, row, col);
        }

        public static InTable of(int table, int row, int col) {
            return new InTable("", table, row, col);
        }

        @Override
        public String describe() {
            // Concatenation, not formatted(): every output row describes its source cell.
            String cell = "table " + table + ", row " + row + ", col " + col;
            if (page > 0) {
                cell = "page " + page + ", " + cell;
            }
            return sheet.isEmpty() ? cell : "sheet " + sheet + ", " + cell;
        }
    }

    /** A paragraph of running text (a heading, a narrative line, a title). */
    record InText(int paragraph) implements SourceRef {
        public InText {
            if (paragraph < 1) {
                throw new IllegalArgumentException("paragraph is 1-based, got " + paragraph);
            }
        }

        @Override
        public String describe() {
            return "paragraph " + paragraph;
        }
    }

    /**
     * A line of a plain-text file: where a value of a form whose cells were glued together (text
     * copied from a web page or a PDF viewer) stands, as {@code line 12}.
     */
    record InLine(int line) implements SourceRef {
        public InLine {
            if (line < 1) {
                throw new IllegalArgumentException("line is 1-based, got " + line);
            }
        }

        @Override
        public String describe() {
            return "line " + line;
        }
    }
}
