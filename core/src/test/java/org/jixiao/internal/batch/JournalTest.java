package org.jixiao.internal.batch;

import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    private static final TableRow ERROR = new TableRow(OutputTable.ERRORS,
            List.of("in/a.txt", "read", "read.empty", "the file is empty (0 bytes)", ""));
    private static final TableRow FUND = new TableRow(OutputTable.FUNDS,
            List.of("abc-1", "其中:中央财政资金", "", "17049.23", "11601.09", "68.04", "10", "8.95\r\n\"quoted\""));

    @Test
    void aResumedJournalGivesBackTheRowsOfEveryFinishedFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        try (Journal j = Journal.create(file)) {
            j.append("in/a.txt", "h1", List.of(ERROR));
            j.append("in/b.txt", "h2", List.of(FUND, FUND));
        }
        try (Journal j = Journal.resume(file)) {
            assertEquals(2, j.size());
            assertEquals(List.of(ERROR), j.rows(j.find("in/a.txt", "h1").orElseThrow()));
            assertEquals(List.of(FUND, FUND), j.rows(j.find("in/b.txt", "h2").orElseThrow()));
            assertTrue(j.find("in/b.txt", "changed").isEmpty(), "a changed file is not reused");
            assertTrue(j.find("in/c.txt", "h1").isEmpty(), "an unknown file is not reused");
        }
    }

    /** Under Arabic the default locale's %d writes Arabic-Indic digits, which an ASCII header turns into '?'. */
    @Test
    void aJournalWrittenUnderAnArabicDefaultLocaleResumes(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            try (Journal j = Journal.create(file)) {
                j.append("in/a.txt", "h1", List.of(ERROR));
            }
            try (Journal j = Journal.resume(file)) {
                assertEquals(List.of(ERROR), j.rows(j.find("in/a.txt", "h1").orElseThrow()));
            }
        } finally {
            Locale.setDefault(before);
        }
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("JX2 "), "ASCII header");
    }

    @Test
    void aTornLastEntryIsCutOffAndTheJournalGoesOnFromThere(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        try (Journal j = Journal.create(file)) {
            j.append("in/a.txt", "h1", List.of(ERROR));
        }
        long complete = Files.size(file);
        // what kill -9 in the middle of a write leaves behind
        Files.writeString(file, "JX2 500 1234abcd\nfile,in/b.txt,h2\nfunds,abc", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (Journal j = Journal.resume(file)) {
            assertEquals(1, j.size());
            assertEquals(complete, Files.size(file), "the torn entry is cut off");
            j.append("in/b.txt", "h2", List.of(FUND));
        }
        try (Journal j = Journal.resume(file)) {
            assertEquals(List.of(FUND), j.rows(j.find("in/b.txt", "h2").orElseThrow()));
            assertEquals(List.of(ERROR), j.rows(j.find("in/a.txt", "h1").orElseThrow()));
        }
    }

    @Test
    void aHeaderWithANegativeLengthEndsTheUsablePart(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        try (Journal j = Journal.create(file)) {
            j.append("in/a.txt", "h1", List.of(ERROR));
        }
        long complete = Files.size(file);
        Files.writeString(file, "JX2 -1 0\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (Journal j = Journal.resume(file)) {
            assertEquals(1, j.size());
            assertEquals(complete, Files.size(file), "the damaged header is cut off");
        }
    }

    @Test
    void aCorruptedEntryEndsTheUsablePart(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        try (Journal j = Journal.create(file)) {
            j.append("in/a.txt", "h1", List.of(ERROR));
            j.append("in/b.txt", "h2", List.of(ERROR));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x20; // flip a bit in the last entry's payload
        Files.write(file, bytes);

        try (Journal j = Journal.resume(file)) {
            assertEquals(1, j.size());
            assertTrue(j.find("in/b.txt", "h2").isEmpty());
        }
    }

    /** A run's own entries go to disk for the next resume; memory does not grow with the batch. */
    @Test
    void entriesAppendedInARunAreFoundByTheNextResumeNotHeldInMemory(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        try (Journal j = Journal.create(file)) {
            j.append("in/a.txt", "h1", List.of(ERROR));
            j.append("in/b.txt", "h2", List.of(FUND));
            assertEquals(0, j.size());
            assertTrue(j.find("in/a.txt", "h1").isEmpty());
        }
        try (Journal j = Journal.resume(file)) {
            j.append("in/a.txt", "h3", List.of(FUND));
            assertEquals(2, j.size());
            assertEquals(List.of(ERROR), j.rows(j.find("in/a.txt", "h1").orElseThrow()), "the entry it was opened with");
        }
        try (Journal j = Journal.resume(file)) {
            assertEquals(List.of(FUND), j.rows(j.find("in/a.txt", "h3").orElseThrow()), "the later entry replaces the earlier");
            assertTrue(j.find("in/a.txt", "h1").isEmpty());
            assertEquals(List.of(FUND), j.rows(j.find("in/b.txt", "h2").orElseThrow()));
        }
    }

    /** Thousands of entries: the index grows many times over, and every file still finds its own. */
    @Test
    void aLargeJournalFindsEachFileItsOwnEntry(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        int files = 20_000;
        try (Journal j = Journal.create(file)) {
            for (int i = 0; i < files; i++) {
                j.append("archive/2020/form-" + i + ".docx", "hash-" + i, List.of(rowOf(i)));
            }
            // changed since: the later entries replace the first ones
            for (int i = 0; i < files; i += 7) {
                j.append("archive/2020/form-" + i + ".docx", "edited-" + i, List.of(rowOf(-i)));
            }
        }
        try (Journal j = Journal.resume(file)) {
            assertEquals(files, j.size());
            for (int i = 0; i < files; i++) {
                String name = "archive/2020/form-" + i + ".docx";
                boolean edited = i % 7 == 0;
                assertEquals(List.of(rowOf(edited ? -i : i)),
                        j.rows(j.find(name, (edited ? "edited-" : "hash-") + i).orElseThrow()), name);
                assertEquals(edited, j.find(name, "hash-" + i).isEmpty(), name);
                assertTrue(j.holds(name), name);
            }
            assertTrue(j.find("archive/2020/form-" + files + ".docx", "hash-" + files).isEmpty());
            assertFalse(j.holds("archive/2020/form-" + files + ".docx"));
        }
    }

    private static TableRow rowOf(int i) {
        return new TableRow(OutputTable.ERRORS, List.of("f" + i, "read", "read.empty", "n " + i, ""));
    }

    /** The index keeps fingerprints, not names: 80,000 paths that differ by a character, or in the order of their numbers, get 80,000. */
    @Test
    void fingerprintsOfSimilarPathsDiffer() {
        Set<Long> seen = new HashSet<>();
        int names = 0;
        for (int a = 0; a < 100; a++) {
            for (int b = 0; b < 100; b++) {
                for (String form : List.of("表%d-%d.docx", "表%d_%d.docx", "%d/%d/表.docx", "%d/表/%d.docx")) {
                    names++;
                    seen.add(Journal.fingerprint(String.format(Locale.ROOT, "/archive/" + form, a, b)));
                    names++;
                    seen.add(Journal.fingerprint(String.format(Locale.ROOT, "/archive/" + form, b, a) + " "));
                }
            }
        }
        assertEquals(names, seen.size());
    }

    @Test
    void createStartsEmpty(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("journal");
        try (Journal j = Journal.create(file)) {
            j.append("in/a.txt", "h1", List.of(ERROR));
        }
        try (Journal j = Journal.create(file)) {
            assertEquals(0, j.size());
        }
        assertEquals(0, Files.size(file));
    }
}
