package org.jixiao.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowTest {

    @Test
    void keepsCellsGivenInColumnOrder() {
        List<Cell> cells = List.of(Cell.of(0, "项目名称"), new Cell(1, 2, 1, "信息化运维"), Cell.of(3, "95"));
        assertEquals(cells, new Row(cells).cells());
    }

    @Test
    void putsCellsInColumnOrder() {
        Row row = new Row(List.of(Cell.of(3, "95"), Cell.of(0, "项目名称"), new Cell(1, 2, 1, "信息化运维")));
        assertEquals(List.of(0, 1, 3), row.cells().stream().map(Cell::col).toList());
    }

    @Test
    void rejectsOverlappingCellsInAnyOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Row(List.of(new Cell(0, 2, 1, "a"), Cell.of(1, "b"))));
        assertEquals("overlapping cells at col 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Row(List.of(Cell.of(1, "b"), new Cell(0, 2, 1, "a"))));
    }

    @Test
    void isNotChangedByItsArgumentAfterwards() {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(0, "a"), Cell.of(1, "b")));
        Row row = new Row(cells);
        cells.clear();
        assertEquals(2, row.cells().size());
        assertThrows(UnsupportedOperationException.class, () -> row.cells().add(Cell.of(2, "c")));
    }
}
