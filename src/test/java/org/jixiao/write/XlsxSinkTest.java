package org.jixiao.write;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxSinkTest {

    private static TableRow fundsRow() {
        return new TableRow(OutputTable.FUNDS,
                List.of("abc-1", "'-其中:中央财政资金", "", "17049.23", "11601.09", "68.04", "10", "not a number"));
    }

    @Test
    void writesOneSheetPerTableWithAFrozenHeaderAndNumbersAsNumbers(@TempDir Path dir) throws IOException {
        Path spool = dir.resolve(".spool");
        try (XlsxSink sink = new XlsxSink(dir, spool)) {
            sink.accept(fundsRow());
            sink.accept(new TableRow(OutputTable.ERRORS, List.of("a.docx", "read", "read.empty", "empty", "")));
            assertFalse(Files.exists(dir.resolve(XlsxSink.FILE_NAME)), "nothing visible before commit");
            sink.commit();
        }

        try (InputStream in = Files.newInputStream(dir.resolve(XlsxSink.FILE_NAME));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("projects", "indicators", "funds", "goals", "findings", "errors"), names);

            Sheet funds = wb.getSheet("funds");
            assertEquals(1, funds.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertEquals("full_year_budget", funds.getRow(0).getCell(3).getStringCellValue());
            var row = funds.getRow(1);
            assertEquals(CellType.STRING, row.getCell(0).getCellType());
            assertEquals("'-其中:中央财政资金", row.getCell(1).getStringCellValue());
            assertNull(row.getCell(2), "an empty value leaves the cell empty");
            assertEquals(CellType.NUMERIC, row.getCell(3).getCellType());
            assertEquals(17049.23, row.getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(68.04, row.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("not a number", row.getCell(7).getStringCellValue(), "unparseable numbers stay as text");

            assertEquals("read.empty", wb.getSheet("errors").getRow(1).getCell(2).getStringCellValue());
            assertNotNull(wb.getSheet("projects").getRow(0));
        }
        try (var left = Files.list(spool)) {
            assertEquals(Collections.emptyList(), left.toList(), "no temporary file left");
        }
    }

    @Test
    void theSameRowsGiveTheSameBytes(@TempDir Path dir) throws Exception {
        byte[] first = write(dir.resolve("a"));
        Thread.sleep(2100); // past the two-second grain of zip entry times
        assertArrayEquals(first, write(dir.resolve("b")));
    }

    private static byte[] write(Path dir) throws IOException {
        try (XlsxSink sink = new XlsxSink(dir, dir.resolve(".spool"))) {
            sink.accept(fundsRow());
            sink.commit();
        }
        return Files.readAllBytes(dir.resolve(XlsxSink.FILE_NAME));
    }

    @Test
    void sheetSpoolsStayInTheGivenFolder(@TempDir Path dir) throws IOException {
        Path spool = dir.resolve(".spool");
        try (XlsxSink sink = new XlsxSink(dir, spool)) {
            sink.accept(fundsRow());
            try (var files = Files.list(spool)) {
                List<String> sheets = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sheet-")).toList();
                assertEquals(OutputTable.values().length, sheets.size(), "one spool per sheet, here: " + sheets);
            }
        }
    }

    @Test
    void closingWithoutCommitLeavesNoWorkbook(@TempDir Path dir) throws IOException {
        try (XlsxSink sink = new XlsxSink(dir, dir.resolve(".spool"))) {
            sink.accept(fundsRow());
        }
        assertFalse(Files.exists(dir.resolve(XlsxSink.FILE_NAME)));
        try (var left = Files.list(dir.resolve(".spool"))) {
            assertTrue(left.findAny().isEmpty(), "the temporary workbook is deleted");
        }
    }
}
