package org.jixiao.internal.read;

import org.jixiao.Source;
import org.jixiao.model.Document;
import org.jixiao.model.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct .docx/.xlsx path falls back to POI's package model silently, by design; these tests
 * make sure it is really the path taken for ordinary files, so a regression cannot hide as a
 * slowdown.
 */
class OfficeFilesTest {

    private static Source fixture(String path) throws IOException {
        try (InputStream in = OfficeFilesTest.class.getResourceAsStream("/corpus/" + path)) {
            return new Source(path, in.readAllBytes());
        }
    }

    /** What the direct path saw: the main part, its kind and the start of its XML. */
    private static Optional<String> mainPartSeenDirectly(Source source) {
        return OfficeFiles.readDirect(source, (zip, main) -> {
            try (InputStream in = zip.open(main.partName())) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(Result.<Document>failed(source.name(), org.jixiao.model.Stage.READ, "seen",
                        main.kind() + " " + main.partName() + " " + xml));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(r -> ((Result.Failed<Document>) r).failure().message());
    }

    @ParameterizedTest
    @CsvSource({
        "shanxi-2020-it-ops/form.docx, DOCX word/document.xml, <w:tbl",
        "shanxi-2020-trading-center/split-table.docx, DOCX word/document.xml, <w:tbl",
        "shanxi-2020-cloud-rent/traditional.docx, DOCX word/document.xml, <w:tbl",
        "xinzhou-2020-it-build/fullwidth-digits.docx, DOCX word/document.xml, <w:tbl",
        "shanxi-2020-it-ops/form.xlsx, XLSX xl/workbook.xml, <sheet ",
    })
    void readsTheMainPartStraightFromTheZip(String path, String main, String marker) throws IOException {
        Optional<String> seen = mainPartSeenDirectly(fixture(path));

        assertTrue(seen.isPresent(), "direct path taken for " + path);
        assertTrue(seen.get().startsWith(main + " "), seen.get().substring(0, 40));
        assertTrue(seen.get().contains(marker), "the main part holds " + marker);
    }

    @Test
    void leavesNonOfficeZipsAndOtherBytesToThePackageModel() throws IOException {
        assertEquals(Optional.empty(), mainPartSeenDirectly(new Source("notes.txt", "not a zip".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Optional.empty(), mainPartSeenDirectly(new Source("empty.zip", new byte[] {
            0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})));
    }

    @Test
    void resolvesRelationshipTargetsAgainstTheSourcePart() {
        assertEquals("xl/worksheets/sheet1.xml", OoxmlZip.resolve("xl/", "worksheets/sheet1.xml"));
        assertEquals("xl/worksheets/sheet1.xml", OoxmlZip.resolve("xl/", "/xl/worksheets/sheet1.xml"));
        assertEquals("xl/sharedStrings.xml", OoxmlZip.resolve("xl/worksheets/", "../sharedStrings.xml"));
        assertEquals("word/media/a.png", OoxmlZip.resolve("word/", "./media/a.png"));
    }
}
