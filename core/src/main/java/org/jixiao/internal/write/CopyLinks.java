package org.jixiao.internal.write;

import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>Not thread-safe: call {@link #link} from the one thread that writes the outputs. Memory: one
 * small entry per distinct file content seen.
 */
public final class CopyLinks {

    /** Content hash of a file already seen with forms → the record key of its forms' ids. */
    private final Map<String, String> firstCopy = new HashMap<>();

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
            String hash = row.cell("content_hash");
            String recordId = row.cell("record_id");
            String key = recordKey(recordId);
            String first = firstCopy.putIfAbsent(hash, key);
            if (first != null && !first.equals(key)) {
                row = row.with("duplicate_of", first + "-" + row.cell("form_index"));
            }
            linked.add(row);
        }
        return linked;
    }

    /** {@code 1a2b3c4d5e6f7a8b-2} gives {@code 1a2b3c4d5e6f7a8b}. */
    private static String recordKey(String recordId) {
        int dash = recordId.lastIndexOf('-');
        return dash < 0 ? recordId : recordId.substring(0, dash);
    }
}
