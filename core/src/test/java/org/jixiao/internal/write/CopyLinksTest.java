package org.jixiao.internal.write;

import org.jixiao.Jixiao;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyLinksTest {

    /** A projects row of form {@code formIndex} of the file {@code name} with this content. */
    private static TableRow project(String name, String content, int formIndex) {
        String hash = Jixiao.contentHash(content.getBytes(StandardCharsets.UTF_8));
        return row(Jixiao.recordKey(name, hash) + "-" + formIndex, hash, formIndex);
    }

    private static TableRow row(String recordId, String hash, int formIndex) {
        List<String> cells = new ArrayList<>();
        for (String column : OutputTable.PROJECTS.columns()) {
            cells.add(switch (column) {
                case "record_id" -> recordId;
                case "content_hash" -> hash;
                case "form_index" -> Integer.toString(formIndex);
                default -> "";
            });
        }
        return new TableRow(OutputTable.PROJECTS, cells);
    }

    private static String duplicateOf(List<TableRow> rows) {
        return rows.get(0).cell("duplicate_of");
    }

    @Test
    void everyCopyIsLinkedToTheFormOfTheFirst() {
        CopyLinks links = new CopyLinks();
        TableRow first = project("2019/a.docx", "form A", 2);

        assertEquals("", duplicateOf(links.link(List.of(first))));
        assertEquals("", duplicateOf(links.link(List.of(project("2019/b.docx", "form B", 2)))));
        String key = first.cell("record_id").substring(0, 16);
        assertEquals(key + "-2", duplicateOf(links.link(List.of(project("2020/a.docx", "form A", 2)))));
        assertEquals(key + "-2", duplicateOf(links.link(List.of(project("2021/a-copy.docx", "form A", 2)))));
    }

    @Test
    void theSameFileGivenAgainIsNotItsOwnCopy() {
        CopyLinks links = new CopyLinks();
        links.link(List.of(project("a.docx", "form A", 1)));

        assertEquals("", duplicateOf(links.link(List.of(project("a.docx", "form A", 1)))));
    }

    /** A hundred thousand distinct files, then a copy of each: the table grows many times and keeps every first key. */
    @Test
    void manyDistinctFilesEachKeepTheirFirstCopy() {
        CopyLinks links = new CopyLinks();
        int files = 100_000;
        List<String> firstKeys = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            TableRow row = project("2019/f" + i + ".docx", "content " + i, 1);
            assertEquals("", duplicateOf(links.link(List.of(row))));
            firstKeys.add(row.cell("record_id").substring(0, 16));
        }
        for (int i = files - 1; i >= 0; i--) {
            assertEquals(firstKeys.get(i) + "-1", duplicateOf(links.link(List.of(project("2020/f" + i + ".docx", "content " + i, 1)))));
        }
    }

    /** Hashes and ids that are not SHA-256 and 16 hex digits (a stand-in pipeline's, say) are linked all the same. */
    @Test
    void otherHashesAndKeysAreLinkedAsText() {
        CopyLinks links = new CopyLinks();
        links.link(List.of(row("first-1", "h1", 1)));
        links.link(List.of(row("ABCDEF0123456789-1", "0".repeat(64), 1)));

        assertEquals("first-3", duplicateOf(links.link(List.of(row("second-3", "h1", 3)))));
        assertEquals("ABCDEF0123456789-1", duplicateOf(links.link(List.of(row("0000000000000001-1", "0".repeat(64), 1)))));
    }

    @Test
    void rowsOfOtherTablesAndRowsWithoutAHashPassAsTheyAre() {
        CopyLinks links = new CopyLinks();
        TableRow noHash = row("a-1", "", 1);
        TableRow fund = new TableRow(OutputTable.FUNDS, new ArrayList<>(java.util.Collections.nCopies(OutputTable.FUNDS.columns().size(), "x")));

        assertEquals(List.of(noHash, fund), links.link(List.of(noHash, fund)));
        assertEquals(List.of(noHash), links.link(List.of(noHash)));
    }
}
