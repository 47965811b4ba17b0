package org.jixiao.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a heading or label as written to its canonical {@link Field}, from the synonym table
 * {@code headings.tsv} ({@code canonical<TAB>variant}).
 *
 * <p>Matching is tolerant of what varies between forms without changing the meaning: width and
 * traditional characters (through {@link TextNormalizer}), spacing ({@code 产 出 指 标}), a
 * trailing colon ({@code 项目名称：}), a trailing parenthesized unit or weight
 * ({@code 项目资金(万元)}, {@code 产出指标(50分)}, {@code 分值（分）}).
 *
 * <pre>
 * lookup("全年预算数")      -> FULL_YEAR_BUDGET
 * lookup("项目名称：")      -> PROJECT_NAME
 * lookup("产出指标(50分)")  -> LEVEL1_OUTPUT
 * lookup("运维项目数")      -> empty
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HeadingDictionary {

    private static final String RESOURCE = "headings.tsv";
    private static final Pattern TRAILING_PAREN = Pattern.compile("\\([^()]*\\)$");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：]+$");

    private final TextNormalizer normalizer;
    private final Map<String, Field> byKey;
    private final Map<Field, List<String>> variants;

    private HeadingDictionary(TextNormalizer normalizer, Map<String, Field> byKey, Map<Field, List<String>> variants) {
        this.normalizer = normalizer;
        this.byKey = byKey;
        this.variants = variants;
    }

    /** The dictionary shipped with jixiao. */
    public static HeadingDictionary load(TextNormalizer normalizer) {
        try (InputStream in = HeadingDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            return parse(normalizer, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static HeadingDictionary parse(TextNormalizer normalizer, InputStream in) throws IOException {
        Map<String, Field> byKey = new HashMap<>();
        Map<Field, List<String>> variants = new EnumMap<>(Field.class);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("canonical\t")) {
            throw new IllegalStateException(RESOURCE + ": first line must be 'canonical<TAB>variant', got " + header);
        }
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 2) {
                throw new IllegalStateException("%s line %d: expected 2 tab-separated fields, got %d"
                        .formatted(RESOURCE, lineNo, parts.length));
            }
            Field field = Field.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
            String key = keyOf(normalizer, parts[1]);
            Field previous = byKey.putIfAbsent(key, field);
            if (previous != null && previous != field) {
                throw new IllegalStateException("%s line %d: '%s' is both %s and %s"
                        .formatted(RESOURCE, lineNo, parts[1], previous.key(), field.key()));
            }
            variants.computeIfAbsent(field, f -> new ArrayList<>()).add(parts[1]);
        }
        variants.replaceAll((f, list) -> List.copyOf(list));
        return new HeadingDictionary(normalizer, Map.copyOf(byKey), Collections.unmodifiableMap(variants));
    }

    /** The canonical field of {@code heading}, or empty if it is not a known heading. */
    public Optional<Field> lookup(String heading) {
        if (heading == null || heading.isBlank()) {
            return Optional.empty();
        }
        String key = keyOf(normalizer, heading);
        Field exact = byKey.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        // 项目资金(万元) / 产出指标(50分) / 分值(分): the parenthesized unit or weight does not change the heading.
        String stripped = key;
        boolean weightSuffix = false;
        Matcher paren = TRAILING_PAREN.matcher(stripped);
        while (paren.find()) {
            weightSuffix |= paren.group().chars().anyMatch(Character::isDigit);
            stripped = stripped.substring(0, paren.start());
            Field f = byKey.get(stripped);
            // A level or grade name takes only a weight in brackets (产出指标(50分)); with any other
            // bracket it is an indicator's own name (服务对象满意度(%) is a level-3 indicator).
            if (f != null && (weightSuffix || !isValueVocabulary(f))) {
                return Optional.of(f);
            }
            paren = TRAILING_PAREN.matcher(stripped);
        }
        return Optional.empty();
    }

    private static boolean isValueVocabulary(Field f) {
        return f.isLevel1Value() || f.isLevel2Value() || f.isGradeValue();
    }

    /** True if {@code heading} is a variant of {@code field}. */
    public boolean is(String heading, Field field) {
        return lookup(heading).filter(f -> f == field).isPresent();
    }

    /** The variants listed for {@code field}, as written in the resource. */
    public List<String> variants(Field field) {
        return variants.getOrDefault(field, List.of());
    }

    private static String keyOf(TextNormalizer normalizer, String s) {
        String n = normalizer.apply(s).replace(" ", "");
        return TRAILING_COLON.matcher(n).replaceFirst("").toLowerCase(Locale.ROOT);
    }
}
