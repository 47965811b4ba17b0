package org.jixiao.internal.batch;

/**
 * Which files a batch parses in its own JVM, and which it hands to a worker process.
 *
 * <p>A parse in the batch's JVM costs nothing extra, but it cannot be stopped for real (a Java
 * thread deaf to interrupts runs on) and it shares the heap with every other file. A worker process
 * can be killed with its heap, but each file then costs a round trip and is parsed by a JVM that
 * has seen only a share of the batch (every file in a worker, the warm throughput of ordinary
 * forms was 0.57 to 0.78 of the in-process one, bench/README.md). So a file goes to a worker only when its bytes say it could be expensive:
 * larger than any form ({@link #maxBytes}; the corpus's largest form is 160 kB), or a zip whose
 * central directory declares more inflated bytes than a form holds ({@link #maxInflatedBytes}), is
 * zip64, or cannot be read (a reader would then fall back to the package model, which inflates
 * whatever the local headers hold). Everything else is a small file that the readers' own limits
 * (cells, characters, the zip-bomb ratio) end quickly; the batch still sends it to a worker if its
 * parse in process runs out of memory or past its time (see {@code BatchRun}).
 *
 * @param maxBytes         the largest file parsed in process; negative: none (every file in a worker)
 * @param maxInflatedBytes the largest sum of a zip's declared entry sizes parsed in process
 */
public record InProcessLimits(long maxBytes, long maxInflatedBytes) {

    /** 1 MiB files, 16 MiB inflated: six times the largest form, far below what lifts the heap. */
    public static InProcessLimits defaults() {
        return new InProcessLimits(1L << 20, 16L << 20);
    }

    /** Nothing in process: every file in a worker (tests, and -Djixiao.inprocess.max-bytes=-1). */
    public static InProcessLimits none() {
        return new InProcessLimits(-1, -1);
    }

    /** Whether a file of {@code size} bytes may be parsed in process, before it is read. */
    public boolean admitsSize(long size) {
        return size <= maxBytes;
    }

    /** Whether {@code content} (already admitted by size) may be parsed in process. */
    public boolean admits(byte[] content) {
        if (!admitsSize(content.length)) {
            return false;
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return true;
        }
        return declaredInflatedBytes(content) <= maxInflatedBytes;
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_SIZE = 46;

    /**
     * The sum of the uncompressed sizes a zip's central directory declares; {@link Long#MAX_VALUE}
     * when there is none to read, it is zip64 (sizes in an extra field) or it is damaged. The sizes
     * can lie, but a lie only makes the inflation stop earlier: the readers' zip-bomb guard counts
     * the bytes actually inflated.
     */
    static long declaredInflatedBytes(byte[] zip) {
        int end = findEnd(zip);
        if (end < 0) {
            return Long.MAX_VALUE;
        }
        int entries = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL
                || directoryOffset + directorySize > end) {
            return Long.MAX_VALUE;
        }
        long total = 0;
        int at = (int) directoryOffset;
        for (int i = 0; i < entries; i++) {
            if (at + ENTRY_SIZE > end || s32(zip, at) != ENTRY_SIGNATURE) {
                return Long.MAX_VALUE;
            }
            long size = u32(zip, at + 24);
            if (size == 0xFFFFFFFFL) {
                return Long.MAX_VALUE;
            }
            total += size;
            at += ENTRY_SIZE + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
        }
        return total;
    }

    /** The offset of the end-of-central-directory record, searched back over the longest comment; -1 if none. */
    private static int findEnd(byte[] zip) {
        int lowest = Math.max(0, zip.length - END_SIZE - 0xFFFF);
        for (int at = zip.length - END_SIZE; at >= lowest; at--) {
            if (s32(zip, at) == END_SIGNATURE) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return s32(b, at) & 0xFFFFFFFFL;
    }

    private static int s32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
