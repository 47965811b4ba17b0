package org.jixiao.internal.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.TableRow;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The batch's spool: an append-only file of finished inputs, each entry holding the input's name,
 * the SHA-256 of its content and its rendered output rows. A resumed run reuses the rows of every
 * input whose name and content hash are unchanged instead of processing it again.
 *
 * <p>Format: each entry is a header line {@code JX2 <payload bytes> <crc32 hex>\n} followed by a
 * UTF-8 CSV payload: a first record {@code file,<name>,<sha256>} then one record per output row,
 * {@code <table>,<cell>,...}. An entry is written with a single positional write, so a process
 * killed with {@code kill -9} leaves at most one torn entry at the end, which the length and CRC
 * reveal and {@link #resume} cuts off. Entries are not forced to disk one by one (that would cost
 * a disk flush per file); {@link #close()} forces them, so a power loss may cost the last entries
 * of an unfinished run, which a resumed run then simply processes again.
 *
 * <p>Thread-safety: {@link #find} and {@link #rows} may be called from any thread while one thread
 * calls {@link #append}; the index is filled by {@link #resume}, before the journal is shared, and
 * only read after.
 */
public final class Journal implements AutoCloseable {

    // JX2: errors rows gained form_index and the goals table came; a JX1 journal is cut off at its first entry.
    private static final String MAGIC = "JX2";
    private static final int MAX_HEADER = 64;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** One entry as {@link #find} read it back: the content hash it holds and its CSV payload. */
    public record Entry(String hash, String payload) {
    }

    private final FileChannel channel;
    /** The entries the journal held when it was opened ({@link #resume}); those appended since are not added. */
    private final Index index = new Index();
    private long end;

    private Journal(FileChannel channel, long end) {
        this.channel = channel;
        this.end = end;
    }

    /** Starts an empty journal at {@code file}, discarding any previous one. */
    public static Journal create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new Journal(ch, 0);
    }

    /**
     * Opens the journal at {@code file} (or starts one), indexes its complete entries and cuts off a
     * torn entry left by an interrupted run. A later entry for the same name replaces an earlier one.
     */
    public static Journal resume(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Journal journal = new Journal(ch, 0);
        try {
            journal.scan();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return journal;
    }

    private void scan() throws IOException {
        long valid = 0;
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        long pos = 0;
        while (true) {
            byte[] header = readLine(in);
            if (header == null) {
                break;
            }
            String[] parts = new String(header, StandardCharsets.US_ASCII).split(" ");
            if (parts.length != 3 || !parts[0].equals(MAGIC)) {
                break;
            }
            int length;
            long crc;
            try {
                length = Integer.parseInt(parts[1]);
                crc = Long.parseLong(parts[2], 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length < 0) {
                break;
            }
            byte[] payload = in.readNBytes(length);
            if (payload.length != length || crc32(payload) != crc) {
                break;
            }
            long payloadOffset = pos + header.length + 1;
            String[] key = key(new String(payload, StandardCharsets.UTF_8));
            index.put(fingerprint(key[0]), payloadOffset, length);
            pos = payloadOffset + length;
            valid = pos;
        }
        channel.truncate(valid);
        end = valid;
    }

    /** A line without its {@code \n}, or null at the end of the file or if the line is too long. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() >= MAX_HEADER) {
                return null;
            }
            line.write(b);
        }
        return null;
    }

    /** The name and content hash of an entry's payload: its first record. */
    private static String[] key(String payload) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(payload), FORMAT)) {
            CSVRecord first = parser.iterator().next();
            return new String[] {first.get(1), first.get(2)};
        }
    }

    /**
     * The entry for {@code name} if its content hash is {@code hash}, among the entries the journal
     * held when it was opened: what a resumed run may reuse. Entries appended since are on disk for
     * the next {@link #resume}, not in memory: a run never looks up a file it has just written.
     * Found by the name's fingerprint, and read back to check the entry's name and content hash.
     *
     * @throws IOException if the journal cannot be read
     */
    public Optional<Entry> find(String name, String hash) throws IOException {
        int slot = index.slot(fingerprint(name));
        if (slot < 0) {
            return Optional.empty();
        }
        // The name's fingerprint found it; the entry's own record says whether it is the file's
        // and holds this content. The payload read here is the one rows() parses.
        String payload = new String(payload(index.offsets[slot], index.lengths[slot]), StandardCharsets.UTF_8);
        String[] key = key(payload);
        return key[0].equals(name) && key[1].equals(hash) ? Optional.of(new Entry(hash, payload)) : Optional.empty();
    }

    /**
     * True if the journal held an entry for {@code name} when it was opened, whatever its content
     * hash. Told by the name's 64-bit fingerprint alone: two names of one journal share one with a
     * chance of about 3 in 100 million at a million names, and then a file is merely taken for
     * finished by the run that was cut short (it is parsed here rather than in a worker).
     */
    public boolean holds(String name) {
        return index.slot(fingerprint(name)) >= 0;
    }

    /** Number of inputs the journal held an entry for when it was opened. */
    public int size() {
        return index.size;
    }

    /** The output rows stored in {@code entry}, in the order they were appended. */
    public List<TableRow> rows(Entry entry) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(entry.payload()), FORMAT)) {
            boolean first = true;
            for (CSVRecord r : parser) {
                if (first) {
                    first = false;
                    continue;
                }
                List<String> values = r.toList();
                rows.add(new TableRow(OutputTable.ofLabel(values.get(0)), values.subList(1, values.size())));
            }
        }
        return rows;
    }

    /**
     * Appends the entry of one finished input; on the next {@link #resume} it replaces any earlier
     * entry for the same name.
     */
    public void append(String name, String hash, List<TableRow> rows) throws IOException {
        // The file's own record quoted as every row line is (RFC 4180, as FORMAT reads it back),
        // not through a CSVPrinter per file, whose set-up was most of this method's compiled code.
        StringBuilder text = new StringBuilder(TableRow.csvLine(List.of("file", name, hash))).append('\n');
        for (TableRow row : rows) {
            // The label is a plain word, so label + "," + the row's own CSV line is the record
            // of label and cells; the line is the one the CSV sink writes, quoted once.
            text.append(row.table().label()).append(',').append(row.csvLine()).append('\n');
        }
        byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
        // Concatenation, not formatted(): %d follows the default locale, which may not write ASCII digits.
        byte[] header = (MAGIC + " " + payload.length + " " + Long.toHexString(crc32(payload)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(header.length + payload.length).put(header).put(payload).flip();
        long at = end;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        end = at;
    }

    private byte[] payload(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException(String.format(Locale.ROOT, "journal entry at %d is cut short", offset));
            }
        }
        return buffer.array();
    }

    /**
     * A 64-bit fingerprint of a name (FNV-1a over its UTF-16 code units, then
     * MurmurHash3's finalizer to spread it): what the index keeps instead of the text.
     */
    static long fingerprint(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Where each name's last entry lies, by the name's fingerprint, in plain arrays (open
     * addressing): 40 to 60 bytes an entry, where a map of the names and keys as text held some 330
     * (200,000 entries: 65 MB of a 176 MB heap), so a run cut short after a million files can be
     * resumed.
     */
    private static final class Index {
        /** The name's fingerprint; 0 marks a free slot (a fingerprint of 0 is stored as 1). */
        long[] names = new long[1024];
        long[] offsets = new long[1024];
        int[] lengths = new int[1024];
        int size;

        /** The slot of {@code name}, or -1. */
        int slot(long name) {
            long stored = name == 0 ? 1 : name;
            int mask = names.length - 1;
            for (int i = (int) stored & mask; names[i] != 0; i = (i + 1) & mask) {
                if (names[i] == stored) {
                    return i;
                }
            }
            return -1;
        }

        /** Adds an entry, or replaces the one of the same name: a later entry is the file's latest. */
        void put(long name, long offset, int length) {
            if ((size + 1) * 3L > names.length * 2L) {
                grow();
            }
            long stored = name == 0 ? 1 : name;
            int mask = names.length - 1;
            int i = (int) stored & mask;
            while (names[i] != 0 && names[i] != stored) {
                i = (i + 1) & mask;
            }
            if (names[i] == 0) {
                size++;
            }
            names[i] = stored;
            offsets[i] = offset;
            lengths[i] = length;
        }

        private void grow() {
            long[] oldNames = names;
            long[] oldOffsets = offsets;
            int[] oldLengths = lengths;
            names = new long[oldNames.length * 2];
            offsets = new long[names.length];
            lengths = new int[names.length];
            size = 0;
            for (int i = 0; i < oldNames.length; i++) {
                if (oldNames[i] != 0) {
                    put(oldNames[i], oldOffsets[i], oldLengths[i]);
                }
            }
        }
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Forces every entry to disk and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Journal[%d entries when opened, %d bytes]", index.size, end);
    }
}
