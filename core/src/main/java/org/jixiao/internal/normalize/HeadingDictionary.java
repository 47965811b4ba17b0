package org.jixiao.internal.normalize;

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
 * <p>Matching is tolerant of what varies between forms without changing the meaning:
 * <ul>
 *   <li>width and traditional characters, through {@link TextNormalizer} ({@code 項目名稱});</li>
 *   <li>spacing anywhere ({@code 产 出 指 标}, {@code 产出情况及 分析});</li>
 *   <li>a trailing colon, full- or half-width ({@code 项目名称：});</li>
 *   <li>trailing parenthesized units or weights on headings ({@code 项目资金（万元）},
 *       {@code 分值（分）}, {@code 年度总金额(万元)}); on the cell-value vocabularies
 *       ({@code LEVEL1_*}, {@code LEVEL2_*}, {@code GRADE_*}) only a weight ({@code 产出指标(50分)}),
 *       because {@code 服务对象满意度(%)} is the name of an indicator, not the level-1 group;</li>
 *   <li>a leading enumerator of at most three characters ending in {@code 、} or {@code .}, or in
 *       parentheses ({@code 四、项目主要经验做法}, {@code (二)预算执行情况}, {@code 1. 产出情况及分析},
 *       {@code 附件1.项目支出绩效自评表});</li>
 *   <li>a leading qualifier of at most three characters ending in a colon ({@code 其中：上年结转资金}).</li>
 * </ul>
 * Each relaxation is tried only after the exact form failed, and only if what remains is itself a
 * listed variant, so an indicator name is never read as a heading by accident.
 *
 * <pre>
 * lookup("全年预算数")          -> FULL_YEAR_BUDGET
 * lookup("项目名称：")          -> PROJECT_NAME
 * lookup("产出指标(50分)")      -> LEVEL1_OUTPUT
 * lookup("五、项目管理中存在问题及原因分析") -> PROBLEMS
 * lookup("服务对象满意度(%)")    -> empty
 * lookup("运维项目数")          -> empty
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HeadingDictionary {

    private static final String RESOURCE = "headings.tsv";
    private static final int MEMO_CAPACITY = 16_384;
    private static final Pattern TRAILING_PAREN = Pattern.compile("\\(([^()]*)\\)$");
    /** A weight written after a label: {@code 50分}, {@code 10.5分}, {@code 50}: a number and at most one Han character. */
    private static final Pattern WEIGHT = Pattern.compile("\\d+(?:\\.\\d+)?\\p{IsHan}?");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:\uFF1A]+$");
    /** {@code 四、}, {@code 1.}, {@code (二)}, {@code (1).}, {@code 附件1.}; U+3001 is the ideographic comma. */
    private static final Pattern LEADING_ENUMERATOR =
            Pattern.compile("^(?:\\([^()]{1,3}\\)[.\u3001]?|[^\\s\u3001.()]{1,3}[.\u3001])");
    /** {@code 其中:} before a fund line. */
    private static final Pattern LEADING_QUALIFIER = Pattern.compile("^[^:()]{1,3}:");

    private final TextNormalizer normalizer;
    private final Map<String, Field> byKey;
    private final Map<Field, List<String>> variants;
    /**
     * Longest text that can still be a heading: twice the longest variant (letter-spaced labels)
     * plus room for an enumerator, a colon and a bracketed unit.
     */
    private final int maxHeadingLength;
    private final Memo<Optional<Field>> memo = new Memo<>(MEMO_CAPACITY, this::find);

    private HeadingDictionary(TextNormalizer normalizer, Map<String, Field> byKey, Map<Field, List<String>> variants) {
        this.normalizer = normalizer;
        this.byKey = byKey;
        this.variants = variants;
        this.maxHeadingLength = 2 * variants.values().stream().flatMap(List::stream)
                .mapToInt(String::length).max().orElse(0) + 16;
    }

    /**
     * The dictionary shipped with jixiao ({@code headings.tsv} beside this class). Throws
     * {@link IllegalStateException} if the resource is missing or malformed: that is a build bug.
     */
    public static HeadingDictionary load(TextNormalizer normalizer) {
        Map<String, Field> byKey = new HashMap<>();
        Map<Field, List<String>> variants = new EnumMap<>(Field.class);
        for (TsvResource.Line line : TsvResource.read(RESOURCE, "canonical\tvariant")) {
            Field field;
            try {
                field = Field.valueOf(line.field(0).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: unknown field '%s'",
                        RESOURCE, line.number(), line.field(0)), e);
            }
            String variant = line.field(1);
            String key = keyOf(normalizer, variant);
            Field previous = byKey.putIfAbsent(key, field);
            if (previous != null && previous != field) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: '%s' is both %s and %s",
                        RESOURCE, line.number(), variant, previous.key(), field.key()));
            }
            variants.computeIfAbsent(field, f -> new ArrayList<>()).add(variant);
        }
        variants.replaceAll((f, list) -> List.copyOf(list));
        return new HeadingDictionary(normalizer, Map.copyOf(byKey), Collections.unmodifiableMap(variants));
    }

    /**
     * The canonical field of {@code heading}, or empty if it is not a known heading or label
     * (also for {@code null} and blank text).
     */
    public Optional<Field> lookup(String heading) {
        if (heading == null || heading.length() > maxHeadingLength || !TextNormalizer.hasHan(heading)) {
            // Every variant is a short Chinese label: numbers, codes and prose are no heading, and
            // are by far most of the cells asked about, so they are turned away before normalizing.
            // (Blank text holds no Han character: no separate blank test.)
            return Optional.empty();
        }
        return memo.get(heading);
    }

    private Optional<Field> find(String heading) {
        String key = keyOf(normalizer, heading);
        Optional<Field> found = withoutTrailingParens(key);
        if (found.isPresent()) {
            return found;
        }
        for (Pattern prefix : List.of(LEADING_ENUMERATOR, LEADING_QUALIFIER)) {
            Matcher m = prefix.matcher(key);
            if (m.find() && m.end() < key.length()) {
                found = withoutTrailingParens(key.substring(m.end()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The field of {@code key} as it is, or after dropping trailing parenthesized units or weights. */
    private Optional<Field> withoutTrailingParens(String key) {
        Field exact = byKey.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        String stripped = key;
        boolean onlyWeights = true;
        Matcher m;
        while ((m = TRAILING_PAREN.matcher(stripped)).find() && m.start() > 0) {
            onlyWeights &= WEIGHT.matcher(m.group(1)).matches();
            stripped = stripped.substring(0, m.start());
            Field f = byKey.get(stripped);
            if (f != null && (onlyWeights || !isValueVocabulary(f))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean isValueVocabulary(Field f) {
        return f.isLevel1Value() || f.isLevel2Value() || f.isGradeValue();
    }

    /**
     * Every known heading as the normalized text {@link #lookup} matches exactly (no spaces, lower
     * case, no trailing colon), with its field: for finding headings inside text whose cells were
     * glued together, where no cell boundary says where a heading starts.
     */
    public Map<String, Field> headingsByKey() {
        return byKey;
    }

    /** True if {@code heading} is a variant of {@code field}. */
    public boolean is(String heading, Field field) {
        // No lambda: this is asked several times for every cell, and a capturing lambda is an
        // allocation and a method-handle call each time until the JIT has inlined it.
        Optional<Field> found = lookup(heading);
        return found.isPresent() && found.get() == field;
    }

    /** The variants listed for {@code field}, as written in the resource, in file order; empty if none. */
    public List<String> variants(Field field) {
        return variants.getOrDefault(field, List.of());
    }

    private static String keyOf(TextNormalizer normalizer, String s) {
        String n = normalizer.apply(s).replace(" ", "");
        return TRAILING_COLON.matcher(n).replaceFirst("").toLowerCase(Locale.ROOT);
    }
}
