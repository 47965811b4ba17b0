package org.jixiao.cli;

import org.jixiao.FileResult;
import org.jixiao.Jixiao;

import java.nio.file.Path;

/** A program that uses jixiao as a library, for tests that look at what a library run prints. */
public final class LibraryRun {

    private LibraryRun() {
    }

    public static void main(String[] args) {
        for (String file : args) {
            FileResult result = Jixiao.withDefaults().process(Path.of(file));
            if (result.records().isEmpty()) {
                System.exit(1);
            }
        }
    }
}
