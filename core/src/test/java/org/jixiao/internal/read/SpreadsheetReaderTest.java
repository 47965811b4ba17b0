package org.jixiao.internal.read;

import org.jixiao.Source;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jixiao.model.Cell;
import org.jixiao.model.Document;
import org.jixiao.model.Row;
import org.jixiao.model.SourceFormat;
import org.jixiao.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Workbooks: sheet positions kept, merged regions as spans, numbers as written. */
class SpreadsheetReaderTest {

    private final Readers readers = Readers.withDefaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        11.25      | '11.25'
        17049.23   | '17049.23'
        10000      | '10000'
        0.1        | '0.1'
        68.04      | '68.04'
        0          | '0'
        -0.0       | '0'
        1.0E-7     | '0.0000001'
        123456789012 | '123456789012'
        """)
    void writesNumbersAsTyped(double value, String expected) {
        assertEquals(expected, SpreadsheetReader.number(value, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        0.6804 | '68.04%'
        1      | '100%'
        0.958  | '95.8%'
        """)
    void writesPercentagesWithTheirSign(double value, String expected) {
        assertEquals(expected, SpreadsheetReader.number(value, true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xlsx", "xls"})
    void readsSheetsWithMergesFormulasAndRowPositions(String kind) throws IOException {
        Document d = Fixtures.ok(readers.read(new Source("book." + kind, workbook(kind))));
        assertEquals(kind.equals("xlsx") ? SourceFormat.XLSX : SourceFormat.XLS, d.format());
        assertEquals(2, d.tables().size(), "the empty middle sheet gives no table");
        Table funds = d.tables().get(0);
        assertEquals("Funds", funds.sheet());
        assertEquals(List.of(
                new Row(List.of(new Cell(0, 2, 2, "项目资金（万元）"), Cell.of(2, "全年预算数"))),
                new Row(List.of(Cell.of(2, "17049.23"))),
                new Row(List.of()),
                new Row(List.of(Cell.of(0, "10000"), Cell.of(1, "11.25"), Cell.of(2, "17060.48"), Cell.of(3, "68.04%")))),
                funds.rows());
        Table notes = d.tables().get(1);
        assertEquals(2, notes.number());
        assertEquals("Notes", notes.sheet());
        assertEquals("sheet Notes, table 2, row 3, col 2", notes.ref(2, 1).describe());
        assertEquals(List.of(Cell.of(1, "late")), notes.rows().get(2).cells());
    }

    private static byte[] workbook(String kind) throws IOException {
        try (Workbook wb = kind.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook()) {
            Sheet funds = wb.createSheet("Funds");
            funds.createRow(0).createCell(0).setCellValue("项目资金（万元）");
            funds.getRow(0).createCell(2).setCellValue("全年预算数");
            funds.createRow(1).createCell(2).setCellValue(17049.23);
            funds.addMergedRegion(new CellRangeAddress(0, 1, 0, 1));
            org.apache.poi.ss.usermodel.Row last = funds.createRow(3);
            last.createCell(0).setCellValue(10000);
            last.createCell(1).setCellValue(11.25);
            last.createCell(2).setCellFormula("C2+B4");
            last.getCell(2).setCellValue(17060.48);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            last.createCell(3).setCellValue(0.6804);
            last.getCell(3).setCellStyle(percent);
            funds.createRow(9).createCell(0).setCellValue("   ");
            wb.createSheet("Empty");
            Sheet notes = wb.createSheet("Notes");
            notes.createRow(2).createCell(1).setCellValue(" late ");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
