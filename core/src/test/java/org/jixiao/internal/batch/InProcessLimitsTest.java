package org.jixiao.internal.batch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files a batch parses in its own JVM: every ordinary form, no file a form could not be. */
class InProcessLimitsTest {

    private static final InProcessLimits DEFAULTS = InProcessLimits.defaults();

    private static Path form(String name) throws URISyntaxException {
        return Path.of(InProcessLimitsTest.class.getResource("/corpus/shanxi-2020-it-ops/" + name).toURI());
    }

    @Test
    void everyFormatOfAFormIsParsedInProcess() throws Exception {
        for (String name : new String[] {"form.docx", "form.xlsx", "form.doc", "form.html", "form.txt"}) {
            byte[] content = Files.readAllBytes(form(name));
            assertTrue(DEFAULTS.admitsSize(content.length), name);
            assertTrue(DEFAULTS.admits(content), name);
        }
    }

    @Test
    void theZipSizesAreTheCentralDirectorysDeclaredOnes() throws Exception {
        byte[] docx = Files.readAllBytes(form("form.docx"));
        long declared = InProcessLimits.declaredInflatedBytes(docx);
        long inflated = 0;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            while (zip.getNextEntry() != null) {
                inflated += zip.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        assertEquals(inflated, declared);
    }

    @Test
    void aSmallZipThatInflatesBeyondAFormGoesToAWorker() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
        }
        byte[] bomb = bytes.toByteArray();
        assertTrue(bomb.length < 200_000, "a 40 MiB part deflates to " + bomb.length + " bytes");
        assertEquals(40L * (1 << 20) + "<Types/>".length(), InProcessLimits.declaredInflatedBytes(bomb));
        assertFalse(DEFAULTS.admits(bomb));
    }

    @Test
    void aZipWhoseCentralDirectoryCannotBeReadGoesToAWorker() throws Exception {
        byte[] docx = Files.readAllBytes(form("form.docx"));
        byte[] truncated = Arrays.copyOf(docx, docx.length - 30); // the end record cut off
        assertFalse(DEFAULTS.admits(truncated));
        byte[] damaged = docx.clone();
        int end = docx.length - 22;
        while (!(docx[end] == 'P' && docx[end + 1] == 'K' && docx[end + 2] == 5 && docx[end + 3] == 6)) {
            end--; // back over an archive comment to the end record
        }
        damaged[end + 16] = (byte) 0xFF; // the central directory's offset now points past the end record
        damaged[end + 17] = (byte) 0xFF;
        assertFalse(DEFAULTS.admits(damaged));
        assertFalse(DEFAULTS.admits("PK but no zip".getBytes(StandardCharsets.UTF_8)),
                "a file that starts like a zip and is none is not parsed here either");
    }

    @Test
    void aFileLargerThanAnyFormGoesToAWorkerAndNoneWithoutLimits() throws Exception {
        assertFalse(DEFAULTS.admitsSize((1L << 20) + 1));
        assertFalse(DEFAULTS.admits(new byte[(1 << 20) + 1]));
        assertTrue(DEFAULTS.admits(new byte[1 << 20]), "a 1 MiB text of NULs is no zip");
        byte[] txt = Files.readAllBytes(form("form.txt"));
        assertFalse(InProcessLimits.none().admitsSize(txt.length));
        assertFalse(InProcessLimits.none().admits(txt));
        assertFalse(InProcessLimits.none().admitsSize(0), "not even an empty file");
    }
}
