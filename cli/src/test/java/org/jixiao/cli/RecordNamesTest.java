package org.jixiao.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names record ids derive from: relative to the argument, prefixed when there are several. */
class RecordNamesTest {

    @Test
    void oneFolderGivesPathsRelativeToIt() {
        RecordNames names = new RecordNames(List.of(Path.of("archive")));
        assertEquals("2020/a.docx", names.of(Path.of("archive", "2020", "a.docx")));
    }

    @Test
    void severalArgumentsArePrefixedByTheirOwnNames() {
        RecordNames names = new RecordNames(List.of(Path.of("x", "archive"), Path.of("copy"), Path.of("y", "form.docx")));
        assertEquals("archive/2020/a.docx", names.of(Path.of("x", "archive", "2020", "a.docx")));
        assertEquals("copy/2020/a.docx", names.of(Path.of("copy", "2020", "a.docx")));
        assertEquals("form.docx", names.of(Path.of("y", "form.docx")));
    }

    @Test
    void aFileNamedDirectlyIsItsFileName() {
        assertEquals("form.docx", new RecordNames(List.of(Path.of("x", "form.docx"))).of(Path.of("x", "form.docx")));
    }

    @Test
    void argumentsWithTheSameNameAreNumbered() {
        RecordNames names = new RecordNames(List.of(Path.of("a", "data"), Path.of("b", "data")));
        assertEquals("data/f.docx", names.of(Path.of("a", "data", "f.docx")));
        assertEquals("data~2/f.docx", names.of(Path.of("b", "data", "f.docx")));
    }
}
