package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.TextNormalizer;

import java.util.Optional;

/**
 * A label a narrow cell wrapped over two lines, as text exports write it:
 *
 * <pre>
 * 一级 / 指标            -> 一级指标            the second line alone is no label
 * 经济效益 / 指标        -> 经济效益指标
 * 服务对象 / 满意度指标  -> 服务对象满意度指标  the second line is a label, the first none, the two a level name
 * 满意度指标 / (10分)    -> 满意度指标(10分)    a level-1 name and the weight printed under it
 * 年度 / 指标值          -> 年度指标值          a column heading whose first word wrapped
 * </pre>
 *
 * The two lines are one label when together they are a heading or level name and neither line
 * alone is a different one.
 */
final class WrappedLabel {

    /** The most characters a wrapped second line holds when it is no label of its own. */
    private static final int MAX_TAIL = 4;

    private WrappedLabel() {
    }

    /** The joined label, or empty when {@code first} and {@code second} are two things. */
    static Optional<String> join(HeadingDictionary dictionary, Prose prose, String first, String second) {
        // Asked of every two neighbouring cells of a flat text: the cheap tests come first.
        if (first.isBlank() || second.isEmpty()) {
            return Optional.empty();
        }
        if (second.charAt(0) == '(') {
            LevelLabel under = LevelLabel.of(second, prose);
            boolean weightAlone = under.isLost() && under.weight().isPresent();
            return weightAlone && TextNormalizer.allHan(first)
                    ? dictionary.lookup(first).filter(Field::isLevel1Value).map(f -> first + second) : Optional.empty();
        }
        if (!TextNormalizer.allHan(second)) {
            return Optional.empty();
        }
        Optional<Field> alone = dictionary.lookup(first);
        String joined = first + second;
        Optional<Field> whole = dictionary.lookup(joined);
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        Optional<Field> tail = dictionary.lookup(second);
        boolean hanFirst = TextNormalizer.allHan(first);
        boolean wrappedWord = second.length() <= MAX_TAIL && tail.isEmpty() && (alone.isEmpty() || alone.equals(whole));
        // A level name whose first word wrapped onto a line of its own: the word alone names
        // nothing, the rest is a (shorter) level name, the whole a different one.
        boolean wrappedLevel = alone.isEmpty() && hanFirst && tail.isPresent() && !tail.equals(whole) && isLevel(whole.get());
        // A column heading whose first word wrapped (全年 / 执行数, 年度 / 指标值): the short word
        // names nothing, or the two together name what the rest names alone.
        boolean wrappedHeading = hanFirst && first.length() <= MAX_TAIL && tail.isPresent()
                && (alone.isEmpty() || tail.equals(whole));
        return wrappedWord || wrappedLevel || wrappedHeading ? Optional.of(joined) : Optional.empty();
    }

    private static boolean isLevel(Field f) {
        return f.isLevel1Value() || f.isLevel2Value();
    }
}
