package org.jixiao.internal.write;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CSV line a row is written as, once, for both the journal and the CSV files. */
class TableRowTest {

    private static final List<String> CELLS = List.of(
            "", "信息化运行维护费", "a,b", "他说\"良好\"", "第一行\n第二行", "'=SUM(A1)", "89.50");

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        TableRow row = new TableRow(OutputTable.ERRORS, List.of("in/a.docx", "read", "read.empty", "the file is empty", ""));
        assertEquals("in/a.docx,read,read.empty,the file is empty,", row.csvLine());
        assertEquals("\"\",x", TableRow.csvLine(List.of("", "x")), "an empty first cell is quoted, so a line is never blank");
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"", TableRow.csvLine(List.of("a,b", "say \"hi\"", "two\nlines")));
    }

    @Test
    void readsBackAsTheSameCells() throws IOException {
        String line = TableRow.csvLine(CELLS);
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(1, records.size());
            assertEquals(CELLS, records.get(0).toList());
        }
    }

    @Test
    void isTheLineCommonsCsvPrintsForTheSameRecord() throws IOException {
        StringBuilder printed = new StringBuilder();
        CSVFormat.RFC4180.printRecord(printed, CELLS.toArray());
        assertEquals(printed.toString(), TableRow.csvLine(CELLS) + "\r\n");
    }

    /**
     * Plain cells skip commons-csv; every line must still be the one it prints. Random records of
     * 1 to 6 cells over an alphabet of what plain cells hold and of every character quoting looks at
     * (separators, quotes, line ends, blanks and controls at either end, the comment sign).
     */
    @Test
    void isTheLineCommonsCsvPrintsForRandomRecords() throws IOException {
        String alphabet = "09azAZ.项目万元,\"\n\r \t#!=-+'@%\u3000\u00A0\u9FFF\u4E00\u4DFF\uA000（）";
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            List<String> cells = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            for (int i = 0; i < size; i++) {
                StringBuilder cell = new StringBuilder();
                int length = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
                // Half of the cells are drawn from the plain characters only, so both paths run often.
                int range = random.nextBoolean() ? 9 : alphabet.length();
                for (int k = 0; k < length; k++) {
                    cell.append(alphabet.charAt(random.nextInt(range)));
                }
                cells.add(cell.toString());
            }
            StringBuilder printed = new StringBuilder();
            CSVFormat.RFC4180.printRecord(printed, cells.toArray());
            assertEquals(printed.toString(), TableRow.csvLine(cells) + "\r\n", cells.toString());
        }
    }

    @Test
    void namesItsCellsByTheContractsColumns() {
        TableRow row = new TableRow(OutputTable.ERRORS, List.of("in/a.docx", "read", "read.empty", "the file is empty", ""));
        assertEquals("read.empty", row.cell("code"));
        assertEquals("in/a.docx", row.cell("source_file"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.cell("severity"));
        assertEquals("errors.csv has no column severity", e.getMessage());
    }

    @Test
    void isEqualByTableAndCells() {
        List<String> cells = List.of("in/a.docx", "read", "read.empty", "the file is empty", "");
        TableRow row = new TableRow(OutputTable.ERRORS, cells);
        row.csvLine();
        assertEquals(new TableRow(OutputTable.ERRORS, cells), row);
        assertEquals(new TableRow(OutputTable.ERRORS, cells).hashCode(), row.hashCode());
        assertNotEquals(new TableRow(OutputTable.ERRORS, List.of("in/b.docx", "read", "read.empty", "the file is empty", "")), row);
    }
}
