package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;

import java.util.Optional;

/**
 * A label a narrow cell wrapped over two lines ({@code 一级} / {@code 指标}, {@code 经济效益} /
 * {@code 指标}), as text exports write it: the two lines are one label when together they are a
 * heading or level name, the second alone is none (a short run of Han characters), and the first
 * alone is none or the same one.
 */
final class WrappedLabel {

    /** The most characters a wrapped second line holds. */
    private static final int MAX_TAIL = 4;

    private WrappedLabel() {
    }

    /** The joined label, or empty when {@code first} and {@code second} are two things. */
    static Optional<String> join(HeadingDictionary dictionary, String first, String second) {
        if (first.isBlank() || !isWordTail(second)) {
            return Optional.empty();
        }
        String joined = first + second;
        Optional<Field> whole = dictionary.lookup(joined);
        Optional<Field> alone = dictionary.lookup(first);
        boolean one = whole.isPresent() && dictionary.lookup(second).isEmpty() && (alone.isEmpty() || alone.equals(whole));
        return one ? Optional.of(joined) : Optional.empty();
    }

    /** A short run of Han characters only: what a wrapped label leaves on its second line. */
    private static boolean isWordTail(String text) {
        return !text.isEmpty() && text.length() <= MAX_TAIL && text.codePoints()
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
