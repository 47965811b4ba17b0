package org.jixiao.spark;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The driver's listing over Hadoop's local file system: the CLI's rules for names and order. */
class InputListingTest {

    @TempDir
    Path tmp;

    private void touch(String relative) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, relative);
    }

    private InputListing.Listed list(String... inputs) {
        return new InputListing(new Configuration()).list(List.of(inputs));
    }

    private static List<String> names(InputListing.Listed listed) {
        return listed.files().stream().map(ListedFile::recordName).toList();
    }

    @Test
    void aFolderGivesPathsRelativeToItInOrderWithoutHiddenOnes() throws IOException {
        touch("archive/2020/b.docx");
        touch("archive/2020/a.docx");
        touch("archive/.git/config");
        touch("archive/2019/.~lock.x.docx#");
        touch("archive/top.txt");
        InputListing.Listed listed = list(tmp.resolve("archive").toString());
        assertEquals(List.of("2020/a.docx", "2020/b.docx", "top.txt"), names(listed));
        assertEquals("file:" + tmp.resolve("archive/2020/a.docx"), listed.files().get(0).uri());
        assertEquals(List.of(), listed.problems());
    }

    @Test
    void severalInputsArePrefixedAndAFileReachedTwiceIsListedOnce() throws IOException {
        touch("a/data/f.docx");
        touch("b/data/f.docx");
        touch("x/form.docx");
        InputListing.Listed listed = list(tmp.resolve("a/data").toString(), tmp.resolve("b/data").toString(),
                tmp.resolve("x/form.docx").toString(), tmp.resolve("a/data/f.docx").toString());
        assertEquals(List.of("data/f.docx", "data~2/f.docx", "form.docx"), names(listed));
        assertEquals(List.of(0, 1, 2), listed.files().stream().map(ListedFile::input).toList());
    }

    @Test
    void aGlobIsNamedBelowTheFolderBeforeItsFirstWildcard() throws IOException {
        touch("archive/u1/2020/a.docx");
        touch("archive/u2/2020/b.docx");
        touch("archive/u2/2019/c.docx");
        InputListing.Listed listed = list(tmp.resolve("archive").toString() + "/*/2020");
        assertEquals(List.of("u1/2020/a.docx", "u2/2020/b.docx"), names(listed));
    }

    @Test
    void aMissingInputIsReadNotFoundAndTheOthersAreListed() throws IOException {
        touch("in/a.txt");
        InputListing.Listed listed = list(tmp.resolve("gone").toString(), tmp.resolve("in").toString(),
                tmp.resolve("none") + "/*.docx");
        assertEquals(List.of("in/a.txt"), names(listed));
        assertEquals(List.of("read.not_found", "read.not_found"),
                listed.problems().stream().map(f -> f.code()).toList());
        assertEquals(tmp.resolve("gone").toString(), listed.problems().get(0).sourceFile());
    }
}
