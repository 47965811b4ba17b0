package org.jixiao;

import org.jixiao.internal.read.Readers;
import org.jixiao.model.Block;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Paragraph;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.Row;
import org.jixiao.model.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus and zoo form's own grid, as jixiao's .docx reader gives it, flattened the ways
 * text copied out of a page or a PDF viewer arrives (cells glued, or separated by pipes, spaces or
 * line breaks, empty cells lost), then read back and compared field by field with the record
 * jixiao reads from the .docx itself.
 *
 * <p>The floors below are what the readers reach today, kept so that they do not slide back. The
 * glued flattenings (issue 13) lose most where a reason glued to the next row's name has two
 * readings, and both are left blank; in the cell-per-line flattening, where nothing marks a row's
 * end, a row ends where the next one can begin, which a row cut short at the end of a page's
 * excerpt can still mislead.
 */
class FlattenedFormsTest {

    /**
     * How a form's grid is flattened into text: its paragraphs, and its table rows as the cells
     * that hold text, in order (a page's text keeps no empty cell).
     */
    enum Flattening {
        /** One line per table row, its cells glued; paragraphs as lines. */
        ROW_PER_LINE(lines -> join(lines, "", "\n")),
        /** The whole form on one line. */
        ONE_LINE(lines -> join(lines, "", "")),
        /** One line per row with every space dropped. */
        NO_SPACES(lines -> join(lines, "", "\n").replaceAll("[ \\t\\u3000\\u00A0]", "")),
        /** One line per row, cells closed by pipes ({@code a | b |}). */
        PIPES(lines -> join(lines.stream().map(l -> l.row() ? new Line(true, List.of(String.join(" | ", l.cells()) + " |")) : l)
                .toList(), "", "\n")),
        /** One line per row, cells separated by one space. */
        SINGLE_SPACES(lines -> join(lines, " ", "\n")),
        /** One line per row, cells separated by two spaces. */
        TWO_SPACES(lines -> join(lines, "  ", "\n")),
        /** Every cell on a line of its own, nothing marking where a row ends. */
        CELL_PER_LINE(lines -> join(lines, "\n", "\n"));

        final Function<List<Line>, String> text;

        Flattening(Function<List<Line>, String> text) {
            this.text = text;
        }

        private static String join(List<Line> lines, String betweenCells, String betweenLines) {
            return String.join(betweenLines, lines.stream().map(l -> String.join(betweenCells, l.cells())).toList()) + "\n";
        }
    }

    /** A paragraph (one cell) or a table row. */
    record Line(boolean row, List<String> cells) {
    }

    private static final Jixiao JIXIAO = Jixiao.withDefaults();
    private static final List<Path> FORMS = new ArrayList<>();

    @BeforeAll
    static void findForms() throws IOException, URISyntaxException {
        Path corpus = Path.of(FlattenedFormsTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.walk(corpus, 3)) {
            files.filter(p -> p.getFileName().toString().equals("form.docx")).sorted().forEach(FORMS::add);
        }
        assertTrue(FORMS.size() >= 50, "the corpus and its zoo hold " + FORMS.size() + " form.docx files");
    }

    @ParameterizedTest
    @EnumSource(Flattening.class)
    void everyFormFlattenedReadsBackToItsOwnRecord(Flattening flattening) {
        FieldScore total = FieldScore.NONE;
        StringBuilder worst = new StringBuilder();
        for (Path form : FORMS) {
            byte[] docx = bytes(form);
            String folder = form.getParent().getFileName().toString();
            ProjectRecord fromDocx = first(JIXIAO.process(new Source(folder + "/form.docx", docx)));
            String text = flattening.text.apply(lines(docx, folder));
            FileResult flat = JIXIAO.process(new Source(folder + "/flat.txt", text.getBytes(StandardCharsets.UTF_8)));
            FieldScore s = FieldScore.of(fromDocx).scored(flat.records().isEmpty()
                    ? new FieldScore.Fields(java.util.Map.of(), List.of()) : FieldScore.of(flat.records().get(0).record()));
            if (s.precision() < 0.95) {
                worst.append(folder).append(": ").append(s).append('\n');
            }
            total = total.plus(s);
        }
        double[] floor = switch (flattening) {
            case ROW_PER_LINE, NO_SPACES -> new double[] {0.99, 0.93};
            case ONE_LINE -> new double[] {0.99, 0.91};
            case PIPES -> new double[] {0.99, 0.995};
            case SINGLE_SPACES -> new double[] {0.99, 0.998};
            case TWO_SPACES -> new double[] {0.99, 0.998};
            case CELL_PER_LINE -> new double[] {0.99, 0.99};
        };
        String figures = String.format(Locale.ROOT, "%s over %d forms: %s%n%s", flattening, FORMS.size(), total, worst);
        System.out.println(figures);
        assertTrue(total.precision() >= floor[0] && total.recall() >= floor[1], figures);
    }

    /** The form's paragraphs and table rows in reading order, each row as its cells that hold text. */
    private static List<Line> lines(byte[] docx, String folder) {
        Result<Document> read = Readers.withDefaults().read(new Source(folder + "/form.docx", docx));
        Document d = ((Result.Ok<Document>) read).value();
        List<Line> lines = new ArrayList<>();
        for (Block b : d.blocks()) {
            if (b instanceof Paragraph p) {
                if (!p.text().isBlank()) {
                    lines.add(new Line(false, List.of(p.text().strip())));
                }
            } else {
                for (Row row : ((Table) b).rows()) {
                    List<String> cells = new ArrayList<>();
                    for (Cell c : row.cells()) {
                        // A cell's own lines run on in a page's text.
                        String text = c.text().replace('\n', ' ').strip();
                        if (!text.isEmpty()) {
                            cells.add(text);
                        }
                    }
                    if (!cells.isEmpty()) {
                        lines.add(new Line(true, cells));
                    }
                }
            }
        }
        return lines;
    }

    private static ProjectRecord first(FileResult r) {
        assertTrue(!r.records().isEmpty(), () -> r.sourceFile() + ": " + r.failures());
        return r.records().get(0).record();
    }

    private static byte[] bytes(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
