package org.jixiao.model;

import java.util.Objects;

/**
 * A paragraph outside any table: a title, a heading or a line of narrative.
 *
 * @param number 1-based position among the document's paragraphs (what {@link SourceRef.InText} cites)
 * @param text   the paragraph's text, never null (may be empty)
 * @param line   the 1-based line of a plain-text file the paragraph stands on; 0 for every other
 *               format, whose paragraphs have no line
 */
public record Paragraph(int number, String text, int line) implements Block {
    public Paragraph {
        if (number < 1) {
            throw new IllegalArgumentException("paragraph number is 1-based, got " + number);
        }
        Objects.requireNonNull(text, "text");
        if (line < 0) {
            throw new IllegalArgumentException("line is 1-based (0 for none), got " + line);
        }
    }

    /** A paragraph of a format without lines. */
    public Paragraph(int number, String text) {
        this(number, text, 0);
    }

    public SourceRef.InText ref() {
        return new SourceRef.InText(number);
    }
}
