package org.jixiao.cli;

import org.jixiao.internal.read.BadFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PDF and OpenDocument files in a batch: each bad one is one errors.csv row with its own code, and
 * the good ones (a PDF named .doc, an .odt, a 300-page PDF of 150 forms) convert beside them.
 */
class PdfOdfBatchTest {

    @Test
    void everyBadPdfOrOdtIsOneErrorRowAndTheRestConvert(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path corpus = BatchConvertTest.corpus();
        byte[] form = Files.readAllBytes(corpus.resolve("shanxi-2020-it-ops/form.pdf"));
        Files.write(in.resolve("pdf-named.doc"), form);
        Files.copy(corpus.resolve("shanxi-2020-it-ops/form.odt"), in.resolve("form.odt"));
        Files.write(in.resolve("three-hundred-pages.pdf"), BadFiles.repeated(form, 150));
        Files.write(in.resolve("encrypted.pdf"), BadFiles.encryptedPdf());
        Files.write(in.resolve("scan.pdf"), BadFiles.scannedPdf());
        Files.write(in.resolve("truncated.pdf"), BadFiles.truncated(form));
        Files.write(in.resolve("deep-page-tree.pdf"), BadFiles.deepPageTree(10_000));
        Files.write(in.resolve("zip-bomb.odt"), BadFiles.odtZipBomb());
        Path outDir = tmp.resolve("out");
        CommandRun cli = new CommandRun();

        int code = assertTimeoutPreemptively(Duration.ofSeconds(180), () -> cli.execute("convert", in.toString(),
                "--out", outDir.toString(), "--threads", "2", "--timeout-seconds", "60"));

        assertEquals(1, code, cli.err.toString());
        Map<String, String> errors = new HashMap<>();
        List<String> lines = Files.readAllLines(outDir.resolve("errors.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 4);
            errors.merge(Path.of(cells[0]).getFileName().toString(), cells[2], (a, b) -> a + "+" + b);
        }
        assertEquals(Map.of(
                "encrypted.pdf", "read.pdf.encrypted",
                "scan.pdf", "read.pdf.no_text_layer",
                "truncated.pdf", "read.pdf.truncated",
                // the one page under the deep tree is the ruled test table, which is no form
                "deep-page-tree.pdf", errors.getOrDefault("deep-page-tree.pdf", "?"),
                "zip-bomb.odt", "read.zip.bomb"), errors);
        String deep = errors.get("deep-page-tree.pdf");
        assertTrue(deep.equals("extract.no_form") || deep.equals("read.too_deep"), deep);
        Map<String, Integer> records = new HashMap<>();
        for (String line : Files.readAllLines(outDir.resolve("projects.csv"), StandardCharsets.UTF_8)) {
            for (String name : List.of("pdf-named.doc", "form.odt", "three-hundred-pages.pdf")) {
                if (line.contains("/" + name + ",") && line.contains(",信息化运行维护费,")) {
                    records.merge(name, 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of("pdf-named.doc", 1, "form.odt", 1, "three-hundred-pages.pdf", 150), records);
    }
}
