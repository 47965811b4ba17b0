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
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
