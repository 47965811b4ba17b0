package org.jixiao.internal.extract;

import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.model.Cell;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Paragraph;
import org.jixiao.model.Row;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceRef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds the rows of a form whose table cells were glued together: text copied out of a web
 * page or a PDF viewer, one table row per line or the whole form on one line, with no separator
 * between cells ({@code 数量指标培训人数≥100人次120人次1010}).
 *
 * <p>Such a text is read as a stream of tokens. The heading vocabulary finds the labels (项目名称,
 * 主管部门 …) and the headers of the funds block and the indicator table, whose columns fix the
 * order of the values that follow. In the indicator table the level names (产出指标, 数量指标,
 * 项目决策(10分) …) anchor the rows, and each run of text between anchors is split into rows of
 * name and values by the grammar of each column: weights and scores are numbers of at most 100
 * (a score not above its weight, a weight not above its block's), targets and actuals are
 * comparator, number and unit, a date, a dash, a word such as 达标 or 较及时, or failing all that
 * free text; a target written again as the actual is the likeliest reading. Every reading of the
 * least cost is kept: a cell on which they all agree is filled, a cell on which they differ is
 * left blank with an {@code ambiguous_cell} finding holding the text it saw, since a wrong number
 * is worse than none. A figure that does not parse (OCR's {@code IO} for 10) stays blank with its
 * finding; nothing is repaired.
 *
 * <p>Page counters of document-sharing sites ({@code 2、} at the start of a line, counting up) are
 * dropped and the line is glued to the one before, as the page break cut a row. The rebuilt rows
 * are handed to {@link FormReader} like any table's, each cell citing its line ({@code line 12}).
 */
final class GluedText {

    /** A line counter of a sharing site: 1、, 2、 … at the very start of a line. */
    private static final Pattern PAGE_MARKER = Pattern.compile("^(\\d{1,2})\u3001");
    /** A heading's decoration glued after it: (万元), (A), (B/A), (20分*执行率), a colon. */
    private static final Pattern DECORATION = Pattern.compile("\\G(?:\\s*[(][^()]{0,14}[)]|\\s*[:\uFF1A])");
    /** A level name printed with its weight: 项目决策(10分), 数量指标(10分). */
    private static final Pattern WEIGHTED_LABEL = Pattern.compile("(\\p{IsHan}{2,9})[(](\\d{1,3}(?:\\.\\d+)?)分[)]");
    /** An empty row of a template: 指标1:, 指标2:. */
    private static final Pattern LEVEL_WEIGHT = Pattern.compile("[(](\\d{1,3}(?:\\.\\d+)?)分[)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("指标\\d{1,2}[:\uFF1A]");
    /** A level name a template adds to the national ones, written at the start of its row: 长效管理指标. */
    private static final Pattern OWN_LEVEL_NAME = Pattern.compile("^\\p{IsHan}{2,6}指标(?=\\p{IsHan})");
    /** Characters that make the number before them a count, a date or a rate, never a weight or a score. */
    private static final String UNIT_AFTER_FIGURE = "月日%‰";
    private static final String COMPARATORS = "≥≤><=≧≦＞＜";
    private static final Pattern NUMBER = Pattern.compile("\\G\\d+(?:\\.\\d+)?");
    private static final Pattern COMPARATOR = Pattern.compile("\\G[≥≤><=≧≦＞＜]{1,2}|\\G(?:大于等于|小于等于|大于|小于|不低于|不高于|不少于|不超过|约)");
    private static final Pattern DATE = Pattern.compile("\\G\\d{4}年(?:\\d{1,2}月)?(?:\\d{1,2}日)?");
    /** A figure OCR garbled: digits and letters that look like them ({@code IO} for 10, {@code l5}). */
    private static final Pattern GARBLED = Pattern.compile("\\G[0-9IOolSZ]{1,3}(?![A-Za-z0-9])");
    /** An amount whose first digits OCR read as letters: M.8, l5.2. */
    private static final Pattern GARBLED_AMOUNT = Pattern.compile("\\G[A-Za-z]{1,2}\\.?\\d+(?:\\.\\d+)?");
    private static final int GARBLED_VALUE = 2;
    private static final Pattern LETTERS_IN_FIGURE = Pattern.compile("[IOolSZ]");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    /** Commas and full stops: a sentence (a reason) has them, an indicator's name hardly ever. */
    private static final Pattern SENTENCE_MARKS = Pattern.compile("[,，。;；]");
    private static final Set<Field> INDICATOR_ENDS = EnumSet.of(Field.TOTAL_SCORE, Field.GRADE, Field.ANALYSIS,
            Field.ANALYSIS_BUDGET, Field.ANALYSIS_OUTPUT, Field.ANALYSIS_BENEFIT, Field.ANALYSIS_SATISFACTION,
            Field.EXPERIENCE, Field.PROBLEMS, Field.FORM_TITLE, Field.DEPT_FORM_TITLE, Field.PROJECT_NAME,
            Field.GOAL_EXPECTED, Field.ANNUAL_GOAL, Field.DEVIATION_REASON, Field.IMPROVEMENTS);
    private static final Set<Field> FUND_LINES = EnumSet.of(Field.FUND_TOTAL, Field.FUND_FISCAL,
            Field.FUND_CENTRAL, Field.FUND_PROVINCIAL, Field.FUND_MUNICIPAL, Field.FUND_CARRYOVER, Field.FUND_OTHER,
            Field.FUND_LOCAL, Field.FUND_BASIC, Field.FUND_PROJECT_SPENDING);
    private static final Set<Field> FUND_FIGURES = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET,
            Field.FUNDS_RECEIVED, Field.EXECUTED, Field.BALANCE, Field.EXECUTION_RATE, Field.ARRIVAL_RATE,
            Field.WEIGHT, Field.SCORE, Field.BUDGET_WEIGHT, Field.BUDGET_SCORE, Field.CONVERTED_SCORE,
            Field.REVIEW_SCORE);
    private static final Set<Field> NATIONAL_LEVEL1 = EnumSet.of(Field.LEVEL1_OUTPUT, Field.LEVEL1_BENEFIT,
            Field.LEVEL1_SATISFACTION);
    /** The labels looked for with OCR's slack: the form's head, the funds headings, the weight column. */
    private static final Set<Field> OCR_TOLERANT = EnumSet.of(Field.PROJECT_NAME, Field.DEPARTMENT, Field.IMPLEMENTER,
            Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET, Field.EXECUTED, Field.EXECUTION_RATE, Field.FUND_TOTAL,
            Field.WEIGHT);
    /** Labels a title never takes in. */
    private static final Set<Field> HEAD_LABELS = EnumSet.of(Field.PROJECT_NAME, Field.DEPARTMENT, Field.IMPLEMENTER,
            Field.CENTRAL_DEPARTMENT, Field.FORM_DETAIL, Field.FUNDS_BLOCK, Field.TOTAL_SCORE);
    /** Headings short enough to be found inside running words (效果, 决策, 产出) are not looked for. */
    private static final int MIN_GLUED_HEADING = 4;
    /** The most readings of one run kept to compare; more means the run is too ambiguous to read. */
    private static final int MAX_READINGS = 24;
    private static final int MAX_NAME = 60;
    private static final int MAX_STEPS = 2_000_000;
    /*
     * What each reading of a cell costs; the cheapest reading of a run wins. A value of the
     * column's own grammar is free; an empty cell costs a little (a figure more, as rows state
     * their weight and score); free text in a value column costs more; a figure inside free text
     * or a name costs most, since it is far likelier a figure of its own column.
     */
    private static final int EMPTY_FIGURE = 2;
    private static final int FREE_VALUE = 1;
    private static final int NAME_WITH_FIGURE = 8;
    private static final int TEXT_WITH_FIGURE = 10;
    private static final int COMPLETE_ROW = 3;
    private static final int CUT_NUMBER = 2;
    /** How far the whole-row terms (complete row, repeated value, share, decimals) can move a row's cost. */
    private static final int ROW_TERMS_RANGE = 12;
    /** A cell of words never ends on an operator: 实际到位资金/应到位资金×100% is one criterion. */
    private static final String OPERATORS = "×=/+*÷(（";
    private static final List<String> YES_NO_WORDS = List.of("是", "否", "√", "×");
    private static final List<String> NATURE_WORDS = List.of("定性", "定量", "正向", "反向", "区间");
    private static final int MAX_FREE_TEXT = 60;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final HeadingDictionary dictionary;
    private final Prose prose;
    private final Map<String, Field> headings = new HashMap<>();
    private final Map<Integer, List<Map.Entry<String, Field>>> headingsByLength = new HashMap<>();
    private final int longestHeading;
    private final List<String> qualities;
    private final List<String> degrees;
    private final List<String> units;
    private final List<String> dateTails;
    private final List<String> valueStarts;
    private final List<String> extraLevel2;

    GluedText(HeadingDictionary dictionary, Prose prose) {
        this.dictionary = dictionary;
        this.prose = prose;
        int longest = 0;
        for (Map.Entry<String, Field> e : dictionary.headingsByKey().entrySet()) {
            if (e.getKey().length() >= 2 && TextNormalizerFree.hasNoSpace(e.getKey())) {
                headings.put(e.getKey(), e.getValue());
                headingsByLength.computeIfAbsent(e.getKey().length(), n -> new ArrayList<>()).add(e);
                longest = Math.max(longest, e.getKey().length());
            }
        }
        this.longestHeading = longest;
        this.qualities = prose.gluedQualities();
        this.degrees = prose.gluedDegrees();
        this.units = prose.gluedUnits();
        this.dateTails = prose.gluedDateTails();
        this.valueStarts = prose.gluedValueStarts();
        this.extraLevel2 = prose.gluedLevel2();
    }

    /** Helpers on heading keys. */
    private static final class TextNormalizerFree {
        static boolean hasNoSpace(String s) {
            return s.indexOf(' ') < 0;
        }
    }

    /**
     * {@code lines} with every run of paragraphs that holds a glued indicator header replaced by
     * rows rebuilt from it; {@code lines} itself where there is none.
     */
    /** True if a line of {@code lines} (a paragraph, or a row of one cell) is a glued indicator header. */
    boolean holds(List<Line> lines) {
        for (Line line : lines) {
            if (line instanceof Line.Text t && holdsGluedHeader(t.text())) {
                return true;
            }
            if (line instanceof Line.Cells c && c.row().cells().size() == 1 && holdsGluedHeader(c.row().cells().get(0).text())) {
                return true;
            }
        }
        return false;
    }

    List<Line> expand(List<Line> lines) {
        if (!holds(lines)) {
            return lines;
        }
        // The whole document is one stream: a reader may have taken a few lines with runs of
        // spaces for a table of their own; they are lines of the same text.
        List<Piece> parts = new ArrayList<>();
        List<SourceRef> refs = new ArrayList<>();
        for (Line line : lines) {
            if (line instanceof Line.Text t) {
                Paragraph p = t.paragraph();
                parts.add(new Piece(p.text(), 0));
                refs.add(p.line() > 0 ? new SourceRef.InLine(p.line()) : p.ref());
            } else {
                Line.Cells c = (Line.Cells) line;
                List<Cell> cells = c.nonBlank();
                if (!cells.isEmpty()) {
                    parts.add(new Piece(String.join(" ", cells.stream().map(Cell::text).toList()), 0));
                    refs.add(c.ref(cells.get(0)));
                }
            }
        }
        return new Rebuild(Stream.of(parts, refs)).run();
    }

    /** True if {@code text} holds an indicator header with its headings glued together. */
    private boolean holdsGluedHeader(String text) {
        // Cheap first: a glued header names the indicator's level or name column.
        if (text.length() < 12 || !(text.contains("二级指标") || text.contains("三级指标") || text.contains("指标名称"))) {
            return false;
        }
        List<Token> tokens = scan(text, 0, text.length(), new boolean[text.length() + 1],
                f -> !f.isLevel1Value() && !f.isLevel2Value(), true);
        return indicatorHeaderAt(tokens, new boolean[text.length() + 1]).isPresent();
    }

    // ---- the character stream ----

    /**
     * The paragraphs as one text. A paragraph starts a new row ({@code breaks}) unless a page
     * counter glued it to the one before; {@code refs} says where each character stands.
     */
    private record Stream(String text, boolean[] breaks, SourceRef[] refs) {
        static Stream of(List<Piece> lines, List<SourceRef> lineRefs) {
            StringBuilder sb = new StringBuilder();
            List<Boolean> breaks = new ArrayList<>();
            List<SourceRef> refs = new ArrayList<>();
            int nextMarker = 1;
            for (int n = 0; n < lines.size(); n++) {
                String t = lines.get(n).text();
                boolean glue = false;
                Matcher m = PAGE_MARKER.matcher(t);
                if (m.find() && Integer.parseInt(m.group(1)) == nextMarker) {
                    glue = nextMarker > 1;
                    nextMarker++;
                    t = t.substring(m.end());
                }
                SourceRef ref = lineRefs.get(n);
                for (int k = 0; k < t.length(); k++) {
                    sb.append(t.charAt(k));
                    breaks.add(k == 0 && !glue);
                    refs.add(ref);
                }
            }
            boolean[] b = new boolean[sb.length() + 1];
            for (int k = 0; k < breaks.size(); k++) {
                b[k] = breaks.get(k);
            }
            b[sb.length()] = true;
            return new Stream(sb.toString(), b, refs.toArray(SourceRef[]::new));
        }

        SourceRef ref(int at) {
            return refs[Math.min(at, refs.length - 1)];
        }
    }

    // ---- headings inside glued text ----

    /** A heading found in the text ({@code field} set), or the text between two headings. */
    private record Token(Field field, int start, int end, String label) {
        boolean isHeading() {
            return field != null;
        }
    }

    private interface FieldFilter {
        boolean accept(Field f);
    }

    /**
     * The headings of {@code filter} in {@code text[from, to)}, longest first at each position,
     * with the text between them; no token crosses a line break. With {@code fuzzy}, a label of
     * four characters or more that OCR garbled in one character (实施第位 for 实施单位) or wrote in
     * another order (考值参分 for 参考分值) is found too, and named by its dictionary form.
     */
    private List<Token> scan(String text, int from, int to, boolean[] breaks, FieldFilter filter, boolean fuzzy) {
        List<Token> tokens = new ArrayList<>();
        int textStart = from;
        int i = from;
        while (i < to) {
            if (i > textStart && breaks[i]) {
                addText(tokens, text, textStart, i);
                textStart = i;
            }
            int limit = i;
            while (limit < to && limit - i < longestHeading && (limit == i || !breaks[limit])) {
                limit++;
            }
            Optional<Token> heading = headingAt(text, i, limit, filter, fuzzy);
            if (heading.isPresent()) {
                addText(tokens, text, textStart, i);
                Token h = heading.get();
                int end = h.end();
                Matcher d = DECORATION.matcher(text).region(end, to);
                while (d.find() && !crossesBreak(breaks, end, d.end())) {
                    end = d.end();
                    d.region(end, to);
                }
                tokens.add(new Token(h.field(), i, end, h.label() + text.substring(h.end(), end)));
                i = end;
                textStart = end;
            } else {
                i++;
            }
        }
        addText(tokens, text, textStart, to);
        return tokens;
    }

    private static boolean crossesBreak(boolean[] breaks, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (breaks[k]) {
                return true;
            }
        }
        return false;
    }

    private static void addText(List<Token> tokens, String text, int from, int to) {
        if (to > from && !text.substring(from, to).isBlank()) {
            tokens.add(new Token(null, from, to, text.substring(from, to)));
        }
    }

    private Optional<Token> headingAt(String text, int at, int limit, FieldFilter filter, boolean fuzzy) {
        for (int end = limit; end >= at + 2; end--) {
            String key = text.substring(at, end).toLowerCase(Locale.ROOT);
            Field f = headings.get(key);
            if (f != null && filter.accept(f) && (key.length() >= MIN_GLUED_HEADING || !f.isLevel1Value() && !f.isLevel2Value())) {
                return Optional.of(new Token(f, at, end, text.substring(at, end)));
            }
        }
        if (!fuzzy) {
            return Optional.empty();
        }
        for (int len = Math.min(limit - at, 6); len >= MIN_GLUED_HEADING; len--) {
            String window = text.substring(at, at + len);
            if (!window.codePoints().allMatch(Character::isIdeographic)) {
                continue;
            }
            for (Map.Entry<String, Field> e : headingsByLength.getOrDefault(len, List.of())) {
                if (filter.accept(e.getValue()) && OCR_TOLERANT.contains(e.getValue())
                        && (oneCharOff(window, e.getKey())
                            || !HEAD_LABELS.contains(e.getValue()) && sameCharsReordered(window, e.getKey()))) {
                    return Optional.of(new Token(e.getValue(), at, at + len, dictionary.variants(e.getValue()).get(0)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean oneCharOff(String a, String b) {
        int diff = 0;
        for (int k = 0; k < a.length() && diff < 2; k++) {
            if (a.charAt(k) != b.charAt(k)) {
                diff++;
            }
        }
        // The first two characters must agree: a label OCR garbled keeps its start, a value that
        // merely looks like a label (办公单位) does not.
        return diff == 1 && a.charAt(0) == b.charAt(0) && a.charAt(1) == b.charAt(1);
    }

    private static boolean sameCharsReordered(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** The indicator header starting at a token of {@code tokens}: its first and last token index. */
    private Optional<int[]> indicatorHeaderAt(List<Token> tokens, boolean[] breaks) {
        for (int k = 0; k < tokens.size(); k++) {
            int end = headerRunEnd(tokens, k, breaks);
            if (end - k >= 3) {
                List<Cell> cells = new ArrayList<>();
                for (int j = k; j < end; j++) {
                    cells.add(Cell.of(cells.size(), tokens.get(j).label()));
                }
                Optional<HeaderModel> h = HeaderModel.parse(cells, List.of(), dictionary);
                if (h.isPresent() && (h.get().has(Part.LEVEL3) || h.get().has(Part.LEVEL2))
                        && (h.get().has(Part.LEVEL1) || h.get().has(Part.LEVEL2))) {
                    return Optional.of(new int[] {k, end});
                }
                k = end - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * The end (exclusive) of the run of headings from token {@code k}: headings side by side, with
     * at most a little text without Han characters between them (OCR's {@code ,A、}).
     */
    private static int headingRunEnd(List<Token> tokens, int k) {
        int end = k;
        while (end < tokens.size()) {
            Token t = tokens.get(end);
            if (t.isHeading()) {
                end++;
            } else if (end > k && end + 1 < tokens.size() && tokens.get(end + 1).isHeading()
                    && t.label().strip().length() <= 3 && !TextHan.has(t.label())) {
                end++;
            } else {
                break;
            }
        }
        // A run does not end on the junk between two headings.
        while (end > k && !tokens.get(end - 1).isHeading()) {
            end--;
        }
        return end;
    }

    /**
     * The end of a run of indicator headings from token {@code k}: as {@link #headingRunEnd}, and a
     * short text between two headings is a heading OCR garbled beyond recognition (an unknown column).
     */
    private static int headerRunEnd(List<Token> tokens, int k, boolean[] breaks) {
        if (!tokens.get(k).isHeading()) {
            return k;
        }
        int end = k + 1;
        while (end < tokens.size()) {
            Token t = tokens.get(end);
            if (t.isHeading()) {
                end++;
            } else if (end + 1 < tokens.size() && tokens.get(end + 1).isHeading() && t.label().strip().length() <= 6
                    && !breaks[t.start()] && !breaks[t.end()]) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static final class TextHan {
        static boolean has(String s) {
            return s.codePoints().anyMatch(Character::isIdeographic);
        }
    }

    // ---- rebuilding ----

    /** One pass over a stream: rows out, in reading order. */
    private final class Rebuild {
        private final Stream s;
        private final List<Line> out = new ArrayList<>();

        Rebuild(Stream stream) {
            this.s = stream;
        }

        List<Line> run() {
            String text = s.text();
            List<Token> tokens = tokens(0);
            int k = 0;
            while (k < tokens.size()) {
                Token t = tokens.get(k);
                if (!t.isHeading()) {
                    emitText(t);
                    k++;
                    continue;
                }
                int headerEnd = headerRunEnd(tokens, k, s.breaks());
                Optional<int[]> header = indicatorHeaderAt(tokens.subList(k, headerEnd), s.breaks());
                if (header.isPresent() && header.get()[0] == 0) {
                    int end = indicatorTable(tokens.subList(k, k + header.get()[1]));
                    tokens = tokens(end);
                    k = 0;
                    continue;
                }
                int runEnd = headingRunEnd(tokens, k);
                if (isFundsHeader(headingsOf(tokens, k, runEnd))) {
                    k = fundsBlock(tokens, k, runEnd);
                    continue;
                }
                k = labels(tokens, k);
            }
            return out;
        }

        /**
         * The tokens of the stream from {@code from}: headings (no level names, which only the
         * indicator table reads) and the text between them. A title takes in what stands before it
         * on its line (2020年度…项目绩效自评表); a heading of two characters stands only beside
         * another heading (分值得分), since inside a value such words are common (本级专项).
         */
        private List<Token> tokens(int from) {
            String text = s.text();
            List<Token> raw = scan(text, from, text.length(), s.breaks(), f -> !f.isLevel1Value() && !f.isLevel2Value(), true);
            if (System.getenv("GLUED_DEBUG") != null) {
                raw.forEach(t -> System.err.println("  token " + t));
            }
            List<Token> out = new ArrayList<>();
            for (int k = 0; k < raw.size(); k++) {
                Token t = raw.get(k);
                if (t.isHeading() && t.end() - t.start() <= 2 && t.field() != Field.TOTAL_SCORE && t.field() != Field.GRADE
                        && !t.field().isGradeValue()
                        && !(k > 0 && raw.get(k - 1).isHeading() && raw.get(k - 1).end() == t.start() && !s.breaks()[t.start()])
                        && !(k + 1 < raw.size() && raw.get(k + 1).isHeading() && raw.get(k + 1).start() == t.end()
                            && !s.breaks()[t.end()])) {
                    t = new Token(null, t.start(), t.end(), t.label());
                }
                if (t.field() == Field.FORM_TITLE || t.field() == Field.DEPT_FORM_TITLE) {
                    int start = t.start();
                    while (!out.isEmpty() && !s.breaks()[start] && !HEAD_LABELS.contains(out.get(out.size() - 1).field())) {
                        start = out.remove(out.size() - 1).start();
                    }
                    t = new Token(t.field(), start, t.end(), text.substring(start, t.end()));
                }
                if (!t.isHeading() && !out.isEmpty() && !out.get(out.size() - 1).isHeading()
                        && !s.breaks()[t.start()]) {
                    Token prev = out.remove(out.size() - 1);
                    t = new Token(null, prev.start(), t.end(), text.substring(prev.start(), t.end()));
                }
                out.add(t);
            }
            return out;
        }

        private List<Token> headingsOf(List<Token> tokens, int from, int to) {
            List<Token> run = new ArrayList<>();
            for (int j = from; j < to; j++) {
                if (tokens.get(j).isHeading()) {
                    run.add(tokens.get(j));
                }
            }
            return run;
        }

        private boolean isFundsHeader(List<Token> run) {
            long figures = run.stream().filter(t -> FUND_FIGURES.contains(t.field())).count();
            boolean block = run.stream().anyMatch(t -> t.field() == Field.FUNDS_BLOCK);
            return figures >= 2 || block && figures >= 1;
        }

        /** A text between headings: a title, a line of prose, a value whose label was lost. */
        private void emitText(Token t) {
            String text = t.label().strip();
            if (!text.isEmpty()) {
                emit(List.of(new Piece(text, t.start())), List.of());
            }
        }

        /** Labels and their values up to the next heading: 项目名称 X, 主管部门 Y 实施单位 Z. */
        private int labels(List<Token> tokens, int k) {
            Token label = tokens.get(k);
            Token value = k + 1 < tokens.size() && !tokens.get(k + 1).isHeading() ? tokens.get(k + 1) : null;
            if (label.field() == Field.FORM_TITLE || label.field() == Field.DEPT_FORM_TITLE) {
                emit(List.of(new Piece(label.label().strip(), label.start())), List.of());
                return k + 1;
            }
            if (label.field() == Field.SCORE || label.field() == Field.TOTAL_SCORE) {
                // 自评得分98 or 总分:83 outside the indicator table: the form's total, then whatever follows.
                if (value != null) {
                    Matcher m = NUMBER.matcher(value.label().strip());
                    String v = value.label().strip();
                    if (m.find() && m.start() == 0) {
                        int at = value.start() + value.label().indexOf(v);
                        Piece total = new Piece(dictionary.variants(Field.TOTAL_SCORE).get(0), label.start());
                        BigDecimal whole = new BigDecimal(m.group());
                        if (whole.compareTo(HUNDRED) <= 0 && whole.scale() <= 2) {
                            emit(List.of(total, new Piece(m.group(), at)), List.of());
                        } else {
                            // 总分10098.13: the 分值 100 and the 得分 glued; read only where one split fits.
                            List<String[]> splits = totalSplits(m.group());
                            if (splits.size() == 1) {
                                emit(List.of(total, new Piece(splits.get(0)[0], at),
                                        new Piece(splits.get(0)[1], at + splits.get(0)[0].length())), List.of());
                            } else {
                                emit(List.of(total), List.of(ambiguous("total_score_reported",
                                        new Token(null, at, at + m.end(), m.group()), "the total has no single reading")));
                            }
                        }
                        String rest = v.substring(m.end()).strip();
                        if (!rest.isEmpty()) {
                            emit(List.of(new Piece(rest, at + m.end())), List.of());
                        }
                        return k + 2;
                    }
                }
                emit(List.of(new Piece(label.label(), label.start())), List.of());
                return k + 1;
            }
            List<Piece> row = new ArrayList<>();
            row.add(new Piece(label.label(), label.start()));
            if (value != null) {
                String v = value.label().strip();
                row.add(new Piece(v, value.start() + value.label().indexOf(v)));
            }
            emit(row, List.of());
            return value != null ? k + 2 : k + 1;
        }

        /** The ways a glued 总分 figure splits into a weight of at most 100 and a score not above it. */
        private List<String[]> totalSplits(String digits) {
            List<String[]> out = new ArrayList<>();
            for (int cut = 1; cut < digits.length(); cut++) {
                String w = digits.substring(0, cut);
                String t = digits.substring(cut);
                if (!plainNumber(w) || !plainNumber(t)) {
                    continue;
                }
                BigDecimal weight = new BigDecimal(w);
                BigDecimal total = new BigDecimal(t);
                if (weight.compareTo(HUNDRED) <= 0 && total.compareTo(weight) <= 0 && total.scale() <= 2) {
                    out.add(new String[] {w, t});
                }
            }
            return out;
        }

        private static boolean plainNumber(String n) {
            return n.matches("(?:0|[1-9]\\d*)(?:\\.\\d+)?");
        }

        // ---- funds ----

        /**
         * A funds header and its lines: {@code 项目资金(万元) 年初预算数 … 得分}, then each fund line's
         * label and its glued figures. A header that opens with a line label (年度资金总额 年初预算数
         * …) is that line's header, and the figures after it are the line's.
         */
        private int fundsBlock(List<Token> tokens, int k, int runEnd) {
            List<Token> columns = new ArrayList<>();
            Token block = null;
            Token leadingLine = null;
            int j = k;
            for (; j < runEnd; j++) {
                Token t = tokens.get(j);
                if (!t.isHeading()) {
                    continue; // OCR's junk between two headings
                }
                if (t.field() == Field.FUNDS_BLOCK && columns.isEmpty() && block == null) {
                    block = t;
                } else if (FUND_LINES.contains(t.field()) && columns.isEmpty() && leadingLine == null) {
                    leadingLine = t;
                } else if (FUND_LINES.contains(t.field())) {
                    break; // the first line after the header
                } else {
                    columns.add(t);
                }
            }
            columns = splitCompounds(columns);
            List<Piece> header = new ArrayList<>();
            header.add(new Piece(block != null ? block.label() : "", block != null ? block.start() : tokens.get(k).start()));
            for (Token c : columns) {
                header.add(new Piece(c.label(), c.start()));
            }
            emit(header, List.of());
            if (leadingLine != null) {
                if (j < tokens.size() && !tokens.get(j).isHeading()) {
                    fundLine(leadingLine, tokens.get(j), columns);
                    j++;
                }
                return j;
            }
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                Token prefix = null;
                if (!t.isHeading() && t.label().strip().matches("其中[:\uFF1A]?") && j + 1 < tokens.size()
                        && FUND_LINES.contains(tokens.get(j + 1).field())) {
                    prefix = t;
                    t = tokens.get(++j);
                }
                if (!FUND_LINES.contains(t.field())) {
                    break;
                }
                Token label = prefix == null ? t
                        : new Token(t.field(), prefix.start(), t.end(), prefix.label().strip() + t.label());
                Token values = j + 1 < tokens.size() && !tokens.get(j + 1).isHeading() ? tokens.get(j + 1) : null;
                if (values == null) {
                    emit(List.of(new Piece(label.label(), label.start())), List.of());
                    j++;
                } else {
                    fundLine(label, values, columns);
                    j += 2;
                }
            }
            return j;
        }

        /**
         * 分值执行率得分: where a heading is two headings the header has neither of (执行率 and
         * 得分 read as one 执行率得分), it is the two.
         */
        private List<Token> splitCompounds(List<Token> columns) {
            Set<Field> present = EnumSet.noneOf(Field.class);
            columns.forEach(c -> present.add(c.field()));
            List<Token> out = new ArrayList<>();
            for (Token c : columns) {
                String key = c.label().toLowerCase(Locale.ROOT);
                boolean split = false;
                for (int cut = 2; cut <= key.length() - 2 && !split; cut++) {
                    Field a = headings.get(key.substring(0, cut));
                    Field b = headings.get(key.substring(cut));
                    if (a != null && b != null && FUND_FIGURES.contains(a) && FUND_FIGURES.contains(b)
                            && !present.contains(a) && !present.contains(b) && a != b) {
                        out.add(new Token(a, c.start(), c.start() + cut, c.label().substring(0, cut)));
                        out.add(new Token(b, c.start() + cut, c.end(), c.label().substring(cut)));
                        split = true;
                    }
                }
                if (!split) {
                    out.add(c);
                }
            }
            return out;
        }

        /** The figures of a fund line: the leading run of numbers, percents, dashes and spaces. */
        private static final Pattern FIGURES = Pattern.compile("^[\\d.,%\\s\\-\u2014/]*");

        private void fundLine(Token label, Token all, List<Token> columns) {
            Matcher m = FIGURES.matcher(all.label());
            m.find();
            String figures = all.label().substring(0, m.end()).stripTrailing();
            Token values = new Token(null, all.start(), all.start() + figures.length(), figures);
            List<Kind> kinds = new ArrayList<>();
            for (Token c : columns) {
                kinds.add(fundKind(c.field()));
            }
            Parse parse = new Parse(values.start(), values.end(), kinds, false, Optional.empty());
            List<Reading> readings = parse.readings();
            if (System.getenv("GLUED_DEBUG") != null) {
                for (Reading r : readings) {
                    System.err.println("  reading " + parse.cost() + " " + r.rows().stream().map(row -> row.stream()
                            .map(x -> s.text().substring(x.from(), x.to())).toList().toString()).toList());
                }
            }
            List<Piece> row = new ArrayList<>();
            row.add(new Piece(label.label(), label.start()));
            List<Finding> findings = new ArrayList<>();
            if (readings.isEmpty() || readings.get(0).rows().size() != 1) {
                findings.add(ambiguous("funds", values, "the figures fit no reading of the funds header"));
                emit(row, findings);
                return;
            }
            List<Piece> cells = agreed(readings, 0, kinds.size(), values, "funds", findings);
            row.addAll(cells);
            emit(row, findings);
            String rest = all.label().substring(figures.length()).strip();
            if (!rest.isEmpty()) {
                emit(List.of(new Piece(rest, all.start() + all.label().indexOf(rest, figures.length()))), List.of());
            }
        }

        private Kind fundKind(Field f) {
            return switch (f) {
                case EXECUTION_RATE, ARRIVAL_RATE -> Kind.PERCENT;
                case WEIGHT, BUDGET_WEIGHT -> Kind.WEIGHT;
                case SCORE, BUDGET_SCORE, CONVERTED_SCORE, REVIEW_SCORE -> Kind.SCORE;
                default -> Kind.AMOUNT;
            };
        }

        // ---- the indicator table ----

        /**
         * The indicator header {@code run} and the rows after it, up to the next heading that ends
         * a table (总分, a title, another header); returns where the table ends.
         */
        private int indicatorTable(List<Token> run) {
            List<Piece> header = new ArrayList<>();
            for (Token t : run) {
                header.add(new Piece(t.label().strip(), t.start()));
            }
            emit(header, List.of());
            List<Cell> cells = new ArrayList<>();
            for (Piece p : header) {
                cells.add(Cell.of(cells.size(), p.text()));
            }
            HeaderModel model = HeaderModel.parse(cells, List.of(), dictionary).orElseThrow();
            int headerEnd = run.get(run.size() - 1).end();
            int end = tableEnd(headerEnd);
            new Table(model, header.size()).read(headerEnd, end);
            return end;
        }

        /** Where the rows after a header end: at the first heading that closes a table. */
        private int tableEnd(int from) {
            String text = s.text();
            List<Token> ends = scan(text, from, text.length(), s.breaks(),
                    f -> INDICATOR_ENDS.contains(f) || HeaderModel.isHeading(f), false);
            for (int k = 0; k < ends.size(); k++) {
                Token t = ends.get(k);
                if (!t.isHeading()) {
                    continue;
                }
                if (INDICATOR_ENDS.contains(t.field()) || headingRunEnd(ends, k) - k >= 3) {
                    return t.start();
                }
            }
            return text.length();
        }

        /** The rows of one indicator table. */
        private final class Table {
            private final HeaderModel header;
            private final int width;
            private final int nameColumn;
            private final int level1Column;
            private final int level2Column;
            private final List<Integer> valueColumns = new ArrayList<>();
            private final List<Kind> kinds = new ArrayList<>();
            private Optional<Piece> level1 = Optional.empty();
            private Optional<Piece> level2 = Optional.empty();
            private Optional<BigDecimal> level1Weight = Optional.empty();
            private Optional<BigDecimal> level2Weight = Optional.empty();
            private boolean nationalLevel1;

            Table(HeaderModel header, int width) {
                this.header = header;
                this.width = width;
                int l1 = -1;
                int l2 = -1;
                int l3 = -1;
                for (int c = 0; c < width; c++) {
                    Part p = header.covering(c).map(h -> h.role().part()).orElse(Part.UNKNOWN);
                    switch (p) {
                        case LEVEL1 -> l1 = l1 < 0 ? c : l1;
                        case LEVEL2 -> l2 = l2 < 0 ? c : l2;
                        case LEVEL3 -> l3 = l3 < 0 ? c : l3;
                        default -> { }
                    }
                }
                this.level1Column = l1;
                this.level2Column = l3 >= 0 ? l2 : -1;
                this.nameColumn = l3 >= 0 ? l3 : l2;
                for (int c = nameColumn + 1; c < width; c++) {
                    Part p = header.covering(c).map(h -> h.role().part()).orElse(Part.UNKNOWN);
                    valueColumns.add(c);
                    kinds.add(switch (p) {
                        case WEIGHT -> Kind.WEIGHT;
                        case SCORE -> header.covering(c).get().role().qualifier() == ColumnRole.Qualifier.ITEM ? Kind.ITEM : Kind.SCORE;
                        case SCORE_COEFFICIENT -> Kind.ITEM;
                        case TARGET, ACTUAL, ADJUSTED_TARGET -> Kind.MEASURE;
                        case COMPLETION_RATE -> Kind.PERCENT;
                        case UNIT -> Kind.UNIT;
                        case COMPARATOR -> Kind.NATURE;
                        case CORE_INDICATOR -> Kind.YES_NO;
                        default -> Kind.TEXT;
                    });
                }
            }

            void read(int from, int to) {
                String text = s.text();
                int segmentStart = from;
                int i = from;
                while (i < to) {
                    Optional<Anchor> anchor = anchorAt(i, to, i == segmentStart);
                    if (anchor.isPresent()) {
                        rows(segmentStart, i);
                        apply(anchor.get());
                        i = anchor.get().end();
                        segmentStart = i;
                    } else if (i > segmentStart && s.breaks()[i]) {
                        rows(segmentStart, i);
                        segmentStart = i;
                    } else {
                        i++;
                    }
                }
                rows(segmentStart, to);
            }

            private void apply(Anchor a) {
                if (a.level() == 0) {
                    return; // a placeholder row
                }
                if (a.level() == 1) {
                    level1 = Optional.of(a.piece());
                    level1Weight = a.weight();
                    level2 = Optional.empty();
                    level2Weight = Optional.empty();
                    nationalLevel1 = a.national();
                } else {
                    if (!a.known() && nationalLevel1) {
                        // The national blocks hold only their own level-2 names: a template's own
                        // block (长效管理指标) stands outside them, under a level 1 the text lost.
                        level1 = Optional.of(new Piece("", a.piece().at()));
                        level1Weight = Optional.empty();
                        nationalLevel1 = false;
                    }
                    level2 = Optional.of(a.piece());
                    level2Weight = a.weight();
                }
                pendingLevel1 = a.level() == 1 || pendingLevel1;
                pendingLevel2 = true;
            }

            private boolean pendingLevel1;
            private boolean pendingLevel2;

            /** A level name, a weighted label or a placeholder at {@code i}. */
            private Optional<Anchor> anchorAt(int i, int to, boolean rowStart) {
                String text = s.text();
                Matcher ph = PLACEHOLDER.matcher(text).region(i, to);
                if (ph.lookingAt()) {
                    return Optional.of(new Anchor(0, new Piece("", i), ph.end(), Optional.empty(), true, false));
                }
                Matcher w = WEIGHTED_LABEL.matcher(text).region(i, to);
                if (w.lookingAt() && (i == 0 || !Character.isIdeographic(text.codePointAt(i - 1)) || rowStart)
                        && !startsWithLevelName(w.group(1))) {
                    String label = w.group(1);
                    Optional<Field> f = levelField(label);
                    int level = f.map(x -> x.isLevel1Value() ? 1 : 2)
                            .orElse(label.endsWith("指标") ? 2 : 1);
                    return Optional.of(new Anchor(level, new Piece(w.group(), i), w.end(),
                            Optional.of(new BigDecimal(w.group(2))), f.isPresent(), f.filter(NATIONAL_LEVEL1::contains).isPresent()));
                }
                int limit = Math.min(to, i + longestHeading);
                for (int end = limit; end >= i + MIN_GLUED_HEADING; end--) {
                    if (crossesBreak(s.breaks(), i, end)) {
                        continue;
                    }
                    String key = text.substring(i, end).toLowerCase(Locale.ROOT);
                    Field f = headings.get(key);
                    if (f != null && (f.isLevel2Value() || f.isLevel1Value() && f != Field.LEVEL1_DECISION
                            && f != Field.LEVEL1_PROCESS) && (key.endsWith("指标") || f == Field.LEVEL2_RUBRIC
                            || rowStart && s.breaks()[i]
                            || LEVEL_WEIGHT.matcher(text).region(end, to).lookingAt()) && !repeatsLastAnchor(key, i)) {
                        // A weight printed after the name belongs to it: 服务对象满意度指标(10分).
                        Matcher weight = LEVEL_WEIGHT.matcher(text).region(end, to);
                        Optional<BigDecimal> w2 = Optional.empty();
                        int stop = end;
                        if (weight.lookingAt()) {
                            w2 = Optional.of(new BigDecimal(weight.group(1)));
                            stop = weight.end();
                        }
                        return Optional.of(new Anchor(f.isLevel1Value() ? 1 : 2, new Piece(text.substring(i, stop), i), stop,
                                w2, true, NATIONAL_LEVEL1.contains(f)));
                    }
                    if (level2Column >= 0 && extraLevel2.contains(key) && !repeatsLastAnchor(key, i)) {
                        return Optional.of(new Anchor(2, new Piece(text.substring(i, end), i), end, Optional.empty(), true, false));
                    }
                    Optional<Field> ocr = ocrLevel(key);
                    if (ocr.isPresent() && !repeatsLastAnchor(key, i)) {
                        return Optional.of(new Anchor(ocr.get().isLevel1Value() ? 1 : 2, new Piece(text.substring(i, end), i),
                                end, Optional.empty(), true, false));
                    }
                }
                if (rowStart && s.breaks()[i]) {
                    Matcher own = OWN_LEVEL_NAME.matcher(text).region(i, to);
                    if (own.lookingAt() && levelField(own.group()).isEmpty() && !headings.containsKey(own.group())) {
                        return Optional.of(new Anchor(2, new Piece(own.group(), i), own.end(), Optional.empty(), false, false));
                    }
                }
                return Optional.empty();
            }

            private int lastAnchorEnd = -1;
            private String lastAnchorText = "";

            /** 财务管理财务管理制度有效性: a name that starts with its block's name is no second block. */
            /** 项目产出数量指标(10分): two level names, the first of which the vocabulary knows. */
            private boolean startsWithLevelName(String label) {
                for (int cut = MIN_GLUED_HEADING; cut <= label.length() - 2; cut++) {
                    if (levelField(label.substring(0, cut)).isPresent()) {
                        return true;
                    }
                }
                return false;
            }

            private boolean repeatsLastAnchor(String key, int i) {
                boolean repeats = i == lastAnchorEnd && key.equals(lastAnchorText);
                lastAnchorEnd = i + key.length();
                lastAnchorText = key;
                return repeats;
            }

            private Optional<Field> levelField(String label) {
                return Optional.ofNullable(headings.get(label.toLowerCase(Locale.ROOT)))
                        .filter(f -> f.isLevel1Value() || f.isLevel2Value());
            }

            /** A level name of four characters whose one character OCR read as letters (项Fl实施). */
            private Optional<Field> ocrLevel(String key) {
                Matcher m = Pattern.compile("^(\\p{IsHan}+)[A-Za-z]{1,2}(\\p{IsHan}+)$").matcher(key);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String before = m.group(1);
                String after = m.group(2);
                for (Map.Entry<String, Field> e : headingsByLength.getOrDefault(before.length() + after.length() + 1, List.of())) {
                    String k = e.getKey();
                    Field f = e.getValue();
                    if ((f.isLevel2Value() || f.isLevel1Value()) && k.startsWith(before) && k.endsWith(after)) {
                        return Optional.of(f);
                    }
                }
                return Optional.empty();
            }

            /** The rows of the text between two anchors. */
            private void rows(int from, int to) {
                if (s.text().substring(from, to).isBlank()) {
                    return;
                }
                Optional<BigDecimal> cap = level2Weight.or(() -> level1Weight);
                Parse parse = new Parse(from, to, kinds, true, cap);
                List<Reading> readings = parse.readings();
                if (System.getenv("GLUED_DEBUG") != null) {
                    for (Reading r : readings) {
                        System.err.println("  reading " + parse.cost() + " " + r.rows().stream().map(row -> row.stream()
                                .map(x -> s.text().substring(x.from(), x.to())).toList().toString()).toList());
                    }
                }
                Token seen = new Token(null, from, to, s.text().substring(from, to));
                if (readings.isEmpty()) {
                    if (valueless(seen.label())) {
                        return; // a label without values: a template row nobody filled in
                    }
                    emit(List.of(new Piece(seen.label().strip(), from)), List.of(new Finding(
                            FindingCode.INDICATOR_ROW_UNREADABLE.id(), Severity.WARNING, "indicators", seen.label().strip(), "",
                            "glued text at " + s.ref(from).describe() + " fits no reading of the indicator header; left out: "
                                    + seen.label().strip(), Optional.of(s.ref(from)))));
                    return;
                }
                int count = readings.get(0).rows().size();
                if (readings.stream().anyMatch(r -> r.rows().size() != count)) {
                    emit(List.of(new Piece(seen.label().strip(), from)), List.of(ambiguous("indicators", seen,
                            "the text splits into a different number of rows in different readings")));
                    return;
                }
                for (int r = 0; r < count; r++) {
                    List<Finding> findings = new ArrayList<>();
                    List<Piece> cells = agreed(readings, r, kinds.size() + 1, seen, "indicators", findings);
                    Piece[] row = new Piece[width];
                    if (pendingLevel1 && level1Column >= 0) {
                        row[level1Column] = level1.orElse(null);
                    }
                    if (pendingLevel2 && level2Column >= 0) {
                        row[level2Column] = level2.orElse(null);
                    }
                    pendingLevel1 = false;
                    pendingLevel2 = false;
                    row[nameColumn] = cells.get(0);
                    for (int v = 0; v < valueColumns.size(); v++) {
                        row[valueColumns.get(v)] = cells.get(v + 1);
                    }
                    List<Piece> pieces = new ArrayList<>();
                    for (Piece p : row) {
                        pieces.add(p == null ? new Piece("", from) : p);
                    }
                    emit(pieces, findings);
                }
            }

            private boolean valueless(String text) {
                return !DIGIT.matcher(text).find() || text.strip().length() <= 4;
            }
        }

        /** The cells of row {@code r}: where every reading agrees, its text; elsewhere blank with a finding. */
        private List<Piece> agreed(List<Reading> readings, int r, int cells, Token seen, String field, List<Finding> findings) {
            List<Piece> out = new ArrayList<>();
            Reading first = readings.get(0);
            for (int c = 0; c < cells; c++) {
                Span span = first.rows().get(r).get(c);
                boolean same = true;
                int from = span.from();
                int to = span.to();
                for (Reading other : readings) {
                    Span o = other.rows().get(r).get(c);
                    if (o.blank() != span.blank() || o.garbled() != span.garbled()
                            || !o.blank() && !s.text().substring(o.from(), o.to()).equals(s.text().substring(span.from(), span.to()))) {
                        same = false;
                    }
                    from = Math.min(from, o.from());
                    to = Math.max(to, o.to());
                }
                String text = s.text().substring(span.from(), span.to()).strip();
                if (!same) {
                    String saw = s.text().substring(from, to).strip();
                    findings.add(ambiguous(field, new Token(null, from, to, saw), "two readings fit: left blank"));
                    out.add(new Piece("", from));
                } else if (span.garbled()) {
                    findings.add(new Finding(FindingCode.AMBIGUOUS_CELL.id(), Severity.WARNING, field, text, "",
                            "figure at " + s.ref(span.from()).describe() + " does not parse: '" + text + "' left blank",
                            Optional.of(s.ref(span.from()))));
                    out.add(new Piece("", span.from()));
                } else {
                    out.add(new Piece(span.blank() ? "" : text, span.from()));
                }
            }
            return out;
        }

        private Finding ambiguous(String field, Token seen, String why) {
            String saw = seen.label().strip();
            return new Finding(FindingCode.AMBIGUOUS_CELL.id(), Severity.WARNING, field, saw, "",
                    "glued text at " + s.ref(seen.start()).describe() + " '" + saw + "': " + why,
                    Optional.of(s.ref(seen.start())));
        }

        private void emit(List<Piece> pieces, List<Finding> findings) {
            List<Cell> cells = new ArrayList<>();
            Map<Integer, SourceRef> refs = new LinkedHashMap<>();
            for (int c = 0; c < pieces.size(); c++) {
                cells.add(Cell.of(c, pieces.get(c).text()));
                refs.put(c, s.ref(pieces.get(c).at()));
            }
            out.add(new Line.Chunk(new Row(cells), refs, findings));
        }

        // ---- the grammar of a run of glued values ----

        /** A run of text read as rows of cells of {@code kinds}, each row led by a name if {@code named}. */
        private final class Parse {
            private final int from;
            private final int to;
            private final List<Kind> kinds;
            private final boolean named;
            private final Optional<BigDecimal> cap;
            private final Map<Integer, Best> memo = new HashMap<>();
            private int steps;
            /** Set when the run has too many readings to weigh: it is then reported, not guessed. */
            private boolean exhausted;

            Parse(int from, int to, List<Kind> kinds, boolean named, Optional<BigDecimal> cap) {
                this.from = from;
                this.to = to;
                this.kinds = kinds;
                this.named = named;
                this.cap = cap;
            }

            int cost() {
                Best b = rowsFrom(from);
                return b == null ? -1 : b.cost;
            }

            List<Reading> readings() {
                Best b = rowsFrom(from);
                if (b == null || b.readings.isEmpty() || exhausted) {
                    return List.of();
                }
                return b.readings;
            }

            /** The cheapest readings of {@code text[at, to)} as whole rows. */
            private Best rowsFrom(int at) {
                if (at == to) {
                    return new Best(0, List.of(new Reading(List.of())));
                }
                if (!named && at != from) {
                    return null;
                }
                Best cached = memo.get(at);
                if (cached != null || memo.containsKey(at)) {
                    return cached;
                }
                memo.put(at, null);
                Best best = null;
                for (RowReading row : rowsAt(at)) {
                    Best rest = rowsFrom(row.end());
                    if (rest == null) {
                        continue;
                    }
                    int cost = row.cost() + rest.cost;
                    if (best == null || cost < best.cost) {
                        best = new Best(cost, new ArrayList<>());
                    }
                    if (cost == best.cost && best.readings.size() < MAX_READINGS) {
                        for (Reading r : rest.readings) {
                            List<List<Span>> rows = new ArrayList<>();
                            rows.add(row.cells());
                            rows.addAll(r.rows());
                            Reading reading = new Reading(rows);
                            if (!best.readings.contains(reading)) {
                                best.readings.add(reading);
                            }
                            if (best.readings.size() >= MAX_READINGS) {
                                break;
                            }
                        }
                    }
                }
                memo.put(at, best);
                return best;
            }

            /** Every reading of one row from {@code at}, with its cost. */
            private List<RowReading> rowsAt(int at) {
                Map<Integer, List<RowReading>> rows = new HashMap<>();
                bestPartial.clear();
                if (named) {
                    String text = s.text();
                    if (!startsName(text.charAt(at))) {
                                return List.of();
                    }
                    for (int e = at + 1; e <= Math.min(to, at + MAX_NAME); e++) {
                        if (crossesBreak(s.breaks(), at, e)) {
                            break;
                        }
                        String name = text.substring(at, e);
                        char last = name.charAt(name.length() - 1);
                        if (last == ' ' || COMPARATORS.indexOf(last) >= 0 || e - at < 2 || splitsNumber(e)
                                || !plausibleEnd(at, e)) {
                            continue; // a name never ends inside a number or on its comparator
                        }
                        int cost = (DIGIT.matcher(name).find() ? NAME_WITH_FIGURE : 0)
                                + (SENTENCE_MARKS.matcher(name).find() ? NAME_WITH_FIGURE : 0);
                        List<Span> cells = new ArrayList<>();
                        cells.add(new Span(at, e, false, false, Optional.empty()));
                        values(e, 0, cells, cost, rows);
                    }
                } else {
                    values(at, 0, new ArrayList<>(), 0, rows);
                }
                List<RowReading> all = new ArrayList<>();
                rows.values().forEach(all::addAll);
                return all;
            }

            /**
             * True if a cell boundary at {@code at} would cut a number or a range in two (2370|人
             * is fine, 23|70 and 2018|-2022 are not).
             */
            private boolean splitsNumber(int at) {
                String text = s.text();
                if (at <= from || at >= to) {
                    return false;
                }
                char before = text.charAt(at - 1);
                char after = text.charAt(at);
                boolean digitBefore = Character.isDigit(before);
                return digitBefore && Character.isDigit(after)
                        || digitBefore && (after == '-' || after == '.') && at + 1 < to && Character.isDigit(text.charAt(at + 1))
                        || (before == '-' || before == '.') && at >= 2 && Character.isDigit(text.charAt(at - 2)) && Character.isDigit(after);
            }

            /** True if a boundary at {@code at} would cut a range or a decimal (2018|-2022, 3|.5). */
            private boolean splitsRange(int at) {
                String text = s.text();
                char before = text.charAt(at - 1);
                char after = text.charAt(at);
                return !(Character.isDigit(before) && Character.isDigit(after));
            }

            private boolean startsName(char c) {
                return Character.isIdeographic(c) || Character.isLetter(c) || c == '(' || c == '\u201C';
            }

            /** Keeps {@code row} if no reading ending where it ends is cheaper; drops the dearer ones. */
            private void keep(Map<Integer, List<RowReading>> rows, RowReading row) {
                List<RowReading> same = rows.computeIfAbsent(row.end(), e -> new ArrayList<>());
                if (!same.isEmpty() && same.get(0).cost() < row.cost()) {
                    return;
                }
                if (!same.isEmpty() && same.get(0).cost() > row.cost()) {
                    same.clear();
                }
                if (same.size() < MAX_READINGS && !same.contains(row)) {
                    same.add(row);
                }
            }

            private void values(int at, int k, List<Span> cells, int cost, Map<Integer, List<RowReading>> rows) {
                if (++steps > MAX_STEPS) {
                    exhausted = true;
                    return;
                }
                if (k == kinds.size()) {
                    if (at <= to && acceptable(cells)) {
                        keep(rows, new RowReading(at, List.copyOf(cells), cost + rowCost(cells)));
                    }
                    return;
                }
                // Branch and bound: a partial row far dearer than another that reached the same cell
                // at the same place cannot end cheaper, whatever the whole-row terms add or take off.
                long state = ((long) at << 8) | k;
                Integer best = bestPartial.get(state);
                if (best != null && cost > best + ROW_TERMS_RANGE) {
                    return;
                }
                if (best == null || cost < best) {
                    bestPartial.put(state, cost);
                }
                for (Candidate c : candidates(kinds.get(k), at, cells)) {
                    if (!fitsSoFar(kinds.get(k), c.span(), cells)) {
                        continue;
                    }
                    int extra = 0;
                    if (kinds.get(k) == Kind.MEASURE && !c.span().blank() && splitsNumber(c.span().to())) {
                        if (splitsRange(c.span().to())) {
                            continue; // 2018-2022 is one value
                        }
                        extra = CUT_NUMBER; // a target glued to its actual (9696): possible, not likely
                    }
                    cells.add(c.span());
                    values(c.span().to(), k + 1, cells, cost + c.cost() + extra, rows);
                    cells.remove(cells.size() - 1);
                }
            }

            /** A score not above the weight read before it, a weight not above its block's. */
            private boolean fitsSoFar(Kind kind, Span span, List<Span> cells) {
                if (!named || span.number().isEmpty()) {
                    return true;
                }
                BigDecimal n = span.number().get();
                if (kind == Kind.WEIGHT) {
                    return cap.isEmpty() || n.compareTo(cap.get()) <= 0;
                }
                if (kind == Kind.SCORE) {
                    for (int k = 0; k < cells.size() - 1; k++) {
                        if (kinds.get(k) == Kind.WEIGHT && cells.get(k + 1).number().isPresent()) {
                            return n.compareTo(cells.get(k + 1).number().get()) <= 0;
                        }
                    }
                }
                return true;
            }

            /** A row needs a figure (or, in a table without figures, a value), and a score within its weight. */
            private boolean acceptable(List<Span> cells) {
                if (!named) {
                    return true; // a fund line may be all dashes and blanks
                }
                boolean figure = false;
                boolean value = false;
                boolean anyFigureColumn = false;
                BigDecimal weight = null;
                List<BigDecimal> scores = new ArrayList<>();
                for (int k = 0; k < kinds.size(); k++) {
                    Span c = cells.get(k + 1);
                    Kind kind = kinds.get(k);
                    if (kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM) {
                        anyFigureColumn = true;
                        figure |= !c.blank() || c.garbled();
                        if (c.number().isPresent() && kind == Kind.WEIGHT && weight == null) {
                            weight = c.number().get();
                        } else if (c.number().isPresent() && kind == Kind.SCORE) {
                            scores.add(c.number().get());
                        }
                    }
                    value |= !c.blank();
                }
                for (BigDecimal score : scores) {
                    if (weight != null && score.compareTo(weight) > 0) {
                        return false;
                    }
                }
                if (cap.isPresent() && weight != null && weight.compareTo(cap.get()) > 0) {
                    return false;
                }
                return anyFigureColumn ? figure : value;
            }

            /** A score is its weight's share: 分值 × 单项得分 / 100. A reading where it is not costs more. */
            private int shareCost(List<Span> cells) {
                BigDecimal weight = null;
                BigDecimal item = null;
                BigDecimal score = null;
                for (int k = 0; k < kinds.size(); k++) {
                    Optional<BigDecimal> n = cells.get(k + 1).number();
                    switch (kinds.get(k)) {
                        case WEIGHT -> weight = weight == null ? n.orElse(null) : weight;
                        case ITEM -> item = item == null ? n.orElse(null) : item;
                        case SCORE -> score = score == null ? n.orElse(null) : score;
                        default -> { }
                    }
                }
                if (weight == null || item == null || score == null) {
                    return 0;
                }
                BigDecimal share = weight.multiply(item).divide(HUNDRED, 4, java.math.RoundingMode.HALF_UP);
                BigDecimal slack = weight.multiply(new BigDecimal("0.01")).max(new BigDecimal("0.05"));
                return share.subtract(score).abs().compareTo(slack) > 0 ? 3 : 0;
            }

            /** What a whole row adds: a target written again as the actual is the likeliest reading; amounts of one row share their decimals. */
            private int rowCost(List<Span> cells) {
                int offset = named ? 1 : 0;
                int cost = 0;
                String target = null;
                Set<Integer> decimals = new java.util.HashSet<>();
                for (int k = 0; k < kinds.size(); k++) {
                    Span c = cells.get(k + offset);
                    if (kinds.get(k) == Kind.MEASURE && !c.blank()) {
                        String t = s.text().substring(c.from(), c.to());
                        if (target == null) {
                            target = t;
                        } else if (t.equals(target)) {
                            cost -= 1 + c.freeCost();
                        }
                    }
                    if (kinds.get(k) == Kind.AMOUNT && !c.blank()) {
                        String t = s.text().substring(c.from(), c.to());
                        int dot = t.indexOf('.');
                        decimals.add(dot < 0 ? 0 : t.length() - dot - 1);
                    }
                }
                return cost + 2 * Math.max(0, decimals.size() - 1)
                        + (named ? completeRow(cells) + shareCost(cells) : fundsArithmetic(cells));
            }

            /**
             * A row that states every figure of its header is what a form is made of: such rows are
             * preferred to fewer rows whose names or texts swallow another row's figures.
             */
            private int completeRow(List<Span> cells) {
                boolean any = false;
                for (int k = 0; k < kinds.size(); k++) {
                    Kind kind = kinds.get(k);
                    if (kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM) {
                        if (cells.get(k + 1).blank()) {
                            return 0;
                        }
                        any = true;
                    }
                }
                return any ? -COMPLETE_ROW : 0;
            }

            /**
             * A fund line's figures hang together: the rate is the executed amount over the budget,
             * and a line scored above nothing executed nothing. A reading that breaks this costs more.
             */
            private int fundsArithmetic(List<Span> cells) {
                List<BigDecimal> amounts = new ArrayList<>();
                BigDecimal rate = null;
                BigDecimal weight = null;
                BigDecimal after = null;
                for (int k = 0; k < kinds.size(); k++) {
                    Span c = cells.get(k);
                    if (c.number().isEmpty()) {
                        continue;
                    }
                    switch (kinds.get(k)) {
                        case AMOUNT -> amounts.add(c.number().get());
                        case PERCENT -> rate = c.number().get();
                        case WEIGHT -> weight = c.number().get();
                        case SCORE -> after = c.number().get();
                        default -> { }
                    }
                }
                int cost = 0;
                for (BigDecimal a : amounts) {
                    cost += a.scale() > 2 ? 1 : 0; // money has at most two decimals
                }
                if (weight != null && after != null && after.compareTo(weight) > 0) {
                    cost += 3;
                }
                if (rate != null && amounts.size() >= 2) {
                    BigDecimal budget = amounts.get(amounts.size() - 2);
                    BigDecimal executed = amounts.get(amounts.size() - 1);
                    if (budget.signum() > 0) {
                        BigDecimal computed = executed.multiply(HUNDRED).divide(budget, 4, java.math.RoundingMode.HALF_UP);
                        if (computed.subtract(rate).abs().compareTo(BigDecimal.ONE) > 0) {
                            cost += 3;
                        }
                    }
                }
                if (rate != null && rate.signum() == 0 && after != null && after.signum() > 0) {
                    cost += 3;
                }
                return cost;
            }

            private final Map<Long, List<Candidate>> candidateCache = new HashMap<>();
            /** The cheapest cost seen reaching a cell at a place, within the row being read. */
            private final Map<Long, Integer> bestPartial = new HashMap<>();

            /** The readings of a cell of {@code kind} from {@code at}; each position is worked out once. */
            private List<Candidate> candidates(Kind kind, int at, List<Span> before) {
                return candidateCache.computeIfAbsent(((long) at << 8) | kind.ordinal(), key -> candidatesAt(kind, at));
            }

            private List<Candidate> candidatesAt(Kind kind, int at) {
                List<Candidate> out = new ArrayList<>();
                String text = s.text();
                if (at > to) {
                    return out;
                }
                // An empty cell: a space stands for it in some copies; otherwise it costs a little.
                if (at < to && text.charAt(at) == ' ') {
                    out.add(new Candidate(new Span(at, at + 1, true, false, Optional.empty()), 0));
                }
                out.add(new Candidate(new Span(at, at, true, false, Optional.empty()), switch (kind) {
                    case TEXT -> 0;
                    case WEIGHT, SCORE, ITEM -> EMPTY_FIGURE;
                    default -> 1;
                }));
                if (at >= to) {
                    return out;
                }
                switch (kind) {
                    case WEIGHT, SCORE, ITEM -> figures(at, out, HUNDRED);
                    case PERCENT -> percents(at, out);
                    case AMOUNT -> amounts(at, out);
                    case MEASURE -> measures(at, out);
                    case UNIT -> units(at, out);
                    case NATURE -> natures(at, out);
                    case YES_NO -> words(at, out, YES_NO_WORDS);
                    case TEXT -> texts(at, out, 1, TEXT_WITH_FIGURE);
                    default -> { }
                }
                return out;
            }

            /**
             * A dash for an empty value (一 is how OCR reads a long dash). Kept as written in a
             * value column, where it is the likeliest end of a glued cell; blank in a figure column.
             */
            /** A unit: %, or one to four letters or Han characters (人次, 万元, km). */
            private void units(int at, List<Candidate> out) {
                String text = s.text();
                if (text.charAt(at) == '%' || text.charAt(at) == '\u2030') {
                    out.add(new Candidate(new Span(at, at + 1, false, false, Optional.empty()), 0));
                    return;
                }
                for (int e = at + 1; e <= Math.min(to, at + 4); e++) {
                    char c = text.charAt(e - 1);
                    if (!Character.isIdeographic(c) && !Character.isLetter(c) && c != '/') {
                        break;
                    }
                    out.add(new Candidate(new Span(at, e, false, false, Optional.empty()), 0));
                }
            }

            /** A nature: a comparator (≥, ≤, =) or a word (定性, 定量, 正向, 反向). */
            private void natures(int at, List<Candidate> out) {
                Matcher cmp = COMPARATOR.matcher(s.text()).region(at, to);
                if (cmp.lookingAt()) {
                    out.add(new Candidate(new Span(at, cmp.end(), false, false, Optional.empty()), 0));
                }
                words(at, out, NATURE_WORDS);
            }

            private void words(int at, List<Candidate> out, List<String> words) {
                for (String w : words) {
                    if (s.text().startsWith(w, at) && at + w.length() <= to) {
                        out.add(new Candidate(new Span(at, at + w.length(), false, false, Optional.empty()), 0));
                    }
                }
            }

            private void dash(int at, List<Candidate> out, boolean keep) {
                char c = s.text().charAt(at);
                if (splitsNumber(at) || splitsNumber(at + 1)) {
                    return; // 2018-2022 is a range
                }
                if (c == '-' || c == '\u2014' || c == '/' || c == '\u4E00' || c == '\u2013') {
                    out.add(new Candidate(new Span(at, at + 1, !keep, false, Optional.empty()), keep ? -1 : 0));
                }
            }

            private void figures(int at, List<Candidate> out, BigDecimal max) {
                String text = s.text();
                dash(at, out, false);
                Matcher m = NUMBER.matcher(text).region(at, to);
                if (m.find()) {
                    for (int e = at + 1; e <= m.end(); e++) {
                        String n = text.substring(at, e);
                        if (n.endsWith(".") || n.length() > 1 && n.charAt(0) == '0' && n.charAt(1) != '.') {
                            continue;
                        }
                        BigDecimal v = new BigDecimal(n);
                        if (e < to && UNIT_AFTER_FIGURE.indexOf(text.charAt(e)) >= 0 || withinYear(at, e) || unitAt(e)) {
                            continue; // 11月, 2020年, 2370人: a date or a count, not a weight or a score
                        }
                        if (v.compareTo(max) <= 0 && (n.indexOf('.') < 0 || n.length() - n.indexOf('.') - 1 <= 2)) {
                            out.add(new Candidate(new Span(at, e, false, false, Optional.of(v)), 0));
                        }
                    }
                }
                Matcher g = GARBLED.matcher(text).region(at, to);
                if (g.find() && LETTERS_IN_FIGURE.matcher(g.group()).find()) {
                    out.add(new Candidate(new Span(at, g.end(), true, true, Optional.empty()), 2));
                }
            }

            /** True if a unit word stands alone at {@code e} (人 in 0人IO), not the start of words (个别, 项目). */
            private boolean unitAt(int e) {
                String text = s.text();
                if (e >= to) {
                    return false;
                }
                for (String u : units) {
                    int end = e + u.length();
                    if (end <= to && text.startsWith(u, e) && (end == text.length() || !Character.isIdeographic(text.charAt(end)))) {
                        return true;
                    }
                }
                return false;
            }

            /** True if {@code [from, e)} is cut out of a year (2020年: neither 20|20年 nor 2020 before 年). */
            private boolean withinYear(int from, int e) {
                String text = s.text();
                int a = from;
                while (a > this.from && Character.isDigit(text.charAt(a - 1))) {
                    a--;
                }
                int b = e;
                while (b < to && Character.isDigit(text.charAt(b))) {
                    b++;
                }
                return b - a == 4 && b < to && text.charAt(b) == '年';
            }

            private void percents(int at, List<Candidate> out) {
                String text = s.text();
                dash(at, out, false);
                Matcher m = NUMBER.matcher(text).region(at, to);
                if (m.find()) {
                    for (int e = at + 1; e <= m.end(); e++) {
                        String n = text.substring(at, e);
                        if (n.endsWith(".") || n.length() > 1 && n.charAt(0) == '0' && n.charAt(1) != '.') {
                            continue;
                        }
                        if (e < to && text.charAt(e) == '%') {
                            out.add(new Candidate(new Span(at, e + 1, false, false, Optional.of(new BigDecimal(n))), 0));
                        } else if (new BigDecimal(n).compareTo(BigDecimal.valueOf(1000)) <= 0) {
                            // A rate written without its sign (96.8): likelier where the run of digits ends.
                            out.add(new Candidate(new Span(at, e, false, false, Optional.of(new BigDecimal(n))), e == m.end() ? 1 : 2));
                        }
                    }
                }
            }

            private void amounts(int at, List<Candidate> out) {
                String text = s.text();
                dash(at, out, false);
                Matcher m = Pattern.compile("\\G\\d[\\d,]*(?:\\.\\d+)?").matcher(text).region(at, to);
                if (!m.find()) {
                    return;
                }
                for (int e = at + 1; e <= m.end(); e++) {
                    String n = text.substring(at, e).replace(",", "");
                    if (n.endsWith(".") || n.endsWith(",") || n.length() > 1 && n.charAt(0) == '0' && n.charAt(1) != '.') {
                        continue;
                    }
                    int dot = n.indexOf('.');
                    if (dot >= 0 && n.length() - dot - 1 > 6) {
                        continue;
                    }
                    out.add(new Candidate(new Span(at, e, false, false, Optional.of(new BigDecimal(n))), 0));
                }
            }

            /** A target or an actual: dash, comparator-number-unit, date, quality word, or free text. */
            private void measures(int at, List<Candidate> out) {
                String text = s.text();
                dash(at, out, true);
                int p = at;
                Matcher cmp = COMPARATOR.matcher(text).region(at, to);
                if (cmp.lookingAt()) {
                    p = cmp.end();
                }
                Matcher date = DATE.matcher(text).region(p, to);
                boolean isDate = date.lookingAt();
                if (isDate) {
                    // A date ends on its own words (底前, 之前, 完成): what follows is the next cell.
                    out.add(new Candidate(new Span(at, date.end(), false, false, Optional.empty()), 0));
                    for (String tail : dateTails) {
                        if (text.startsWith(tail, date.end()) && date.end() + tail.length() <= to) {
                            out.add(new Candidate(new Span(at, date.end() + tail.length(), false, false, Optional.empty()), 0));
                        }
                    }
                }
                Matcher num = NUMBER.matcher(text).region(p, to);
                if (!isDate && num.lookingAt()) {
                    for (int e = p + 1; e <= num.end(); e++) {
                        String n = text.substring(p, e);
                        if (n.endsWith(".") || n.length() > 1 && n.charAt(0) == '0' && n.charAt(1) != '.') {
                            continue;
                        }
                        unitTails(at, e, out, e == num.end() ? 0 : 1, 3);
                    }
                }
                Matcher garbled = GARBLED_AMOUNT.matcher(text).region(p, to);
                if (garbled.lookingAt()) {
                    // A figure OCR garbled in front (M.8万元 for 14.8万元) is kept as written.
                    unitTails(at, garbled.end(), out, GARBLED_VALUE, 3);
                }
                if (p == at) {
                    for (String d : degreesAndEmpty()) {
                        if (!text.startsWith(d, at)) {
                            continue;
                        }
                        for (String q : qualities) {
                            int end = at + d.length() + q.length();
                            if (text.startsWith(q, at + d.length()) && end <= to) {
                                // A one-character word (有, 是, 好) alone is too common inside other words to be sure of.
                                int cost = d.isEmpty() && q.length() == 1 ? 2 : 0;
                                out.add(new Candidate(new Span(at, end, false, false, Optional.empty()), cost));
                                for (String q2 : qualities) {
                                    // Two quality words are one value: 明显改善, 有效提升.
                                    if (q2.length() > 1 && q.length() > 1 && text.startsWith(q2, end) && end + q2.length() <= to) {
                                        out.add(new Candidate(new Span(at, end + q2.length(), false, false, Optional.empty()), 0));
                                    }
                                }
                            }
                        }
                    }
                    freeValues(at, out);
                }
            }

            private List<String> degreesAndEmpty() {
                List<String> all = new ArrayList<>();
                all.add("");
                all.addAll(degrees);
                return all;
            }

            /** After a number: no unit, %, or one to four characters of a unit (人次, 万元, 个). */
            private void unitTails(int start, int at, List<Candidate> out, int cost, int maxUnit) {
                String text = s.text();
                out.add(new Candidate(new Span(start, at, false, false, Optional.empty()), cost));
                if (at < to && (text.charAt(at) == '%' || text.charAt(at) == '\u2030')) {
                    out.add(new Candidate(new Span(start, at + 1, false, false, Optional.empty()), cost));
                    return;
                }
                for (int e = at + 1; e <= Math.min(to, at + maxUnit + 3); e++) {
                    char c = text.charAt(e - 1);
                    boolean per = c == '/' && e > at + 1 && e < to && Character.isIdeographic(text.charAt(e));
                    if (!per && !Character.isIdeographic(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
                            || c == '\u4E00' && e == at + 1) {
                        break;
                    }
                    if (per || e - at > maxUnit && text.substring(at, e).indexOf('/') < 0) {
                        continue; // 元/平方米: a unit per unit is longer
                    }
                    out.add(new Candidate(new Span(start, e, false, false, Optional.empty()), cost));
                }
            }

            /**
             * A target or actual in words that no grammar knows (目标明确、内容细化). Glued to the next
             * cell it ends only where something else visibly begins: a figure, a comparator, a dash,
             * a space, the end of the run, the same words again (a target repeated as the actual) or
             * a quality word (及时 | 较及时).
             */
            private void freeValues(int at, List<Candidate> out) {
                String text = s.text();
                if (text.charAt(at) == ' ' || Character.isDigit(text.charAt(at))) {
                    return;
                }
                for (int e = at + 1; e <= Math.min(to, at + MAX_FREE_TEXT); e++) {
                    if (crossesBreak(s.breaks(), at, e)) {
                        break;
                    }
                    char c = text.charAt(e - 1);
                    if (Character.isDigit(c)) {
                        break;
                    }
                    if (c == ' ' || !plausibleEnd(at, e)) {
                        continue;
                    }
                    out.add(new Candidate(new Span(at, e, false, false, Optional.empty()).free(FREE_VALUE), FREE_VALUE));
                }
            }

            /** True if the text at {@code e} begins with words written twice (控制在预算范围内控制在预算范围内). */
            private boolean repeatsAt(int e) {
                String text = s.text();
                for (int len = 2; len <= 30 && e + 2 * len <= to; len++) {
                    if (text.regionMatches(e, text, e + len, len)) {
                        return true;
                    }
                }
                return false;
            }

            /** True if a cell of words {@code [from, e)} may end at {@code e}. */
            private final Map<Integer, Boolean> boundaryCache = new HashMap<>();

            private boolean plausibleEnd(int from, int e) {
                String text = s.text();
                if (OPERATORS.indexOf(text.charAt(e - 1)) >= 0) {
                    return false; // …/应到位资金× goes on: ×100%
                }
                if (e >= to || s.breaks()[e]) {
                    return true;
                }
                if (text.startsWith(text.substring(from, e), e)) {
                    return true; // the same words again
                }
                return boundaryCache.computeIfAbsent(e, this::visibleBoundary);
            }

            /** True if something visibly begins at {@code e}: a figure, a mark, a word a value begins with, a repeated value. */
            private boolean visibleBoundary(int e) {
                String text = s.text();
                char next = text.charAt(e);
                if (!Character.isIdeographic(next) && !Character.isLetter(next)) {
                    return true; // a figure, a comparator, a dash, a space, punctuation
                }
                if (next == '\u4E00') {
                    return true; // OCR's dash
                }
                if (repeatsAt(e)) {
                    return true; // a target written again as the actual
                }
                for (String v : valueStarts) {
                    if (text.startsWith(v, e)) {
                        return true; // 项目支出控制 | 控制在预算范围内
                    }
                }
                if (COMPARATOR.matcher(text).region(e, to).lookingAt()) {
                    return true; // 运维项目数 | 大于等于
                }
                if (kinds.contains(Kind.NATURE)) {
                    for (String n : NATURE_WORDS) {
                        if (text.startsWith(n, e)) {
                            return true;
                        }
                    }
                }
                if (kinds.contains(Kind.UNIT)) {
                    for (String u : units) {
                        if (text.startsWith(u, e)) {
                            return true; // 免费开放场馆数量 | 个
                        }
                    }
                }
                for (String d : degreesAndEmpty()) {
                    if (!text.startsWith(d, e)) {
                        continue;
                    }
                    for (String q : qualities) {
                        if (q.length() > 1 && text.startsWith(q, e + d.length())) {
                            return true;
                        }
                    }
                }
                return false;
            }

            /** True if every figure in {@code [from, e)} stands between words (扣0.5分), as a sentence writes it. */
            private boolean figuresInsideWords(int from, int e) {
                String text = s.text();
                for (int k = from; k < e; k++) {
                    if (!Character.isDigit(text.charAt(k))) {
                        continue;
                    }
                    int a = k;
                    while (a > from && (Character.isDigit(text.charAt(a - 1)) || text.charAt(a - 1) == '.')) {
                        a--;
                    }
                    int b = k;
                    while (b < e && (Character.isDigit(text.charAt(b)) || text.charAt(b) == '.')) {
                        b++;
                    }
                    if (a == from || b == e || !Character.isIdeographic(text.charAt(a - 1)) || !Character.isIdeographic(text.charAt(b))) {
                        return false;
                    }
                    k = b;
                }
                return true;
            }

            /**
             * Free text from {@code at}, never ending in a space; figures in it cost {@code digitCost}
             * more, or end it where {@code digitCost} is negative.
             */
            private void texts(int at, List<Candidate> out, int cost, int digitCost) {
                String text = s.text();
                if (text.charAt(at) == ' ') {
                    return;
                }
                boolean digit = false;
                for (int e = at + 1; e <= Math.min(to, at + MAX_FREE_TEXT); e++) {
                    if (crossesBreak(s.breaks(), at, e)) {
                        break;
                    }
                    char c = text.charAt(e - 1);
                    if (Character.isDigit(c) && digitCost < 0) {
                        break;
                    }
                    digit |= Character.isDigit(c);
                    if (c == ' ') {
                        continue;
                    }
                    int extra = digit && !(figuresInsideWords(at, e) && SENTENCE_MARKS.matcher(text.substring(at, e)).find())
                            ? digitCost : 0;
                    if (digitCost > 0 && (c == '。' || e == at + 1 && c == '无')) {
                        extra -= 1; // a reason ends its sentence (。), or says there is none (无)
                    }
                    out.add(new Candidate(new Span(at, e, false, false, Optional.empty()).free(cost + extra), cost + extra));
                }
            }
        }
    }

    /** What a column of glued values holds. */
    private enum Kind {
        /** 分值: a number up to 100 (and up to its block's weight). */
        WEIGHT,
        /** 得分: a number up to the row's weight. */
        SCORE,
        /** 单项得分, 得分系数: a number up to 100 that the score is the weight's share of. */
        ITEM,
        /** A rate: a number and {@code %}. */
        PERCENT,
        /** Money: a number with at most four decimals. */
        AMOUNT,
        /** A target or an actual. */
        MEASURE,
        /** 计量单位: a unit of one to four characters. */
        UNIT,
        /** 指标性质: a comparator or 定性 / 定量. */
        NATURE,
        /** 是否核心指标 and other yes/no columns. */
        YES_NO,
        /** A reason, a criterion, a column the header does not know: free text. */
        TEXT
    }

    /** A piece of text for a rebuilt cell and where it starts in the stream. */
    private record Piece(String text, int at) { }

    /** A level name or a placeholder that anchors the rows after it; level 0 is a placeholder. */
    private record Anchor(int level, Piece piece, int end, Optional<BigDecimal> weight, boolean known, boolean national) { }

    /** One cell of a reading: its span of the stream; blank for an empty cell or a dash figure. */
    private record Span(int from, int to, boolean blank, boolean garbled, Optional<BigDecimal> number, int freeCost) {
        Span(int from, int to, boolean blank, boolean garbled, Optional<BigDecimal> number) {
            this(from, to, blank, garbled, number, 0);
        }

        Span free(int cost) {
            return new Span(from, to, blank, garbled, number, cost);
        }
    }

    private record Candidate(Span span, int cost) { }

    private record RowReading(int end, List<Span> cells, int cost) { }

    /** One way to read a run: its rows, each the spans of its cells. */
    private record Reading(List<List<Span>> rows) { }

    private static final class Best {
        final int cost;
        final List<Reading> readings;

        Best(int cost, List<Reading> readings) {
            this.cost = cost;
            this.readings = readings;
        }
    }
}
