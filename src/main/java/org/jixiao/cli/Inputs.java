package org.jixiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the command line's inputs into the files to process: a file as given, a folder walked
 * recursively (hidden files and folders skipped), in a stable order so the same inputs always give
 * the same output.
 */
final class Inputs {

    private Inputs() {
    }

    /** The files named by {@code inputs}; a missing input is reported through {@code missing}. */
    static List<Path> expand(List<Path> inputs, List<Path> missing) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(input, p))
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

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
