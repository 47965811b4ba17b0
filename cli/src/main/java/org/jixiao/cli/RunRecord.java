package org.jixiao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code run.json}, the last file a run writes into its output folder: what was converted (inputs,
 * counts, version) and when the run finished. Its presence means the CSV files beside it are whole
 * and belong to that run; every run deletes it first, so outputs without it are stale or partial.
 */
final class RunRecord {

    static final String FILE_NAME = "run.json";

    private RunRecord() {
    }

    /**
     * Writes {@code DIR/run.json} atomically (through {@code spool}).
     *
     * @param outputs the output files of the run, in DIR
     */
    static void write(Path dir, Path spool, String command, List<Path> inputs, boolean resumed, Instant started,
                      BatchRun.Summary summary, int exitCode, List<String> outputs) throws IOException {
        StringBuilder json = new StringBuilder(512);
        json.append("{\n");
        field(json, "tool", quote("jixiao"));
        field(json, "version", quote(version()));
        field(json, "command", quote(command));
        field(json, "inputs", list(inputs.stream().map(Path::toString).toList()));
        field(json, "resumed", Boolean.toString(resumed));
        field(json, "started", quote(started.toString()));
        field(json, "finished", quote(Instant.now().toString()));
        field(json, "files", Long.toString(summary.files()));
        field(json, "forms", Long.toString(summary.forms()));
        field(json, "failed_files", Long.toString(summary.failedFiles()));
        field(json, "reused_files", Long.toString(summary.reused()));
        field(json, "exit_code", Integer.toString(exitCode));
        json.append("  \"outputs\": ").append(list(outputs)).append("\n}\n");
        Path temp = spool.resolve("." + FILE_NAME + ".tmp");
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        try {
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String version() {
        String v = RunRecord.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static String list(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return s.append(']').toString();
    }

    /** A JSON string: quotes, backslashes and every control character escaped. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
