package org.jixiao.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The name a file's record ids derive from, for files of the local file system: finds the input a
 * file was listed under and its path relative to it, and names it by the rule of
 * {@link org.jixiao.internal.batch.RecordNames} (shared with the Spark job), e.g.
 *
 * <pre>
 * convert archive                      archive/2020/a.docx -> 2020/a.docx
 * convert archive copy                 archive/2020/a.docx -> archive/2020/a.docx
 * convert x/form.docx                  x/form.docx         -> form.docx
 * convert a/data b/data                b/data/f.docx       -> data~2/f.docx
 * </pre>
 */
final class RecordNames {

    private final List<Path> inputs;
    private final org.jixiao.internal.batch.RecordNames rule;

    RecordNames(List<Path> inputs) {
        this.inputs = List.copyOf(inputs);
        List<String> ownNames = new ArrayList<>();
        for (Path input : inputs) {
            Path name = input.toAbsolutePath().normalize().getFileName();
            ownNames.add(name == null ? "" : name.toString());
        }
        this.rule = new org.jixiao.internal.batch.RecordNames(ownNames);
    }

    /**
     * The record name of {@code file}, which {@code Inputs} found under (or as) one of the inputs;
     * the first input that holds it is the one it was listed under.
     */
    String of(Path file) {
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            if (file.equals(input)) {
                return rule.of(i, "");
            }
            if (file.startsWith(input)) {
                return rule.of(i, slashes(input.relativize(file)));
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
