package org.jixiao.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SourceRefTest {

    @Test
    void describesTheCellAsBeforeWhenTheFormatHasNoPages() {
        assertEquals("table 3, row 7, col 5", SourceRef.InTable.of(3, 7, 5).describe());
        assertEquals("sheet Sheet1, table 1, row 4, col 2", new SourceRef.InTable("Sheet1", 1, 4, 2).describe());
        assertEquals("paragraph 2", new SourceRef.InText(2).describe());
    }

    @Test
    void putsThePageFirstForPdf() {
        assertEquals("page 2, table 1, row 7, col 5", new SourceRef.InTable("", 2, 1, 7, 5).describe());
    }

    @Test
    void aTableCitesThePageOfEachRow() {
        Table t = new Table(1, "", List.of(new Row(List.of(Cell.of(0, "a"))), new Row(List.of(Cell.of(0, "b")))),
                List.of(1, 2));
        assertEquals("page 1, table 1, row 1, col 1", t.ref(0, 0).describe());
        assertEquals("page 2, table 1, row 2, col 3", t.ref(1, 2).describe());
        assertEquals("table 1, row 2, col 1", new Table(1, t.rows()).ref(1, 0).describe());
        assertEquals(t.rowPages(), t.mapText(String::strip).rowPages());
        assertThrows(IllegalArgumentException.class, () -> new Table(1, "", t.rows(), List.of(1)));
    }
}
