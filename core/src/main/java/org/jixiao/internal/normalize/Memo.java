package org.jixiao.internal.normalize;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of a pure function of short strings.
 *
 * <p>The extractor asks about the same cell text several times per row (classifying the row,
 * aligning its values, checking its level names), and an archive repeats its labels and many of
 * its values from form to form; remembering answers spares re-normalizing and re-parsing them. The
 * memo holds at most {@code capacity} entries and is emptied when full, so memory stays bounded
 * whatever the batch; long strings (prose) are computed every time and never kept.
 */
final class Memo<V> {

    /** Strings longer than this are prose, which rarely repeats: not worth keeping. */
    private static final int MAX_KEY_LENGTH = 64;

    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Function<String, V> function;

    Memo(int capacity, Function<String, V> function) {
        this.capacity = capacity;
        this.function = function;
    }

    V get(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            return function.apply(key);
        }
        V value = entries.get(key);
        if (value == null) {
            value = function.apply(key);
            if (entries.size() >= capacity) {
                entries.clear();
            }
            entries.put(key, value);
        }
        return value;
    }
}
