package org.jixiao.internal.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The rule for the name a file's record ids derive from (see {@code Jixiao.recordKey}): its path
 * relative to the input it was found under, {@code /} between folders, so the same archive gives
 * the same ids wherever it is mounted and whichever program (the command line, the Spark job) lists
 * it. Callers find the input and the relative path in their own file system; this class only names.
 *
 * <pre>
 * inputs [archive]                 archive/2020/a.docx -> 2020/a.docx
 * inputs [archive, copy]           archive/2020/a.docx -> archive/2020/a.docx
 *                                  copy/2020/a.docx    -> copy/2020/a.docx
 * inputs [form.docx] (a file)      form.docx           -> form.docx
 * inputs [data, data] (a/ and b/)  b/data/f.docx       -> data~2/f.docx
 * </pre>
 *
 * <p>With several inputs each is prefixed by its own name (the last segment of its absolute path,
 * {@code root} for a file system's root); when two inputs share a name, the later ones get
 * {@code ~2}, {@code ~3}, … so that ids stay unique in the run. Immutable and thread-safe.
 */
public final class RecordNames {

    private final List<String> prefixes;
    private final boolean several;

    /**
     * @param ownNames the last segment of each input's absolute path, in the order the inputs were
     *                 given; an empty segment (a file system's root) is named {@code root}
     */
    public RecordNames(List<String> ownNames) {
        this.several = ownNames.size() > 1;
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String given : ownNames) {
            String own = Objects.requireNonNull(given, "ownNames element").isEmpty() ? "root" : given;
            String name = own;
            for (int n = 2; !used.add(name); n++) {
                name = String.format(Locale.ROOT, "%s~%d", own, n);
            }
            names.add(name);
        }
        this.prefixes = List.copyOf(names);
    }

    /**
     * The record name of a file found under input number {@code input} (0-based).
     *
     * @param relativePath the file's path relative to that input, segments joined by {@code /};
     *                     empty when the input is the file itself
     */
    public String of(int input, String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        String prefix = prefixes.get(input);
        if (relativePath.isEmpty()) {
            return prefix;
        }
        return several ? prefix + "/" + relativePath : relativePath;
    }
}
