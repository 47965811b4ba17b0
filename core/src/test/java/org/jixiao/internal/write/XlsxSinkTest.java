package org.jixiao.internal.write;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            assertEquals(List.of("summary", "projects", "indicators", "funds", "goals", "findings", "errors"), names);

            Sheet funds = wb.getSheet("funds");
            assertEquals(1, funds.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertEquals("full_year_budget", funds.getRow(0).getCell(3).getStringCellValue());
            var row = funds.getRow(1);
            assertEquals(CellType.STRING, row.getCell(0).getCellType());
            assertEquals("-其中:中央财政资金", row.getCell(1).getStringCellValue(), "no CSV formula guard in a string cell");
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
                List<String> sheets = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".sheet-")).toList();
                assertEquals(OutputTable.values().length + 1, sheets.size(), "one spool per sheet and the summary's, here: " + sheets);
            }
        }
    }

    @Test
    void headersAreBoldFilteredAndColumnsAsWideAsTheirContent(@TempDir Path dir) throws IOException {
        try (XlsxSink sink = new XlsxSink(dir, dir.resolve(".spool"))) {
            sink.accept(fundsRow());
            sink.accept(fundsRow());
            sink.commit();
        }
        try (InputStream in = Files.newInputStream(dir.resolve(XlsxSink.FILE_NAME)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var funds = wb.getSheet("funds");
            assertTrue(wb.getFontAt(funds.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold(), "bold header");
            // POI records an autofilter as the sheet's hidden name _xlnm._FilterDatabase
            var filter = wb.getAllNames().stream().filter(n -> n.getNameName().equals("_xlnm._FilterDatabase")
                    && n.getSheetIndex() == wb.getSheetIndex(funds)).findFirst().orElseThrow();
            assertEquals("funds!$A$1:$H$3", filter.getRefersToFormula(), "autofilter over header and rows");
            // -其中:中央财政资金 (the guard dropped): 8 wide characters and 2 narrow ones
            assertEquals((2 * 8 + 2 + 1) * 256, funds.getColumnWidth(1), "the line label's width");
            assertEquals(("record_id".length() + 3 + 1) * 256, funds.getColumnWidth(0), "at least the header and its filter button");
        }
    }

    @Test
    void findingsFiguresAreNumbersWhenTheyAreNumbers(@TempDir Path dir) throws IOException {
        try (XlsxSink sink = new XlsxSink(dir, dir.resolve(".spool"))) {
            sink.accept(new TableRow(OutputTable.FINDINGS, List.of("abc-1", "score_negative", "error", "budget_score",
                    "'-1.5", "0", "a score below zero", "", "得分为负数")));
            sink.accept(new TableRow(OutputTable.FINDINGS, List.of("abc-1", "default_weights_deviate", "info",
                    "weights.level1", "output 45", "output 50", "…", "", "…")));
            sink.commit();
        }
        try (InputStream in = Files.newInputStream(dir.resolve(XlsxSink.FILE_NAME)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet findings = wb.getSheet("findings");
            int reported = OutputTable.FINDINGS.columns().indexOf("reported");
            assertEquals(CellType.NUMERIC, findings.getRow(1).getCell(reported).getCellType());
            assertEquals(-1.5, findings.getRow(1).getCell(reported).getNumericCellValue(), 1e-12);
            assertEquals(0, findings.getRow(1).getCell(reported + 1).getNumericCellValue(), 1e-12);
            assertEquals("output 45", findings.getRow(2).getCell(reported).getStringCellValue(), "text stays text");

            Sheet summary = wb.getSheet("summary");
            assertTrue(summary.getRow(0).getCell(0).getStringCellValue().startsWith("总计"), "Chinese first");
            Map<String, Double> figures = new HashMap<>();
            summary.forEach(r -> {
                if (r.getLastCellNum() == 2 && r.getCell(1).getCellType() == CellType.NUMERIC) {
                    figures.put(r.getCell(0).getStringCellValue(), r.getCell(1).getNumericCellValue());
                }
            });
            assertEquals(2.0, figures.get("审核发现 findings"));
            assertEquals(1.0, figures.get("审核发现 findings · 错误 error"));
            assertEquals(1.0, figures.get("审核发现 findings · 提示 info"));
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
