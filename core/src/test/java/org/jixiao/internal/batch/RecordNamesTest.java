package org.jixiao.internal.batch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The naming rule alone, as the command line and the Spark job apply it to their own listings. */
class RecordNamesTest {

    @Test
    void oneInputGivesThePathRelativeToIt() {
        assertEquals("2020/a.docx", new RecordNames(List.of("archive")).of(0, "2020/a.docx"));
    }

    @Test
    void anInputThatIsTheFileGivesItsOwnName() {
        assertEquals("form.docx", new RecordNames(List.of("form.docx")).of(0, ""));
    }

    @Test
    void severalInputsArePrefixedAndSameNamesNumbered() {
        RecordNames names = new RecordNames(List.of("data", "copy", "data", "data"));
        assertEquals("data/f.docx", names.of(0, "f.docx"));
        assertEquals("copy/2020/f.docx", names.of(1, "2020/f.docx"));
        assertEquals("data~2/f.docx", names.of(2, "f.docx"));
        assertEquals("data~3", names.of(3, ""));
    }

    @Test
    void aFileSystemRootIsNamedRoot() {
        RecordNames names = new RecordNames(List.of("", "b"));
        assertEquals("root/x/f.docx", names.of(0, "x/f.docx"));
    }
}
