package org.jixiao.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns that find figures in running text, loaded from {@code prose.properties} so that no
 * Chinese wording sits in code. Immutable and thread-safe.
 */
final class Prose {

    /** The longest unit statement ({@code 单位：万元}, {@code 金额单位：元}). */
    private static final int MAX_UNIT_STATEMENT = 8;

    /** A leading {@code (?:word|word|…)} whose words are plain text, without regex syntax. */
    private static final Pattern LEADING_WORDS = Pattern.compile("^\\(\\?:([^\\\\()\\[\\]{}.*+?^$|]+(?:\\|[^\\\\()\\[\\]{}.*+?^$|]+)*)\\)");

    /**
     * A pattern, the characters of which a text must hold one before it is worth searching, and
     * the words one of which begins every match ({@link #startWords}). The search starts at the
     * first such word: the patterns open with an alternation, which java.util.regex tries at every
     * position of a long paragraph. {@code startChars} are the words' first characters.
     */
    private record Rule(Pattern pattern, String requires, List<String> starts, String startChars) {
        Rule(Pattern pattern, String requires, List<String> starts) {
            this(pattern, requires, starts, firstCharacters(starts));
        }

        private static String firstCharacters(List<String> words) {
            StringBuilder chars = new StringBuilder();
            for (String w : words) {
                if (chars.indexOf(w.substring(0, 1)) < 0) {
                    chars.append(w.charAt(0));
                }
            }
            return chars.toString();
        }

        Optional<String> first(String text) {
            return find(text).map(m -> m.group(1));
        }

        /** The first match in {@code text}, searched from the first of {@link #starts}. */
        Optional<Matcher> find(String text) {
            if (!requires.isEmpty() && !holdsAnyOf(text)) {
                return Optional.empty();
            }
            int from = starts.isEmpty() ? 0 : firstStart(text);
            if (from < 0) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(text);
            return m.find(from) ? Optional.of(m) : Optional.empty();
        }

        /** A plain loop: this runs on every cell of every form, where a char stream cost a tenth of extraction. */
        private boolean holdsAnyOf(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (requires.indexOf(text.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Where the earliest of {@link #starts} occurs in {@code text}, or -1: one pass that tries
         * the words only where one of their first characters stands, rather than a search per word
         * (this runs on every cell and paragraph, for each rule).
         */
        private int firstStart(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (startChars.indexOf(text.charAt(i)) >= 0) {
                    for (String word : starts) {
                        if (text.startsWith(word, i)) {
                            return i;
                        }
                    }
                }
            }
            return -1;
        }
    }

    private final Rule year;
    private final Rule total;
    private final Rule grade;
    private final Rule executionRate;
    private final Rule title;
    private final Rule fundsUnit;
    private final Pattern yearTitle;
    private final Rule project;
    private final Pattern levelWeight;
    private final Pattern levelEnumerator;
    private final Pattern placeholder;
    private final Pattern subRow;
    private final Pattern slot;
    private final Pattern instruction;
    private final Rule noteLead;
    private final Pattern yesMark;
    private final Rule departmentTitle;
    private final Rule transfer;
    private final Glued glued;

    private Prose(Properties p) {
        this.year = rule(p, "year");
        this.total = rule(p, "prose.total");
        this.grade = rule(p, "prose.grade");
        this.executionRate = rule(p, "prose.execution_rate");
        this.title = rule(p, "title");
        this.fundsUnit = rule(p, "funds.unit");
        this.yearTitle = pattern(p, "year.title");
        this.project = rule(p, "prose.project");
        this.levelWeight = pattern(p, "level.weight");
        this.levelEnumerator = pattern(p, "level.enumerator");
        this.placeholder = pattern(p, "placeholder");
        this.slot = pattern(p, "slot");
        this.instruction = pattern(p, "instruction");
        this.noteLead = rule(p, "note.lead");
        this.subRow = pattern(p, "subrow");
        this.yesMark = pattern(p, "yes.marks");
        this.departmentTitle = rule(p, "title.department");
        this.transfer = rule(p, "title.transfer");
        this.glued = new Glued(words(p, "glued.qualities"), words(p, "glued.degrees"), words(p, "glued.units"),
                words(p, "glued.date_tails"), words(p, "glued.value_starts"), words(p, "glued.level2"),
                single(p, "glued.unit_after_figure"), pattern(p, "glued.comparator"),
                pattern(p, "glued.comparator_at_end"), pattern(p, "glued.date"), pattern(p, "glued.leading_figure"),
                words(p, "glued.yes_no"), words(p, "glued.natures"), pattern(p, "glued.weighted_label"),
                pattern(p, "glued.level_weight"), pattern(p, "glued.placeholder"), pattern(p, "glued.own_level_name"),
                pattern(p, "glued.section_number"), words(p, "glued.header_words"), pattern(p, "glued.part_label"),
                single(p, "glued.level_suffix"));
    }

    /**
     * The words and patterns the glued-text reader ({@link GluedText}, {@link GluedGrammar}) splits
     * cells by; prose.properties' {@code glued.*} keys say what each is.
     */
    record Glued(List<String> qualities, List<String> degrees, List<String> units, List<String> dateTails,
                 List<String> valueStarts, List<String> level2, String unitAfterFigure, Pattern comparator, Pattern comparatorAtEnd, Pattern date,
                 Pattern leadingFigure, List<String> yesNo, List<String> natures, Pattern weightedLabel,
                 Pattern levelWeight, Pattern placeholder, Pattern ownLevelName, Pattern sectionNumber,
                 List<String> headerWords, Pattern partLabel, String levelSuffix) {

        /** The nature word of a qualitative indicator (定性), the first of {@link #natures}. */
        String qualitative() {
            return natures.get(0);
        }
    }

    /** The glued-text reader's words and patterns. */
    Glued glued() {
        return glued;
    }

    /** The value of {@code key}; a missing or blank key is a broken resource, not a form's fault. */
    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("prose.properties has no key " + key);
        }
        return value;
    }

