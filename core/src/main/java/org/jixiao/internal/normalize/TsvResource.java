package org.jixiao.internal.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tab-separated vocabularies shipped beside these classes ({@code headings.tsv},
 * {@code measure-words.tsv}, {@code traditional-simplified.tsv}): UTF-8, a fixed header line, then
 * one entry a line with a fixed number of fields; blank lines and lines starting with {@code #} are
 * skipped. A missing or malformed file is a build bug, so it fails with an
 * {@link IllegalStateException} that names the file and the line. Public for the writer's own
 * vocabulary ({@code places.tsv}), which is read by the same rules.
 */
public final class TsvResource {

    /** One entry: its 1-based line number in the file and its fields. */
    public record Line(int number, List<String> fields) {
        public String field(int i) {
            return fields.get(i);
        }
    }

    private TsvResource() {
    }

    /** Reads resource {@code name} of this package, whose first line must be {@code header}. */
    static List<Line> read(String name, String header) {
        try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            return read(in, name, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Reads an open resource called {@code name} in messages, whose first line must be {@code header}.
     *
     * @throws IOException when the stream fails
     */
    public static List<Line> read(InputStream in, String name, String header) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = reader.readLine();
        if (!header.equals(first)) {
            throw new IllegalStateException("%s: first line must be '%s', got '%s'"
                    .formatted(name, header.replace("\t", "<TAB>"), first));
        }
        int width = header.split("\t", -1).length;
        List<Line> lines = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != width) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: expected %d tab-separated fields, got '%s'",
                        name, number, width, line));
            }
            lines.add(new Line(number, List.of(fields)));
        }
        return lines;
    }
}
