package org.jixiao.internal.write;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name ({@code .name.tmp}, beside its final name or in a given
 * folder of the same file system) and moved into place by {@link #commit()}: a reader never sees a
 * half-written output, and a killed run leaves only the temporary file, which the next run
 * overwrites.
 */
final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final FileOutputStream out;
    private boolean committed;

    /** A file whose temporary copy lives in {@code tempDir}, which must be on the target's file system. */
    AtomicFile(Path target, Path tempDir) throws IOException {
        this.target = target;
        Files.createDirectories(tempDir);
        this.temp = tempDir.resolve("." + target.getFileName() + ".tmp");
        this.out = new FileOutputStream(temp.toFile());
    }

    OutputStream stream() {
        return out;
    }

    Writer writer(boolean byteOrderMark) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (byteOrderMark) {
            // Excel reads BOM-less UTF-8 as the ANSI code page; the BOM makes it read Chinese right.
            w.write('\uFEFF');
        }
        return w;
    }

    /**
     * Forces the file to disk and moves it into place, so that after a crash the target is either
     * the old file or the complete new one. The caller flushes its writers first.
     */
    void commit() throws IOException {
        out.flush();
        out.getFD().sync();
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Abandons an uncommitted file. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
