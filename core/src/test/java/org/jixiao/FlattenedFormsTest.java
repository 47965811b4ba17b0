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
 * Every corpus and zoo form's own grid, as jixiao's .docx reader gives it, flattened the three
 * ways text copied out of a page or a PDF viewer arrives, then read back and compared field by
 * field with the record jixiao reads from the .docx itself.
 *
 * <p>The floors below are what the token-stream reading reaches today, kept so that it does not
 * slide back; issue 13 asks for 99 % precision and 85 % recall on each flattening, which it does
 * not yet reach (the one-line flattening loses most: a reason glued to the next row's name has two
 * readings, and both are left blank).
 */
class FlattenedFormsTest {

    /** How a form's grid is flattened into text. */
    enum Flattening {
        /** One line per table row, its cells glued; paragraphs as lines. */
        ROW_PER_LINE(lines -> String.join("\n", lines)),
        /** The whole form on one line. */
        ONE_LINE(lines -> String.join("", lines)),
        /** One line per row with every space dropped. */
        NO_SPACES(lines -> String.join("\n", lines).replaceAll("[ \\t\\u3000\\u00A0]", ""));

        final Function<List<String>, String> text;

        Flattening(Function<List<String>, String> text) {
            this.text = text;
        }
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
            case ROW_PER_LINE, NO_SPACES -> new double[] {0.99, 0.865};
            case ONE_LINE -> new double[] {0.99, 0.855};
        };
        String figures = String.format(Locale.ROOT, "%s over %d forms: %s%n%s", flattening, FORMS.size(), total, worst);
        System.out.println(figures);
        assertTrue(total.precision() >= floor[0] && total.recall() >= floor[1], figures);
    }

    /** The form's paragraphs and table rows in reading order, each row's cells glued together. */
    private static List<String> lines(byte[] docx, String folder) {
        Result<Document> read = Readers.withDefaults().read(new Source(folder + "/form.docx", docx));
        Document d = ((Result.Ok<Document>) read).value();
        List<String> lines = new ArrayList<>();
        for (Block b : d.blocks()) {
            if (b instanceof Paragraph p) {
                if (!p.text().isBlank()) {
                    lines.add(p.text().strip());
                }
            } else {
                for (Row row : ((Table) b).rows()) {
                    StringBuilder glued = new StringBuilder();
                    for (Cell c : row.cells()) {
                        glued.append(c.text().strip());
                    }
                    if (!glued.isEmpty()) {
                        lines.add(glued.toString());
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
