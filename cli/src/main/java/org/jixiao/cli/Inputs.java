package org.jixiao.cli;

import org.jixiao.model.Failure;
import org.jixiao.model.Stage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands the command line's inputs into the files to process: a file as given, a folder walked
 * recursively (hidden files and folders skipped), in a stable order so the same inputs always give
 * the same output. Only paths are held, never contents; still, the list grows with the batch:
 * 100,000 files held about 25 MB (bench/README, "JVM options").
 *
 * <p>Filters ({@code --include}, {@code --exclude}) are {@code glob:} patterns of
 * {@link java.nio.file.FileSystem#getPathMatcher}, tried against both the file name and the path
 * relative to the folder given: {@code *.docx} keeps {@code a/b/form.docx}, {@code 2020/**} keeps
 * everything under {@code 2020}. A file is kept if it matches some include (or there is none) and
 * no exclude. Files named explicitly on the command line are always kept.
 *
 * <p>What is not read, and said so in {@code errors.csv}: a FIFO, socket or device, and a link that
 * leads nowhere ({@code read.not_regular_file}: a FIFO would block its reader for good); a link of a
 * folder that leads out of it ({@code read.outside_input}, unless links may be followed). The run's
 * own output folder is skipped without a word.
 */
final class Inputs {

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final boolean followLinks;
    /** The output folder: never read back as input (a run's outputs inside its own input folder). */
    private final Optional<Path> outputFolder;

    /**
     * @param followLinks  whether links of the folders may lead out of the folder given; if not,
     *                     such a file or folder is reported as {@code read.outside_input}
     * @param outputFolder the run's output folder, left out of the walk
     */
    Inputs(List<String> includes, List<String> excludes, boolean followLinks, Optional<Path> outputFolder) {
        this.includes = matchers(includes);
        this.excludes = matchers(excludes);
        this.followLinks = followLinks;
        this.outputFolder = outputFolder.map(Inputs::identity);
    }

    Inputs(List<String> includes, List<String> excludes) {
        this(includes, excludes, false, Optional.empty());
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

    /**
     * The files named by {@code inputs}. A missing input ({@code read.not_found}) or a folder or file
     * that cannot be listed ({@code read.io}: permission denied, a symbolic-link loop) is reported
     * through {@code problems} and the rest is listed.
     */
    List<Path> expand(List<Path> inputs, List<Failure> problems) {
        List<Path> files = new ArrayList<>();
        // A file named twice (a folder and a file inside it, or a link into the tree) is processed
        // once, under the first name it was reached by: twice would duplicate its record ids.
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found = new ArrayList<>();
                walk(input, found, problems);
                found.sort(Comparator.comparing(Path::toString));
                for (Path f : found) {
                    if (seen.add(identity(f))) {
                        files.add(f);
                    }
                }
            } else if (Files.isRegularFile(input)) {
                if (seen.add(identity(input))) {
                    files.add(input);
                }
            } else if (Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(notRegular(input, Files.isSymbolicLink(input)));
            } else {
                problems.add(new Failure(input.toString(), Stage.READ, "read.not_found", "no such file or folder"));
            }
        }
        return files;
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private void walk(Path root, List<Path> found, List<Failure> problems) {
        Path rootReal = identity(root);
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (dir.getFileName().toString().startsWith(".")
                                    || outputFolder.isPresent() && outputFolder.get().equals(identity(dir))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (leavesRoot(dir)) {
                                problems.add(outside(dir));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (file.getFileName().toString().startsWith(".") || !kept(root.relativize(file))) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                // A FIFO would block the reader; a link to nowhere has nothing to read.
                                problems.add(notRegular(file, attrs.isSymbolicLink()));
                            } else if (leavesRoot(file)) {
                                problems.add(outside(file));
                            } else {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(new Failure(file.toString(), Stage.READ, "read.io",
                                    "cannot list this file or folder: " + e));
                            return FileVisitResult.CONTINUE;
                        }

                        /** A link (or a path through one) whose target is not under the folder given. */
                        private boolean leavesRoot(Path path) {
                            return !followLinks && Files.isSymbolicLink(path) && !identity(path).startsWith(rootReal);
                        }
                    });
        } catch (IOException e) {
            problems.add(new Failure(root.toString(), Stage.READ, "read.io", "cannot list this folder: " + e));
        }
    }

    private static Failure notRegular(Path path, boolean link) {
        return new Failure(path.toString(), Stage.READ, "read.not_regular_file", link
                ? "a symbolic link that leads nowhere (its target is missing, or it leads to itself); not read"
                : "not a regular file (a FIFO, socket or device); not read");
    }

    private static Failure outside(Path path) {
        return new Failure(path.toString(), Stage.READ, "read.outside_input",
                "a symbolic link to " + identity(path) + ", outside the input folder; not read (--follow-links reads it)");
    }

    private boolean kept(Path relative) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> matches(m, relative));
        return included && excludes.stream().noneMatch(m -> matches(m, relative));
    }

    private static boolean matches(PathMatcher m, Path relative) {
        return m.matches(relative) || m.matches(relative.getFileName());
    }
}
