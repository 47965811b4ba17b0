package org.jixiao.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jixiao.Jixiao;
import org.jixiao.RecordWriter;
import org.jixiao.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A library user who writes with RecordWriter gets the command line's tables, byte for byte. */
class SameTablesAsLibraryTest {

    private static final List<String> TABLES =
            List.of("projects.csv", "indicators.csv", "funds.csv", "goals.csv", "findings.csv", "errors.csv");

    @Test
    void recordWriterWritesWhatConvertWrites(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        // two copies of one file (linked by duplicate_of), a file of two forms, a file that fails
        List<String> files = List.of("a/000.txt", "b/000.txt", "c/004.txt", "d/empty.txt");
        copy("000_28d3029d6f3e5f97.txt", in.resolve(files.get(0)));
        copy("000_28d3029d6f3e5f97.txt", in.resolve(files.get(1)));
        copy("004_562d28581a714b1e.txt", in.resolve(files.get(2)));
        Files.createDirectories(in.resolve("d"));
        Files.write(in.resolve(files.get(3)), new byte[0]);

        Path cli = tmp.resolve("cli");
        assertEquals(1, new CommandRun().execute("convert", in.toString(), "--out", cli.toString(), "--quiet"),
                "one input failed");

        Path library = tmp.resolve("library");
        Jixiao jixiao = Jixiao.withDefaults();
        try (RecordWriter writer = RecordWriter.to(library).open()) {
            for (String file : files) {
                Path path = in.resolve(file);
                byte[] content = Files.readAllBytes(path);
                // named as the command line names them: the path as found, the record name relative to the folder
                writer.write(jixiao.process(new Source(path.toString(), content), Jixiao.contentHash(content), file));
            }
            writer.commit();
        }

        for (String table : TABLES) {
            assertEquals(Files.readString(cli.resolve(table), StandardCharsets.UTF_8),
                    Files.readString(library.resolve(table), StandardCharsets.UTF_8), table);
        }
        // what the comparison covered: four forms, one a copy of another, and a failed file
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser projects = CSVParser.parse(cli.resolve("projects.csv"), StandardCharsets.UTF_8, format)) {
            List<CSVRecord> rows = projects.getRecords();
            assertEquals(4, rows.size());
            assertEquals(1, rows.stream().filter(r -> !r.get("duplicate_of").isEmpty()).count());
        }
        assertEquals(2, Files.readAllLines(cli.resolve("errors.csv"), StandardCharsets.UTF_8).size());
    }

    private static void copy(String seed, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream resource = SameTablesAsLibraryTest.class.getResourceAsStream("/corpus/seeds/" + seed)) {
            Files.write(target, resource.readAllBytes());
        }
    }
}
