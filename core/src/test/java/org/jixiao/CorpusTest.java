package org.jixiao;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.ProjectRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every file of every corpus folder yields that folder's {@code expected.json}: the same project,
 * funds, every indicator row in order and the totals, whatever the file's format or encoding.
 */
class CorpusTest {

    private static final Jixiao JIXIAO = Jixiao.withDefaults();

    private static final List<String> FOLDERS = List.of("shanxi-2020-it-ops", "shanxi-2020-cloud-rent",
            "shanxi-2020-trading-center", "xinzhou-2020-it-build");

    /** The files every folder holds: the office exports and the seed text in three encodings. */
    private static final List<String> EVERY_FOLDER = List.of("form.docx", "form.doc", "form.html",
            "form.lo-export.html", "form.xlsx", "form.txt", "seed-utf8.txt", "seed-gb18030.txt",
            "seed-utf16le-bom.txt");

    /** The stress variants of single folders (corpus README, "Stress variants"). */
    private static final Map<String, List<String>> VARIANTS = Map.of(
            "shanxi-2020-it-ops", List.of("word-webpage.html", "word-webpage.gbk.html"),
            "shanxi-2020-cloud-rent", List.of("traditional.html", "traditional.docx", "traditional.txt",
                    "traditional-seed.txt", "traditional-seed.big5.txt"),
            "shanxi-2020-trading-center", List.of("split-table.html", "split-table.docx", "split-table.txt",
                    "raw-grid.html", "raw-grid.docx", "raw-grid.txt"),
            "xinzhou-2020-it-build", List.of("fullwidth-digits.html", "fullwidth-digits.docx",
                    "fullwidth-digits.txt"));

    static Stream<Arguments> corpusFiles() {
        List<Arguments> cases = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (String file : EVERY_FOLDER) {
                cases.add(Arguments.of(folder, file));
            }
            for (String file : VARIANTS.get(folder)) {
                cases.add(Arguments.of(folder, file));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("corpusFiles")
    void yieldsTheExpectedRecord(String folder, String file) throws IOException {
        ExpectedForm expected = ExpectedForm.of(folder);
        FileResult result = JIXIAO.process(source("/corpus/" + folder + "/" + file));
        assertTrue(result.failure().isEmpty(), () -> "failed: " + result.failure());
        assertEquals(1, result.records().size(), "forms found in " + file);
        assertAgrees(expected, result.records().get(0).record());
    }

    /**
     * Zoo PDFs whose table a page break cuts: inside a merged label (level1-weight-2), just above a
     * short text (placeholder-rows-3), between two whole rows of short texts (hubei-review-2 on a
     * shorter page), inside a row, before a glyph that took its comma along (level1-weight-2 on a
     * shorter page), under a label that fills its line (placeholder-rows-3 on a narrower page),
     * between two labels that each fill their first line (chongqing-department-1 on a taller page);
     * and a real form's centred label wrapped before a pinyin word (Yunnan on a narrower page).
     */
    static Stream<Arguments> pdfsAcrossAPageBreak() {
        return Stream.of(Arguments.of("zoo/level1-weight-2", "form.pdf"),
                Arguments.of("zoo/placeholder-rows-3", "form.pdf"),
                Arguments.of("zoo/hubei-review-2", "short-page.pdf"),
                Arguments.of("zoo/level1-weight-2", "short-page.pdf"),
                Arguments.of("zoo/placeholder-rows-3", "narrow-page.pdf"),
                Arguments.of("zoo/chongqing-department-1", "taller-page.pdf"),
                Arguments.of("s-yunnan-2020-lijiang-satellite-enforcement", "narrow-page.pdf"));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("pdfsAcrossAPageBreak")
    void readsAPdfWhoseTableThePageBreakCuts(String folder, String file) throws IOException {
        FileResult result = JIXIAO.process(source("/corpus/" + folder + "/" + file));
        assertTrue(result.failure().isEmpty(), () -> "failed: " + result.failure());
        assertEquals(1, result.records().size(), "forms found in " + file);
        assertAgrees(ExpectedForm.of(folder), result.records().get(0).record());
    }

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of("000_28d3029d6f3e5f97.txt", List.of("shanxi-2020-it-ops")),
                Arguments.of("002_e50b47335a0e3ea5.txt", List.of("xinzhou-2020-it-build")),
                Arguments.of("004_562d28581a714b1e.txt", List.of("shanxi-2020-cloud-rent", "shanxi-2020-trading-center")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void readsEveryFormOfTheOriginalSeed(String seed, List<String> folders) throws IOException {
        FileResult result = JIXIAO.process(source("/corpus/seeds/" + seed));
        assertTrue(result.failure().isEmpty(), () -> "failed: " + result.failure());
        List<AssessedRecord> records = result.records();
        assertEquals(folders.size(), records.size(), "forms found in " + seed);
        for (int i = 0; i < folders.size(); i++) {
            assertEquals(i + 1, records.get(i).record().formIndex());
            assertAgrees(ExpectedForm.of(folders.get(i)), records.get(i).record());
        }
    }

    static void assertAgrees(ExpectedForm expected, ProjectRecord record) {
        List<String> differences = expected.differences(record);
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s) from " + expected + "/expected.json:\n  "
                    + String.join("\n  ", differences));
        }
    }

    static Source source(String resource) throws IOException {
        try (InputStream in = CorpusTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            return new Source(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        }
    }
}
