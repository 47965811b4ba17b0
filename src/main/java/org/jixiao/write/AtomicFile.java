package org.jixiao.write;

import java.io.BufferedWriter;
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
 * A file written beside its final name ({@code .name.tmp}) and moved into place by
 * {@link #commit()}: a reader never sees a half-written output, and a killed run leaves only the
 * temporary file, which the next run overwrites.
 */
final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean committed;

    AtomicFile(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        this.out = Files.newOutputStream(temp);
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

    /** Flushes, forces to disk and moves the file into place. */
    void commit() throws IOException {
        out.flush();
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