    private static String single(Properties p, String key) {
        return required(p, key).strip();
    }

    private static List<String> words(Properties p, String key) {
        return java.util.Arrays.stream(required(p, key).split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static Pattern pattern(Properties p, String key) {
        return Pattern.compile(required(p, key));
    }

    /**
     * The words and patterns of the shipped {@code prose.properties}, read once: they are the same
     * for every pipeline, and reading and compiling them took about a millisecond per pipeline.
     */
    static Prose shipped() {
        return Shipped.PROSE;
    }

    /** Read on first use, by the class loader's lock: one instance, safely published. */
    private static final class Shipped {
        static final Prose PROSE = load();
    }

    static Prose load() {
        try (InputStream in = Prose.class.getResourceAsStream("prose.properties")) {
            if (in == null) {
                throw new IllegalStateException("resource missing: prose.properties");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Prose(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prose.properties", e);
        }
    }

    private static Rule rule(Properties p, String key) {
        String regex = required(p, key);
        return new Rule(Pattern.compile(regex), p.getProperty(key + ".requires", ""), startWords(regex));
    }

    /**
     * The words one of which begins every match: the alternatives of a leading group of plain words
     * ({@code (?:总得分|总分)…} gives 总得分 and 总分); none when the pattern opens otherwise.
     */
    static List<String> startWords(String regex) {
        Matcher m = LEADING_WORDS.matcher(regex);
        return m.find() ? List.of(m.group(1).split("\\|")) : List.of();
    }

    Optional<Integer> year(String text) {
        Optional<Integer> y = year.first(text).map(Integer::valueOf);
        return y.isPresent() ? y : titleYear(text);
    }

    /** The year a form's title opens with ({@code 2022年度项目支出绩效自评表}). */
    Optional<Integer> titleYear(String text) {
        if (text.length() > 60) {
            return Optional.empty();
        }
        Matcher m = yearTitle.matcher(text);
        return m.find() ? Optional.of(Integer.valueOf(m.group(1))) : Optional.empty();
    }

    /** A project named in prose ({@code 该X项目于2020年…}): its name and year. */
    Optional<Matcher> projectInProse(String text) {
        // Searched from the first of its leading words: this is asked of every paragraph and cell.
        return project.find(text);
    }

    Optional<String> total(String text) {
        return total.first(text);
    }

    Optional<String> grade(String text) {
        return grade.first(text);
    }

    Optional<String> executionRate(String text) {
        return executionRate.first(text);
    }

    /** The money unit a funds block label states (项目资金(元) gives 元), if any. */
    Optional<String> fundsUnit(String label) {
        return fundsUnit.first(label);
    }

    /**
     * A form's statement of its money unit and nothing more ({@code 单位:万元}, {@code (万元)}): what a
     * head's sign-and-stamp line puts beside 主管部门(盖章):, no value of that label.
     */
    boolean isUnitStatement(String text) {
        return text.length() <= MAX_UNIT_STATEMENT && fundsUnit(text).isPresent();
    }

    /** The weight a level label prints ({@code 产出指标(50分)} gives 50); the match's start is where the label ends. */
    Optional<Matcher> levelWeight(String label) {
        Matcher m = levelWeight.matcher(label);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** The length of the numbering in front of a level label ({@code 一、}, {@code (一)}); 0 if none. */
    int levelEnumeratorLength(String label) {
        Matcher m = levelEnumerator.matcher(label);
        return m.find() ? m.end() : 0;
    }

    /** A template's filler instead of a value: {@code -}, {@code ……}, {@code /}, {@code 无}. */
    boolean isPlaceholder(String text) {
        return placeholder.matcher(text).matches();
    }

    /** The template's instruction for a cell, left in it unfilled (说明…完成情况(100字以内)). */
    boolean isInstruction(String text) {
        return instruction.matcher(text).find();
    }

    /** Text ending in the word that opens a note (注:, 备注:, 说明:): what follows it is the note. */
    boolean isNoteLead(String text) {
        // A rule, not a bare pattern: asked of every indicator name, and most hold none of its words.
        return noteLead.find(text).isPresent();
    }

    /** The template's numbered slot (指标2, 指标2:) without the indicator's name after it. */
    boolean isEmptySlot(String text) {
        return slot.matcher(text).matches();
    }

    /** A 其中 row that details the indicator above it. */
    boolean isSubRow(String level3) {
        return isSubRow(level3, 0, level3.length());
    }

    /** {@link #isSubRow(String)} of {@code text[from, to)}, a cell of a glued line, without copying it out. */
    boolean isSubRow(String text, int from, int to) {
        return subRow.matcher(text).region(from, to).find();
    }

    /** A mark that answers yes in a yes/no column ({@code √}). */
    boolean isYesMark(String text) {
        return yesMark.matcher(text).matches();
    }

    /** A title or label of a department's whole-budget form. */
    boolean isDepartmentTitle(String text) {
        return departmentTitle.find(text).isPresent();
    }

    /** A title or label of a transfer-payment form. */
    boolean isTransfer(String text) {
        return transfer.find(text).isPresent();
    }

    boolean isTitle(String text) {
        return title.find(text).isPresent();
    }
}
