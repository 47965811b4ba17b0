package org.jixiao.internal.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Links copies of one file: archives hold the same submission in several folders, and each copy's
 * forms get their own record ids (they are distinct rows of the run), so {@code duplicate_of} says
 * which form of the first copy each one repeats. Copies are linked, never merged or dropped.
 *
 * <p>"First" is the order rows are given in: a batch gives files in input order (the arguments as
 * given, each folder's files by relative path), so the link is the same whatever the number of
 * threads, and a resumed run links as an uninterrupted one does (its journal stores rows unlinked).
 *
 * <p>Not thread-safe: call {@link #link} from the one thread that writes the outputs. Memory: an
 * entry per distinct file content seen, which is every file of an archive without copies. So a
 * SHA-256 content hash is kept as its first 128 bits and the record key (16 hex digits) as a
 * number, in plain arrays: 50 to 70 bytes a file, where a map of the two as text held some 210 (a
 * million distinct files ran the CLI's heap out). Two distinct contents share the first 128 bits
 * of their SHA-256 with a chance of about 1 in 10^27 in a batch of a million files (1 in 10^21 in
 * a billion). A hash or key of another form (not lower-case hex of that length) is kept as text.
 */
public final class CopyLinks {

    private static final HexFormat HEX = HexFormat.of();

    private final FirstCopies compact = new FirstCopies();
    /** Content hash → record key, for the hashes and keys {@link #compact} cannot hold. */
    private final Map<String, String> asText = new HashMap<>();

    /**
     * The rows of one file with {@code duplicate_of} filled in on its {@code projects} rows when an
     * earlier file had the same content; other rows are returned as they are.
     *
     * @param fileRows every row of one file, as {@link Rows} renders them
     */
    public List<TableRow> link(List<TableRow> fileRows) {
        List<TableRow> linked = new ArrayList<>(fileRows.size());
        for (TableRow row : fileRows) {
            if (row.table() != OutputTable.PROJECTS || row.cell("content_hash").isEmpty()) {
                linked.add(row);
                continue;
            }
            String key = recordKey(row.cell("record_id"));
            String first = firstCopy(row.cell("content_hash"), key);
            if (!first.equals(key)) {
                row = row.with("duplicate_of", first + "-" + row.cell("form_index"));
            }
            linked.add(row);
        }
        return linked;
    }

    /** The record key of the first file seen with this content: {@code key} if none was. */
    private String firstCopy(String hash, String key) {
        if (isHex(hash, 64) && isHex(key, 16)) {
            long high = Long.parseUnsignedLong(hash, 0, 16, 16);
            long low = Long.parseUnsignedLong(hash, 16, 32, 16);
            long number = Long.parseUnsignedLong(key, 16);
            if (high != 0 || low != 0) {
                long first = compact.putIfAbsent(high, low, number);
                return first == number ? key : HEX.toHexDigits(first);
            }
        }
        String first = asText.putIfAbsent(hash, key);
        return first == null ? key : first;
    }

    private static boolean isHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1a2b3c4d5e6f7a8b-2} gives {@code 1a2b3c4d5e6f7a8b}. */
    private static String recordKey(String recordId) {
        int dash = recordId.lastIndexOf('-');
        return dash < 0 ? recordId : recordId.substring(0, dash);
    }

    /** 128-bit content fingerprints → the first record key, by open addressing; (0, 0) marks a free slot. */
    private static final class FirstCopies {
        long[] highs = new long[1024];
        long[] lows = new long[1024];
        long[] keys = new long[1024];
        int size;

        /** The key stored for the content, or {@code key}, now stored, if there was none. */
        long putIfAbsent(long high, long low, long key) {
            if ((size + 1) * 3L > highs.length * 2L) {
                grow();
            }
            int mask = highs.length - 1;
            int i = (int) low & mask;
            while (highs[i] != 0 || lows[i] != 0) {
                if (highs[i] == high && lows[i] == low) {
                    return keys[i];
                }
                i = (i + 1) & mask;
            }
            highs[i] = high;
            lows[i] = low;
            keys[i] = key;
            size++;
            return key;
        }

        private void grow() {
            long[] oldHighs = highs;
            long[] oldLows = lows;
            long[] oldKeys = keys;
            highs = new long[oldHighs.length * 2];
            lows = new long[highs.length];
            keys = new long[highs.length];
            size = 0;
            for (int i = 0; i < oldHighs.length; i++) {
                if (oldHighs[i] != 0 || oldLows[i] != 0) {
                    putIfAbsent(oldHighs[i], oldLows[i], oldKeys[i]);
                }
            }
        }
    }
}
