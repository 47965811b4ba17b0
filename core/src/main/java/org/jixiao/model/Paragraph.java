package org.jixiao.model;

import java.util.Objects;

/**
 * A paragraph outside any table: a title, a heading or a line of narrative.
 *
 * @param number 1-based position among the document's paragraphs (what {@link SourceRef.InText} cites)
 * @param text   the paragraph's text, never null (may be empty)
 */
public record Paragraph(int number, String text) implements Block {
    public Paragraph {
        if (number < 1) {
            throw new IllegalArgumentException("paragraph number is 1-based, got " + number);
        }
        Objects.requireNonNull(text, "text");
    }

    public SourceRef.InText ref() {
        return new SourceRef.InText(number);
    }
}
