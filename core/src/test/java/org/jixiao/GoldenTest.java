package org.jixiao;

import org.jixiao.internal.write.OutputTable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole-output golden test: each seed export converted end to end (the facade, then
 * {@link RecordWriter}, as a library user writes them) must give exactly the CSV files kept under
 * {@code src/test/resources/golden/<seed>/}. Regenerate with {@code -Dgolden.update=true} and
 * review the diff; never edit a golden file by hand to make this pass.
 */
class GoldenTest {

    private static final List<String> OUTPUTS =
            Stream.of(OutputTable.values()).map(OutputTable::fileName).toList();
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final String[] SEEDS = {"000_28d3029d6f3e5f97.txt", "002_e50b47335a0e3ea5.txt", "004_562d28581a714b1e.txt"};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"000_28d3029d6f3e5f97.txt", "002_e50b47335a0e3ea5.txt", "004_562d28581a714b1e.txt"})
    void seedConvertsToTheGoldenCsvFiles(String seed, @TempDir Path out) throws IOException {
        convertAndCompare(seed, out);
    }

    /**
     * The machine's locale must not reach the output: under these, {@code %d} writes Arabic-Indic,
     * Persian or Thai digits, and Turkish upper-cases {@code i} to a dotted {@code İ}.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("seedsUnderForeignLocales")
    void outputIsTheSameWhateverTheDefaultLocale(String seed, String languageTag, @TempDir Path out) throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(languageTag));
            convertAndCompare(seed, out);
        } finally {
            Locale.setDefault(before);
        }
    }

    static Stream<Arguments> seedsUnderForeignLocales() {
        return Stream.of("ar-EG", "fa-IR", "th-TH-u-nu-thai", "tr-TR")
                .flatMap(tag -> Stream.of(SEEDS).map(seed -> Arguments.of(seed, tag)));
    }

    private static void convertAndCompare(String seed, Path out) throws IOException {
        FileResult result = Jixiao.withDefaults().process(CorpusTest.source("/corpus/seeds/" + seed));
        try (RecordWriter writer = RecordWriter.to(out).open()) {
            writer.write(result);
            writer.commit();
        }
        String caseName = seed.substring(0, 3);
        for (String file : OUTPUTS) {
            String actual = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            if (UPDATE) {
                Path golden = Path.of("src/test/resources/golden", caseName, file);
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                continue;
            }
            assertEquals(golden(caseName, file), actual, caseName + "/" + file);
        }
    }

    private static String golden(String caseName, String file) throws IOException {
        String resource = "/golden/" + caseName + "/" + file;
        try (InputStream in = GoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + resource + " (run with -Dgolden.update=true)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
