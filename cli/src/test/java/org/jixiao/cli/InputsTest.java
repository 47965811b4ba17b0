package org.jixiao.cli;

import org.jixiao.model.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputsTest {

    private static List<String> names(Path root, List<Path> files) {
        return files.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }

    private static Path tree(Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("archive"));
        for (String f : List.of("b/2020/form.docx", "b/2020/form.txt", "a/notes.txt", "a/.hidden.txt",
                ".git/config.txt", "c/2019/old.docx")) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        return root;
    }

    @Test
    void walksFoldersInSortedOrderSkippingHiddenOnes(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);
        List<Failure> problems = new ArrayList<>();

        List<Path> files = new Inputs().expand(List.of(root, tmp.resolve("missing")), problems);

        assertEquals(List.of("a/notes.txt", "b/2020/form.docx", "b/2020/form.txt", "c/2019/old.docx"),
                names(root, files));
        assertEquals(List.of("read.not_found"), problems.stream().map(Failure::code).toList());
    }

    @Test
    void includeAndExcludeGlobsMatchTheNameOrTheRelativePath(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);

        List<Path> files = new Inputs(List.of("*.docx"), List.of("c/**")).expand(List.of(root), new ArrayList<>());

        assertEquals(List.of("b/2020/form.docx"), names(root, files));
    }

    @Test
    void aFileNamedExplicitlyIsKeptWhateverTheFilters(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);
        Path notes = root.resolve("a/notes.txt");

        List<Path> files = new Inputs(List.of("*.docx"), List.of()).expand(List.of(notes), new ArrayList<>());

        assertEquals(List.of(notes), files);
    }

    @Test
    void aFileReachedTwiceIsListedOnceUnderItsFirstName(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);

        List<Path> files = new Inputs().expand(List.of(root, root.resolve("a/notes.txt"),
                root.resolve("b/../a/notes.txt")), new ArrayList<>());

        assertEquals(List.of("a/notes.txt", "b/2020/form.docx", "b/2020/form.txt", "c/2019/old.docx"),
                names(root, files));
    }
}
