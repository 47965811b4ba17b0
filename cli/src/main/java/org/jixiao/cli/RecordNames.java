package org.jixiao.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The name a file's record ids derive from (see {@code Jixiao.recordKey}): its path relative to the
 * input argument it was found under, with {@code /} between folders on every system, so the same
 * archive gives the same ids wherever it is mounted.
 *
 * <pre>
 * convert archive                      archive/2020/a.docx -> 2020/a.docx
 * convert archive copy                 archive/2020/a.docx -> archive/2020/a.docx
 *                                      copy/2020/a.docx    -> copy/2020/a.docx
 * convert x/form.docx                  x/form.docx         -> form.docx
 * convert a/data b/data                b/data/f.docx       -> data~2/f.docx
 * </pre>
 *
 * <p>With several arguments each is prefixed by its own name (the last segment of its absolute
 * path); when two arguments share a name, the later ones get {@code ~2}, {@code ~3}, … so that ids
 * stay unique in the run.
 */
final class RecordNames {

    private final List<Path> inputs;
    private final List<String> prefixes;
    private final boolean several;

    RecordNames(List<Path> inputs) {
        this.inputs = List.copyOf(inputs);
        this.several = inputs.size() > 1;
        this.prefixes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path input : inputs) {
            String own = ownName(input);
            String name = own;
            for (int n = 2; !used.add(name); n++) {
                name = String.format(Locale.ROOT, "%s~%d", own, n);
            }
            prefixes.add(name);
        }
    }

    private static String ownName(Path input) {
        Path name = input.toAbsolutePath().normalize().getFileName();
        return name == null ? "root" : name.toString();
    }

    /**
     * The record name of {@code file}, which {@code Inputs} found under (or as) one of the inputs;
     * the first input that holds it is the one it was listed under.
     */
    String of(Path file) {
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            if (file.equals(input)) {
                return prefixes.get(i);
            }
            if (file.startsWith(input)) {
                String relative = slashes(input.relativize(file));
                return several ? prefixes.get(i) + "/" + relative : relative;
            }
        }
        return String.valueOf(file.getFileName());
    }

    private static String slashes(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path part : relative) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }
}
