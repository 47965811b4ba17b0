package org.jixiao.internal.score;

import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words the scorer writes or compares, read from {@code vocabulary.properties} so that no
 * Chinese sits in Java code: canonical grade labels (优, 良, 中, 差) and time units (小时, 天, …).
 * Immutable.
 */
final class Vocabulary {

    private static final String RESOURCE = "vocabulary.properties";

    private final Map<Grade, String> gradeLabels;
    private final Set<String> timeUnits;
    private final HeadingDictionary dictionary;

    private Vocabulary(Map<Grade, String> gradeLabels, Set<String> timeUnits,
                       HeadingDictionary dictionary) {
        this.gradeLabels = gradeLabels;
        this.timeUnits = timeUnits;
        this.dictionary = dictionary;
    }

    /** The shipped vocabulary; headings quoted in messages come from {@code dictionary}. */
    static Vocabulary load(HeadingDictionary dictionary) {
        Properties p = new Properties();
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<Grade, String> labels = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            labels.put(g, required(p, g.labelKey()));
        }
        Set<String> time = Arrays.stream(required(p, "time.units").split(","))
                .map(String::strip).collect(Collectors.toUnmodifiableSet());
        return new Vocabulary(Map.copyOf(labels), time, dictionary);
    }

    /** The canonical label written for {@code grade}: 优, 良, 中 or 差. */
    String label(Grade grade) {
        return gradeLabels.get(grade);
    }

    /** True if {@code unit} measures time (小时, 天, …), so a time limit. */
    boolean isTimeUnit(String unit) {
        return timeUnits.contains(unit);
    }

    /**
     * The usual heading of {@code field} (the dictionary's first variant, 分值 for WEIGHT), for
     * messages that name the form's own words; the field's key where the dictionary has none.
     */
    String heading(Field field) {
        return dictionary.variants(field).stream().findFirst().orElse(field.key());
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": key " + key + " is missing");
        }
        return value.strip();
    }
}
