package org.jixiao.internal.batch;

import org.jixiao.internal.write.OutputTable;
import org.jixiao.internal.write.TableRow;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The byte format between a batch and its worker processes (over the child's stdin and stdout).
 *
 * <pre>
 * child, once started:   int HELLO
 * parent, per file:      int REQUEST, string path, string record name, int budget seconds
 * child, per file:       int REPLY, string content hash ("" if the file was not read whole),
 *                        int row count, per row: string table label, int cell count, strings
 * string:                int byte length, UTF-8 bytes
 * </pre>
 *
 * Strings carry a length rather than {@code writeUTF}'s 64 kB limit, since one cell can hold the
 * text of a whole paragraph. Anything unexpected (a wrong tag, a negative or huge length) is an
 * {@link IOException}: the parent then takes the child as broken, never the data as valid.
 */
public final class Wire {

    static final int HELLO = 0x4A585748;   // "JXWH"
    static final int REQUEST = 0x4A585752; // "JXWR"
    static final int REPLY = 0x4A585750;   // "JXWP"
    /** Larger than any string a limited read can give (4 M chars of text, 3 bytes each). */
    private static final int MAX_STRING_BYTES = 64 << 20;
    private static final int MAX_COUNT = 10_000_000;

    private Wire() {
    }

    /**
     * A file's request as the child reads it.
     *
     * @param recordName the name its record ids derive from (the parent's {@code RecordNames}), so
     *                   a worker keys the records exactly as a run in one JVM does
     */
    public record Request(String path, String recordName, int budgetSeconds) {
    }

    /** A file's result as the parent reads it. */
    public record Reply(Optional<String> contentHash, List<TableRow> rows) {
        public Reply {
            rows = List.copyOf(rows);
        }
    }

    public static void writeHello(DataOutputStream out) throws IOException {
        out.writeInt(HELLO);
        out.flush();
    }

    static void readHello(DataInputStream in) throws IOException {
        expect(in, HELLO);
    }

    static void writeRequest(DataOutputStream out, String path, String recordName, int budgetSeconds)
            throws IOException {
        out.writeInt(REQUEST);
        writeString(out, path);
        writeString(out, recordName);
        out.writeInt(budgetSeconds);
        out.flush();
    }

    /** The next request, or empty when the parent closed the stream (the child should end). */
    public static Optional<Request> readRequest(DataInputStream in) throws IOException {
        int tag;
        try {
            tag = in.readInt();
        } catch (java.io.EOFException e) {
            return Optional.empty();
        }
        if (tag != REQUEST) {
            throw new IOException(String.format(Locale.ROOT, "expected a request, got tag %08x", tag));
        }
        String path = readString(in);
        String recordName = readString(in);
        return Optional.of(new Request(path, recordName, in.readInt()));
    }

    public static void writeReply(DataOutputStream out, Optional<String> contentHash, List<TableRow> rows)
            throws IOException {
        out.writeInt(REPLY);
        writeString(out, contentHash.orElse(""));
        out.writeInt(rows.size());
        for (TableRow row : rows) {
            writeString(out, row.table().label());
            out.writeInt(row.cells().size());
            for (String cell : row.cells()) {
                writeString(out, cell);
            }
        }
        out.flush();
    }

    static Reply readReply(DataInputStream in) throws IOException {
        expect(in, REPLY);
        String hash = readString(in);
        int count = count(in);
        List<TableRow> rows = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            OutputTable table;
            try {
                table = OutputTable.ofLabel(readString(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("a reply names an unknown table", e);
            }
            int cells = count(in);
            List<String> values = new ArrayList<>(cells);
            for (int c = 0; c < cells; c++) {
                values.add(readString(in));
            }
            try {
                rows.add(new TableRow(table, values));
            } catch (IllegalArgumentException e) {
                throw new IOException("a reply holds a malformed row", e);
            }
        }
        return new Reply(hash.isEmpty() ? Optional.empty() : Optional.of(hash), rows);
    }

    private static void expect(DataInputStream in, int tag) throws IOException {
        int got = in.readInt();
        if (got != tag) {
            throw new IOException(String.format(Locale.ROOT, "expected tag %08x, got %08x", tag, got));
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("a count out of range: " + n);
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("a string length out of range: " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new java.io.EOFException("the stream ended inside a string");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
