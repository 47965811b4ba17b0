package org.jixiao.cli;

import org.jixiao.model.Failure;
import org.jixiao.model.Stage;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the command line's inputs as the files to process: a file as given, a folder walked
 * recursively (hidden files and folders skipped), in a stable order so the same inputs always give
 * the same output: the inputs in the order given, each folder's files by relative path.
 *
 * <p>The listing is a walk, not a list: it is walked once to count (the progress shows a total,
 * and an empty batch is refused before its output folder is made) and once more as the batch
 * runs. It holds the folders from the input down to the current one, each folder's entries sorted
 * as it is entered, so its memory follows the largest folder, not the batch: a list of paths held
 * about 0.2 kB a file and would not fit the heap at a few million. The walk's order is
 * the order of the whole paths sorted as strings, since a folder's entries are sorted with a
 * {@code /} after each folder's name (bench/README, "JVM options").
 *
 * <p>Filters ({@code --include}, {@code --exclude}) are {@code glob:} patterns of
 * {@link java.nio.file.FileSystem#getPathMatcher}, tried against both the file name and the path
 * relative to the folder given: {@code *.docx} keeps {@code a/b/form.docx}, {@code 2020/**} keeps
 * everything under {@code 2020}. A file is kept if it matches some include (or there is none) and
 * no exclude. Files named explicitly on the command line are always kept.
 *
 * <p>What is not read, and said so in {@code errors.csv} at its place in the order: a FIFO, socket
 * or device, and a link that leads nowhere ({@code read.not_regular_file}: a FIFO would block its
 * reader for good); a link of a folder that leads out of it ({@code read.outside_input}, unless
 * links may be followed); a folder that cannot be listed or leads back to one it is in
 * ({@code read.io}). The run's own output folder is skipped without a word.
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

    /** One item of a listing: a file to process, or what stood in the way of one. */
    sealed interface Listed permits ListedFile, Problem {
    }

    /** A file to process, under the name it was listed by. */
    record ListedFile(Path path) implements Listed {
        ListedFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * What is not processed, and why: a missing input ({@code read.not_found}), a folder or file
     * that cannot be listed ({@code read.io}: permission denied, a loop of links), and the codes
     * of the class comment.
     */
    record Problem(Failure failure) implements Listed {
        Problem {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * The files and problems of {@code inputs}, counted by one walk. A file reached twice (a folder
     * and a file inside it, or a link into the tree) is listed once, under the first name it was
     * reached by: twice would duplicate its record ids.
     */
    Listing list(List<Path> inputs) {
        List<Path> given = List.copyOf(inputs);
        // Only overlapping inputs and links can reach a file twice; without them the walk keeps
        // no set of the files it has listed, which would grow with the batch.
        boolean overlapping = overlapping(given);
        Listing listing = count(given, overlapping);
        return listing.followsLinks && !overlapping ? count(given, true) : listing;
    }

    private Listing count(List<Path> inputs, boolean unique) {
        Walk walk = new Walk(inputs, unique);
        long files = 0;
        long problems = 0;
        List<Failure> first = new ArrayList<>();
        while (walk.hasNext()) {
            Listed item = walk.next();
            if (item instanceof Problem p) {
                problems++;
                if (first.size() < Listing.PROBLEMS_KEPT) {
                    first.add(p.failure());
                }
            } else {
                files++;
            }
        }
        return new Listing(inputs, unique, files, problems, first, walk.followedLink);
    }

    /**
     * Whether one input can reach a file another holds: a folder inside (or the same as) another
     * input folder, or a file inside one of them or named twice.
     */
    private static boolean overlapping(List<Path> inputs) {
        List<Path> real = new ArrayList<>();
        List<Boolean> folder = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.exists(input)) {
                real.add(identity(input));
                folder.add(Files.isDirectory(input));
            }
        }
        for (int i = 0; i < real.size(); i++) {
            for (int j = 0; j < real.size(); j++) {
                if (i != j && (real.get(i).equals(real.get(j)) || folder.get(j) && real.get(i).startsWith(real.get(j)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The files of a batch, walked anew by each {@link #iterator()}. The counts are those of the
     * walk made when it was listed; a folder that changes during a run changes what the next walk
     * sees, and a file gone by then is simply not there.
     */
    final class Listing implements Iterable<Listed> {
        /** How many problems are kept to say why a batch found no file. */
        static final int PROBLEMS_KEPT = 6;

        private final List<Path> inputs;
        private final boolean unique;
        private final long files;
        private final long problems;
        private final List<Failure> firstProblems;
        private final boolean followsLinks;

        private Listing(List<Path> inputs, boolean unique, long files, long problems, List<Failure> firstProblems,
                        boolean followsLinks) {
            this.inputs = inputs;
            this.unique = unique;
            this.files = files;
            this.problems = problems;
            this.firstProblems = List.copyOf(firstProblems);
            this.followsLinks = followsLinks;
        }

        /** The files listed, each once. */
        long files() {
            return files;
        }

        /** The problems listed. */
        long problems() {
            return problems;
        }

        /** The first {@value #PROBLEMS_KEPT} problems, in order. */
        List<Failure> firstProblems() {
            return firstProblems;
        }

        /** Walks the inputs again, files and problems in the batch's order. */
        @Override
        public Iterator<Listed> iterator() {
            return new Walk(inputs, unique);
        }
    }

    /**
     * A folder's entry, with what it is once links are followed: a folder keeps its file key (to
     * find a link that leads back up), an unreadable entry the reason.
     */
    private record Entry(String name, Kind kind, boolean link, Optional<Object> fileKey, Optional<IOException> error) {
        /**
         * The entries in the order of their paths as strings: as if each folder's name ended in
         * {@code /}, so that {@code a.txt} comes before the folder {@code a}'s files, as
         * {@code a.txt} before {@code a/x} ({@code .} before {@code /}).
         */
        static int compare(Entry x, Entry y) {
            String a = x.name;
            String b = y.name;
            int common = Math.min(a.length(), b.length());
            for (int i = 0; i < common; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return Character.compare(a.charAt(i), b.charAt(i));
                }
            }
            return Integer.compare(charAfter(a, common, x.kind == Kind.FOLDER), charAfter(b, common, y.kind == Kind.FOLDER));
        }

        /** The name's character at {@code i}, the folder's {@code /} after its end, or -1 at its end. */
        private static int charAfter(String name, int i, boolean folder) {
            if (i < name.length()) {
                return name.charAt(i);
            }
            return i == name.length() && folder ? '/' : -1;
        }
    }

    private enum Kind { FOLDER, FILE, OTHER, UNREADABLE }

    /** A folder being walked: its entries, sorted, and the next one to visit. */
    private static final class Folder {
        final Path path;
        final Optional<Object> fileKey;
        final Entry[] entries;
        int next;

        Folder(Path path, Optional<Object> fileKey, Entry[] entries) {
            this.path = path;
            this.fileKey = fileKey;
            this.entries = entries;
        }
    }

    /** The walk over every input, item by item; a folder's entries are listed as it is entered. */
    private final class Walk implements Iterator<Listed> {
        private final Iterator<Path> inputs;
        /** The identities of the files listed so far, when a file may be reached twice. */
        private final Set<Path> seen;
        private final Deque<Folder> folders = new ArrayDeque<>();
        private Path root;
        private Path rootReal;
        private Listed next;
        boolean followedLink;

        Walk(List<Path> inputs, boolean unique) {
            this.inputs = inputs.iterator();
            this.seen = unique ? new HashSet<>() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (!folders.isEmpty() || inputs.hasNext())) {
                next = folders.isEmpty() ? input(inputs.next()) : step(folders.peek());
            }
            return next != null;
        }

        @Override
        public Listed next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Listed item = next;
            next = null;
            return item;
        }

        /** A file or folder given on the command line: a folder is entered, a file listed as it is. */
        private Listed input(Path input) {
            if (Files.isDirectory(input)) {
                root = input;
                rootReal = identity(input);
                return enter(input, Optional.empty());
            }
            if (Files.isRegularFile(input)) {
                return listed(input);
            }
            if (Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                return new Problem(notRegular(input, Files.isSymbolicLink(input)));
            }
            return new Problem(new Failure(input.toString(), Stage.READ, "read.not_found", "no such file or folder"));
        }

        /** The next item of the folder on top, or null when it has none (it is then left). */
        private Listed step(Folder folder) {
            if (folder.next == folder.entries.length) {
                folders.pop();
                return null;
            }
            Entry entry = folder.entries[folder.next++];
            Path path = folder.path.resolve(entry.name());
            switch (entry.kind()) {
                case UNREADABLE:
                    return cannotList(path, entry.error().orElseThrow());
                case FOLDER:
                    if (outputFolder.isPresent() && outputFolder.get().equals(identity(path))) {
                        return null;
                    }
                    if (entry.link() && leavesRoot(path)) {
                        return new Problem(outside(path));
                    }
                    return enter(path, Optional.of(entry));
                default:
                    if (!kept(root.relativize(path))) {
                        return null;
                    }
                    if (entry.kind() == Kind.OTHER) {
                        // A FIFO would block the reader; a link to nowhere has nothing to read.
                        return new Problem(notRegular(path, entry.link()));
                    }
                    if (entry.link() && leavesRoot(path)) {
                        return new Problem(outside(path));
                    }
                    followedLink |= entry.link();
                    return listed(path);
            }
        }

        /** Enters a folder (the input's, when {@code entry} is empty): lists and sorts its entries. */
        private Listed enter(Path folder, Optional<Entry> entry) {
            Optional<Object> fileKey;
            if (entry.isPresent()) {
                fileKey = entry.get().fileKey();
                for (Folder above : folders) {
                    if (sameFolder(fileKey, folder, above)) {
                        return cannotList(folder, new FileSystemLoopException(folder.toString()));
                    }
                }
            } else {
                try {
                    fileKey = Optional.ofNullable(Files.readAttributes(folder, BasicFileAttributes.class).fileKey());
                } catch (IOException e) {
                    return cannotList(folder, e);
                }
            }
            List<Entry> entries = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
                for (Path path : list) {
                    String name = path.getFileName().toString();
                    if (!name.startsWith(".")) {
                        entries.add(entry(path, name));
                    }
                }
            } catch (IOException e) {
                return cannotList(folder, e);
            } catch (DirectoryIteratorException e) {
                return cannotList(folder, e.getCause());
            }
            Entry[] sorted = entries.toArray(Entry[]::new);
            Arrays.sort(sorted, Entry::compare);
            followedLink |= entry.map(Entry::link).orElse(false);
            folders.push(new Folder(folder, fileKey, sorted));
            return null;
        }

        /** The file, unless it was listed already under another name. */
        private Listed listed(Path file) {
            return seen == null || seen.add(identity(file)) ? new ListedFile(file) : null;
        }

        /** A link (or a path through one) whose target is not under the folder given. */
        private boolean leavesRoot(Path path) {
            return !followLinks && !identity(path).startsWith(rootReal);
        }
    }

    /**
     * What an entry is: its own attributes, or its target's when it is a link (a link that leads
     * nowhere is {@link Kind#OTHER}, not a file to read).
     */
    private static Entry entry(Path path, String name) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new Entry(name, Kind.UNREADABLE, false, Optional.empty(), Optional.of(e));
        }
        BasicFileAttributes attrs = own;
        if (own.isSymbolicLink()) {
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                return new Entry(name, Kind.OTHER, true, Optional.empty(), Optional.empty());
            }
        }
        Kind kind = attrs.isDirectory() ? Kind.FOLDER : attrs.isRegularFile() ? Kind.FILE : Kind.OTHER;
        Optional<Object> fileKey = kind == Kind.FOLDER ? Optional.ofNullable(attrs.fileKey()) : Optional.empty();
        return new Entry(name, kind, own.isSymbolicLink(), fileKey, Optional.empty());
    }

    /** Whether {@code folder} is {@code above}, by file key where the file system has one. */
    private static boolean sameFolder(Optional<Object> fileKey, Path folder, Folder above) {
        if (fileKey.isPresent() && above.fileKey.isPresent()) {
            return fileKey.get().equals(above.fileKey.get());
        }
        try {
            return Files.isSameFile(folder, above.path);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static Problem cannotList(Path path, IOException e) {
        return new Problem(new Failure(path.toString(), Stage.READ, "read.io", "cannot list this file or folder: " + e));
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
