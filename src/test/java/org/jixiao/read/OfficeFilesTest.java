package org.jixiao.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct .docx path falls back to POI's package model silently, by design; these tests make
 * sure it is really the path taken for ordinary files, so a regression cannot hide as a slowdown.
 */
class OfficeFilesTest {

    private static Source fixture(String path) throws IOException {
        try (InputStream in = OfficeFilesTest.class.getResourceAsStream("/corpus/" + path)) {
            return new Source(path, in.readAllBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanxi-2020-it-ops/form.docx", "shanxi-2020-trading-center/split-table.docx",
            "shanxi-2020-cloud-rent/traditional.docx", "xinzhou-2020-it-build/fullwidth-digits.docx"})
    void readsTheMainPartOfADocxStraightFromTheZip(String path) throws IOException {
        Optional<String> text = OfficeFiles.withDocxMain(fixture(path), (part, in) -> {
            try {
                return part + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertTrue(text.isPresent(), "direct path taken for " + path);
        assertTrue(text.get().startsWith("/word/document.xml "), text.get().substring(0, 40));
        assertTrue(text.get().contains("<w:tbl"), "the body holds the form's tables");
    }

    @Test
    void leavesWorkbooksAndNonOfficeZipsToThePackageModel() throws IOException {
        assertEquals(Optional.empty(), OfficeFiles.withDocxMain(fixture("shanxi-2020-it-ops/form.xlsx"), (p, in) -> p));
        assertEquals(Optional.empty(), OfficeFiles.withDocxMain(
                new Source("notes.txt", "not a zip".getBytes(StandardCharsets.UTF_8)), (p, in) -> p));
    }
}
