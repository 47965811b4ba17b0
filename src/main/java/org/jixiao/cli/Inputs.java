package org.jixiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the command line's inputs into the files to process: a file as given, a folder walked
 * recursively (hidden files and folders skipped), in a stable order so the same inputs always give
 * the same output. Only paths are held, never contents, so a listing of 100,000 files costs a few
 * megabytes.
 *
 * <p>Filters ({@code --include}, {@code --exclude}) are {@code glob:} patterns of
 * {@link java.nio.file.FileSystem#getPathMatcher}, tried against both the file name and the path
 * relative to the folder given: {@code *.docx} keeps {@code a/b/form.docx}, {@code 2020/**} keeps
 * everything under {@code 2020}. A file is kept if it matches some include (or there is none) and
 * no exclude. Files named explicitly on the command line are always kept.
 */
final class Inputs {

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    Inputs(List<String> includes, List<String> excludes) {
        this.includes = matchers(includes);
        this.excludes = matchers(excludes);
    }

    /** No filter. */
    Inputs() {
        this(List.of(), List.of());
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> list = new ArrayList<>();
        for (String g : globs) {
            list.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        }
        return list;
    }

    /** The files named by {@code inputs}; a missing input is reported through {@code missing}. */
    List<Path> expand(List<Path> inputs, List<Path> missing) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(input, p))
                            .filter(p -> kept(input.relativize(p)))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                missing.add(input);
            }
        }
        return files;
    }

    private boolean kept(Path relative) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> matches(m, relative));
        return included && excludes.stream().noneMatch(m -> matches(m, relative));
    }

    private static boolean matches(PathMatcher m, Path relative) {
        return m.matches(relative) || m.matches(relative.getFileName());
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
