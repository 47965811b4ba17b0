package org.jixiao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker process for tests: the real pipeline, except for files whose content is a word (then
 * white space, if any) naming what a runaway parse does — {@code hang} (a loop deaf to interrupts), {@code hog} (keeps
 * allocating until the heap is gone) or {@code crash} (the JVM dies at once, as a native crash would).
 */
public final class HostileWorker {

    private HostileWorker() {
    }

    public static void main(String[] args) throws IOException {
        Worker.serve(args, real -> (source, hash, recordName) -> {
            switch (firstWord(source.content())) {
                case "hang" -> {
                    while (true) {
                        Thread.interrupted();
                    }
                }
                case "hog" -> {
                    List<long[]> held = new ArrayList<>();
                    while (true) {
                        held.add(new long[1 << 20]);
                    }
                }
                case "crash" -> Runtime.getRuntime().halt(134);
                default -> {
                    return real.apply(source, hash, recordName);
                }
            }
            return real.apply(source, hash, recordName);
        });
    }

    /** The content up to its first white space, for a file padded past the in-process size limit. */
    static String firstWord(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 16), StandardCharsets.UTF_8);
        return text.strip().split("\\s", 2)[0];
    }
}
