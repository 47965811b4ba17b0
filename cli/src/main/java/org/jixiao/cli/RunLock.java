package org.jixiao.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The lock of an output folder: one run at a time may use its journal and temporary files. An OS
 * file lock on {@code DIR/.jixiao/lock}, so that a killed run never leaves the folder locked; the
 * file says who holds it (pid, host, start time) for the message of a run that finds it taken.
 */
final class RunLock implements AutoCloseable {

    /** The folder is in use by another run; the message says which. */
    static final class Held extends IOException {
        Held(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the output folder {@code dir} whose spool is {@code spool}.
     *
     * @throws Held if another run holds it
     */
    static RunLock acquire(Path dir, Path spool) throws IOException {
        FileChannel channel = FileChannel.open(spool.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // another run in this JVM holds it
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new Held(String.format(Locale.ROOT, "%s is in use by another run (%s); wait for it to end or use "
                    + "another --out folder", dir, holder));
        }
        String me = String.format(Locale.ROOT, "pid %d on %s, started %s", ProcessHandle.current().pid(), host(),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n = channel.read(buffer, 0);
            String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a run that has just started" : text;
        } catch (IOException e) {
            return "a run whose details cannot be read";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
