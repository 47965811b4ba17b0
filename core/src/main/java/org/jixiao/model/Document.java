package org.jixiao.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A file's content as paragraphs and tables in reading order, independent of its format.
 *
 * @param sourceName the file name the document was read from, as given by the caller
 * @param format     the format it was read as (detected from content)
 * @param blocks     paragraphs and tables in document order
 */
public record Document(String sourceName, SourceFormat format, List<Block> blocks) {
    public Document {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        blocks = List.copyOf(blocks);
    }

    public List<Table> tables() {
        return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    public List<Paragraph> paragraphs() {
        return blocks.stream().filter(Paragraph.class::isInstance).map(Paragraph.class::cast).toList();
    }

    /** The same document with every paragraph's and cell's text passed through {@code f}. */
    public Document mapText(UnaryOperator<String> f) {
        List<Block> mapped = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            mapped.add(b instanceof Paragraph p ? new Paragraph(p.number(), f.apply(p.text()), p.line()) : ((Table) b).mapText(f));
        }
        return new Document(sourceName, format, mapped);
    }
}
