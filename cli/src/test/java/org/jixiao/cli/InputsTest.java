package org.jixiao.cli;

import org.jixiao.model.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputsTest {

    /** The files of a walk, relative to {@code root}, and its problems as "code path". */
    private record Walked(List<String> files, List<String> problems) {
    }

    private static Walked walk(Path root, Inputs.Listing listing) {
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Inputs.Listed item : listing) {
            if (item instanceof Inputs.ListedFile f) {
                files.add(root.relativize(f.path()).toString().replace('\\', '/'));
            } else {
                Failure p = ((Inputs.Problem) item).failure();
                problems.add(p.code() + " " + root.relativize(Path.of(p.sourceFile())).toString().replace('\\', '/'));
            }
        }
        assertEquals(files.size(), listing.files(), "the count of files is the walk's");
        assertEquals(problems.size(), listing.problems(), "the count of problems is the walk's");
        return new Walked(files, problems);
    }

    private static Path tree(Path tmp, String... files) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("archive"));
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        return root;
    }

    private static Path tree(Path tmp) throws IOException {
        return tree(tmp, "b/2020/form.docx", "b/2020/form.txt", "a/notes.txt", "a/.hidden.txt",
                ".git/config.txt", "c/2019/old.docx");
    }

    @Test
    void walksFoldersInSortedOrderSkippingHiddenOnes(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);

        Walked walked = walk(root, new Inputs().list(List.of(root, root.resolve("missing"))));

        assertEquals(List.of("a/notes.txt", "b/2020/form.docx", "b/2020/form.txt", "c/2019/old.docx"), walked.files());
        assertEquals(List.of("read.not_found missing"), walked.problems());
    }

    @Test
    void theOrderIsThatOfTheWholePathsSortedAsText(@TempDir Path tmp) throws IOException {
        // '-' and '.' sort before '/', so a.txt and a-b/ come before a/'s files; '0' after it.
        List<String> files = List.of("a/x.docx", "a.txt", "a-b/y.docx", "a0.docx", "a/b/z.docx", "a/b.docx",
                "A/upper.docx", "数据/表.docx", "数据.docx", "z/a/b/c/d.docx");
        Path root = tree(tmp, files.toArray(String[]::new));
        List<String> sorted = files.stream().map(root::resolve).sorted(Comparator.comparing(Path::toString))
                .map(p -> root.relativize(p).toString()).toList();

        Walked walked = walk(root, new Inputs().list(List.of(root)));

        assertEquals(sorted, walked.files());
        assertEquals(List.of("A/upper.docx", "a-b/y.docx", "a.txt", "a/b.docx", "a/b/z.docx", "a/x.docx", "a0.docx",
                "z/a/b/c/d.docx", "数据.docx", "数据/表.docx"), walked.files());
    }

    @Test
    void includeAndExcludeGlobsMatchTheNameOrTheRelativePath(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);

        Walked walked = walk(root, new Inputs(List.of("*.docx"), List.of("c/**")).list(List.of(root)));

        assertEquals(List.of("b/2020/form.docx"), walked.files());
    }

    @Test
    void aFileNamedExplicitlyIsKeptWhateverTheFilters(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);

        Walked walked = walk(root, new Inputs(List.of("*.docx"), List.of()).list(List.of(root.resolve("a/notes.txt"))));

        assertEquals(List.of("a/notes.txt"), walked.files());
    }

    @Test
    void aFileReachedTwiceIsListedOnceUnderItsFirstName(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);

        Walked walked = walk(root, new Inputs().list(List.of(root, root.resolve("a/notes.txt"),
                root.resolve("b/../a/notes.txt"), root.resolve("b"))));

        assertEquals(List.of("a/notes.txt", "b/2020/form.docx", "b/2020/form.txt", "c/2019/old.docx"), walked.files());
    }

    @Test
    void aFileReachedAgainThroughALinkInsideTheFolderIsListedOnce(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);
        // "0-alias" sorts before "b": the files are listed under the link's name, first reached.
        Files.createSymbolicLink(root.resolve("0-alias"), root.resolve("b/2020"));
        Files.createSymbolicLink(root.resolve("z-alias.txt"), root.resolve("a/notes.txt"));

        Walked walked = walk(root, new Inputs().list(List.of(root)));

        assertEquals(List.of("0-alias/form.docx", "0-alias/form.txt", "a/notes.txt", "c/2019/old.docx"), walked.files());
        assertEquals(List.of(), walked.problems());
    }

    @Test
    void problemsComeAtTheirPlaceAndTheWalkGoesOn(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);
        Files.createSymbolicLink(root.resolve("b/loop"), root);
        Files.createSymbolicLink(root.resolve("b/gone.docx"), root.resolve("nowhere.docx"));
        Path outside = tree(tmp.resolve("elsewhere"), "secret.txt");
        Files.createSymbolicLink(root.resolve("c/out"), outside);

        Walked walked = walk(root, new Inputs().list(List.of(root)));

        assertEquals(List.of("a/notes.txt", "b/2020/form.docx", "b/2020/form.txt", "c/2019/old.docx"), walked.files());
        assertEquals(List.of("read.not_regular_file b/gone.docx", "read.io b/loop", "read.outside_input c/out"),
                walked.problems());
    }

    @Test
    void eachWalkSeesTheFolderAsItIsThen(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp);
        Inputs.Listing listing = new Inputs().list(List.of(root));
        Files.writeString(root.resolve("a/later.txt"), "x");
        Files.delete(root.resolve("c/2019/old.docx"));

        List<String> files = new ArrayList<>();
        listing.forEach(item -> files.add(root.relativize(((Inputs.ListedFile) item).path()).toString()));

        assertEquals(4, listing.files(), "the count is the first walk's");
        assertEquals(List.of("a/later.txt", "a/notes.txt", "b/2020/form.docx", "b/2020/form.txt"), files);
    }
}
