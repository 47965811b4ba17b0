package org.jixiao.internal.extract;

import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.internal.extract.GluedGrammar.Kind;
import org.jixiao.internal.extract.GluedGrammar.Reading;
import org.jixiao.internal.extract.GluedGrammar.Span;
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
import java.util.function.Predicate;
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
 * name and values by {@link GluedGrammar}, the grammar of each column (weights and scores are
 * numbers of at most 100; targets and actuals are comparator, number and unit, a date, a dash, a
 * word such as 达标 or 较及时, or failing all that words; …). Every reading of the least cost is
 * kept: a cell on which they all agree is filled, a cell on which they differ is left blank with
 * an {@code ambiguous_cell} finding holding the text it saw, since a wrong number is worse than
 * none. A figure that does not parse (OCR's {@code IO} for 10) stays blank with its
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
    /** A word with one character OCR read as one or two letters (项Fl实施). */
    private static final Pattern LETTERS_FOR_A_CHARACTER = Pattern.compile("^(\\p{IsHan}+)[A-Za-z]{1,2}(\\p{IsHan}+)$");
    private static final Set<Field> INDICATOR_ENDS = EnumSet.of(Field.TOTAL_SCORE, Field.GRADE, Field.ANALYSIS,
            Field.ANALYSIS_BUDGET, Field.ANALYSIS_OUTPUT, Field.ANALYSIS_BENEFIT, Field.ANALYSIS_SATISFACTION,
            Field.EXPERIENCE, Field.PROBLEMS, Field.FORM_TITLE, Field.DEPT_FORM_TITLE, Field.PROJECT_NAME,
            Field.GOAL_EXPECTED, Field.ANNUAL_GOAL, Field.DEVIATION_REASON, Field.IMPROVEMENTS);
    /** Ends of an indicator table that are also common words of its cells: they end it only at a cell's start. */
    private static final Set<Field> WORDS_OF_TEXT = EnumSet.of(Field.GOAL_EXPECTED, Field.ANNUAL_GOAL,
            Field.DEVIATION_REASON, Field.IMPROVEMENTS);
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
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final HeadingDictionary dictionary;
    private final Map<String, Field> headings = new HashMap<>();
    private final Map<Integer, List<Map.Entry<String, Field>>> headingsByLength = new HashMap<>();
    private final int longestHeading;
    private final GluedGrammar grammar;
    /** Level weights, section numbers, template placeholders and the other words of glued labels. */
    private final Prose.Glued vocabulary;

    GluedText(HeadingDictionary dictionary, Prose prose) {
        this.dictionary = dictionary;
        int longest = 0;
        for (Map.Entry<String, Field> e : dictionary.headingsByKey().entrySet()) {
            if (e.getKey().length() >= 2 && e.getKey().indexOf(' ') < 0) {
                headings.put(e.getKey(), e.getValue());
                headingsByLength.computeIfAbsent(e.getKey().length(), n -> new ArrayList<>()).add(e);
                longest = Math.max(longest, e.getKey().length());
            }
        }
        this.longestHeading = longest;
        this.grammar = new GluedGrammar(prose);
        this.vocabulary = prose.glued();
    }

    /** True if a line of {@code lines} (a paragraph, or a row of one cell) is a glued indicator header. */
    private boolean holds(List<Line> lines) {
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

    /**
     * The rows rebuilt from {@code lines} read as one stream, where a line of them is a glued
     * indicator header; empty where none is, and the document is read as it is.
     */
    Optional<List<Line>> rebuild(List<Line> lines) {
        if (!holds(lines)) {
            return Optional.empty();
        }
        // The whole document is one stream: a reader may have taken a few lines with runs of
        // spaces for a table of their own; they are lines of the same text.
        List<String> parts = new ArrayList<>();
        List<SourceRef> refs = new ArrayList<>();
        for (Line line : lines) {
            if (line instanceof Line.Text t) {
                Paragraph p = t.paragraph();
                parts.add(p.text());
                refs.add(p.line() > 0 ? new SourceRef.InLine(p.line()) : p.ref());
            } else {
                Line.Cells c = (Line.Cells) line;
                List<Cell> cells = c.nonBlank();
                if (!cells.isEmpty()) {
                    parts.add(String.join(" ", cells.stream().map(Cell::text).toList()));
                    refs.add(c.ref(cells.get(0)));
                }
            }
        }
        return Optional.of(new Rebuild(Stream.of(parts, refs)).run());
    }

    /** True if {@code text} holds an indicator header with its headings glued together. */
    private boolean holdsGluedHeader(String text) {
        // Cheap first: a glued header names the indicator's level or name column.
        if (text.length() < 12 || vocabulary.headerWords().stream().noneMatch(text::contains)) {
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
        static Stream of(List<String> lines, List<SourceRef> lineRefs) {
            StringBuilder sb = new StringBuilder();
            List<Boolean> breaks = new ArrayList<>();
            List<SourceRef> refs = new ArrayList<>();
            int nextMarker = 1;
            for (int n = 0; n < lines.size(); n++) {
                String t = lines.get(n);
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

    /**
     * The headings of {@code filter} in {@code text[from, to)}, longest first at each position,
     * with the text between them; no token crosses a line break. With {@code fuzzy}, a label of
     * four characters or more that OCR garbled in one character (实施第位 for 实施单位) or wrote in
     * another order (考值参分 for 参考分值) is found too, and named by its dictionary form.
     */
    private List<Token> scan(String text, int from, int to, boolean[] breaks, Predicate<Field> filter, boolean fuzzy) {
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
                while (d.find() && !GluedGrammar.crossesBreak(breaks, end, d.end())) {
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

    private static void addText(List<Token> tokens, String text, int from, int to) {
        if (to > from && !text.substring(from, to).isBlank()) {
            tokens.add(new Token(null, from, to, text.substring(from, to)));
        }
    }

    private Optional<Token> headingAt(String text, int at, int limit, Predicate<Field> filter, boolean fuzzy) {
        for (int end = limit; end >= at + 2; end--) {
            String key = text.substring(at, end).toLowerCase(Locale.ROOT);
            Field f = headings.get(key);
            if (f != null && filter.test(f) && (key.length() >= MIN_GLUED_HEADING || !f.isLevel1Value() && !f.isLevel2Value())) {
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
                if (filter.test(e.getValue()) && OCR_TOLERANT.contains(e.getValue())
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
                    && t.label().strip().length() <= 3 && t.label().codePoints().noneMatch(Character::isIdeographic)) {
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
            if (t.isHeading() && t.field() == Field.INDICATOR_GROUP) {
                // A block label (绩效指标) leads a header; after the columns it is the first row's label.
                break;
            } else if (t.isHeading()) {
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
                    Matcher m = GluedGrammar.NUMBER.matcher(value.label().strip());
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
            columns = spreadSubHeadings(splitCompounds(columns));
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
                if (!t.isHeading() && vocabulary.partLabel().matcher(t.label().strip()).matches() && j + 1 < tokens.size()
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
         * A funds header of two rows (预算数 over 年初预算数 | 全年预算数): the headings of the second
         * line take the place of the one of the first that each of them ends with, where they stand
         * under it in the grid.
         */
        private List<Token> spreadSubHeadings(List<Token> columns) {
            int second = 1;
            while (second < columns.size() && !s.breaks()[columns.get(second).start()]) {
                second++;
            }
            if (second == columns.size()) {
                return columns;
            }
            List<Token> sub = columns.subList(second, columns.size());
            for (int c = 0; c < second; c++) {
                String spanning = columns.get(c).label().strip();
                if (sub.stream().map(t -> t.label().strip())
                        .allMatch(label -> label.endsWith(spanning) && label.length() > spanning.length())) {
                    List<Token> out = new ArrayList<>(columns.subList(0, c));
                    out.addAll(sub);
                    out.addAll(columns.subList(c + 1, second));
                    return out;
                }
            }
            return columns;
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
            GluedGrammar.Run parse = grammar.fundLine(s.text(), s.breaks(), values.start(), values.end(), kinds,
                    label.field() == Field.FUND_TOTAL);
            List<Reading> readings = parse.readings();
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
                // The amounts; 得分计算方法 and other words beside the figures hold text.
                default -> FUND_FIGURES.contains(f) ? Kind.AMOUNT : Kind.TEXT;
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
            int headerEnd = run.get(run.size() - 1).end();
            int end = tableEnd(headerEnd);
            // A header of two rows (年度指标值 over 指标性质|指标值|度量单位) glued into one run: the
            // second row is the headings after the top row's last column (偏差原因…).
            int split = subHeaderStart(header);
            if (split > 0) {
                List<Cell> top = cellsOf(header.subList(0, split));
                List<Cell> next = cellsOf(header.subList(split, header.size()));
                Optional<HeaderModel> two = HeaderModel.parse(top, next, dictionary);
                if (two.isPresent() && two.get().headerRows() == 2) {
                    emit(header.subList(0, split), List.of());
                    emit(header.subList(split, header.size()), List.of());
                    new Table(two.get(), two.get().width()).read(headerEnd, end);
                    return end;
                }
            }
            emit(header, List.of());
            HeaderModel model = HeaderModel.parse(cellsOf(header), List.of(), dictionary).orElseThrow();
            new Table(model, header.size()).read(headerEnd, end);
            return end;
        }

        /** Where the headings after the top row's last column (偏差原因…) begin, or -1 if none follow it. */
        private int subHeaderStart(List<Piece> header) {
            for (int c = 0; c < header.size() - 2; c++) {
                Optional<Field> f = dictionary.lookup(header.get(c).text());
                if (f.filter(x -> x == Field.DEVIATION_REASON).isPresent()) {
                    return c + 1;
                }
            }
            return -1;
        }

        private static List<Cell> cellsOf(List<Piece> pieces) {
            List<Cell> cells = new ArrayList<>();
            for (Piece p : pieces) {
                cells.add(Cell.of(cells.size(), p.text()));
            }
            return cells;
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
                if (WORDS_OF_TEXT.contains(t.field()) && t.start() > 0 && !s.breaks()[t.start()]
                        && Character.isIdeographic(text.charAt(t.start() - 1))) {
                    continue; // 达到预期目标得满分: a criterion's words, not the goals' table
                }
                // A new header is three headings side by side; 指标值/实际值 in a criterion is two.
                if (INDICATOR_ENDS.contains(t.field()) || headingsOf(ends, k, headingRunEnd(ends, k)).size() >= 3) {
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
            /** True under a level 1 of the evaluation rubric (项目决策, 项目管理 or a weighted name). */
            private boolean rubric;

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
                    ColumnRole.Qualifier q = header.covering(c).map(h -> h.role().qualifier()).orElse(ColumnRole.Qualifier.WHOLE);
                    if (q == ColumnRole.Qualifier.COMPARATOR) {
                        kinds.add(Kind.NATURE); // 年度指标值 > 指标性质
                        continue;
                    }
                    if (q == ColumnRole.Qualifier.UNIT) {
                        kinds.add(Kind.UNIT); // 年度指标值 > 度量单位
                        continue;
                    }
                    kinds.add(switch (p) {
                        case WEIGHT -> Kind.WEIGHT;
                        case SCORE -> header.covering(c).get().role().qualifier() == ColumnRole.Qualifier.ITEM ? Kind.ITEM : Kind.SCORE;
                        case SCORE_COEFFICIENT -> Kind.ITEM;
                        case TARGET -> Kind.TARGET;
                        case ACTUAL -> Kind.MEASURE;
                        case ADJUSTED_TARGET -> Kind.ADJUSTED;
                        case COMPLETION_RATE -> Kind.PERCENT;
                        case UNIT -> Kind.UNIT;
                        case COMPARATOR -> Kind.NATURE;
                        case CORE_INDICATOR -> Kind.YES_NO;
                        case CRITERION -> Kind.CRITERION;
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
                        // The number of a level's section (二、产出指标, （三）时效指标) is the level's, not the row's before it.
                        Matcher number = vocabulary.sectionNumber().matcher(text).region(segmentStart, i);
                        rows(segmentStart, number.find() ? number.start() : i);
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
                lastAnchorEnd = a.end();
                lastAnchorText = a.piece().text().toLowerCase(Locale.ROOT);
                if (a.level() == 1) {
                    level1End = a.end();
                    level1 = Optional.of(a.piece());
                    level1Weight = a.weight();
                    level2 = Optional.empty();
                    level2Weight = Optional.empty();
                    nationalLevel1 = a.national();
                    rubric = !a.national() && (a.weight().isPresent() || levelField(a.piece().text())
                            .filter(f -> f == Field.LEVEL1_DECISION || f == Field.LEVEL1_PROCESS).isPresent());
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
            /** Where the last level-1 name ended: a level-2 name right after it (效益指标经济效益) is one too. */
            private int level1End = -1;

            /** A level name, a weighted label or a placeholder at {@code i}. */
            private Optional<Anchor> anchorAt(int i, int to, boolean rowStart) {
                String text = s.text();
                Matcher ph = vocabulary.placeholder().matcher(text).region(i, to);
                if (ph.lookingAt()) {
                    return Optional.of(new Anchor(0, new Piece("", i), ph.end(), Optional.empty(), true, false));
                }
                Matcher w = vocabulary.weightedLabel().matcher(text).region(i, to);
                if (w.lookingAt() && (i == 0 || !Character.isIdeographic(text.codePointAt(i - 1)) || rowStart)
                        && !GluedGrammar.crossesBreak(s.breaks(), i, w.end()) && !startsWithLevelName(w.group(1))
                        && !(levelField(w.group(1)).isEmpty() && levelField(w.group(1).substring(1)).isPresent())) {
                    // (无项目效益(30分) is the reason 无 of the row before and the level 项目效益(30分).)
                    String label = w.group(1);
                    Optional<Field> f = levelField(label);
                    int level = f.map(x -> x.isLevel1Value() ? 1 : 2)
                            .orElse(label.endsWith(vocabulary.levelSuffix()) ? 2 : 1);
                    return Optional.of(new Anchor(level, new Piece(w.group(), i), w.end(),
                            Optional.of(new BigDecimal(w.group(2))), f.isPresent(), f.filter(NATIONAL_LEVEL1::contains).isPresent()));
                }
                int limit = Math.min(to, i + longestHeading);
                for (int end = limit; end >= i + MIN_GLUED_HEADING; end--) {
                    if (GluedGrammar.crossesBreak(s.breaks(), i, end)) {
                        continue;
                    }
                    String key = text.substring(i, end).toLowerCase(Locale.ROOT);
                    Field f = headings.get(key);
                    boolean lineStart = rowStart && s.breaks()[i];
                    if (f != null && (f.isLevel2Value() || f.isLevel1Value() && (lineStart || f != Field.LEVEL1_DECISION
                            && f != Field.LEVEL1_PROCESS)) && (key.endsWith(vocabulary.levelSuffix()) || f == Field.LEVEL2_RUBRIC
                            || lineStart || f.isLevel2Value() && i == level1End
                            || i > 0 && closesCell(text.charAt(i - 1)) && (f.isLevel2Value() || knownLevel2At(end, to))
                            || vocabulary.levelWeight().matcher(text).region(end, to).lookingAt()) && !repeatsLastAnchor(key, i)
                            && !leavesOneCharacter(end, to)) {
                        // A weight printed after the name belongs to it: 服务对象满意度指标(10分).
                        Matcher weight = vocabulary.levelWeight().matcher(text).region(end, to);
                        Optional<BigDecimal> w2 = Optional.empty();
                        int stop = end;
                        if (weight.lookingAt()) {
                            w2 = Optional.of(new BigDecimal(weight.group(1)));
                            stop = weight.end();
                        }
                        return Optional.of(new Anchor(f.isLevel1Value() ? 1 : 2, new Piece(text.substring(i, stop), i), stop,
                                w2, true, NATIONAL_LEVEL1.contains(f)));
                    }
                    if (level2Column >= 0 && (rubric && lineStart || text.startsWith(key, end)) && vocabulary.level2().contains(key)
                            && !leavesShortName(end, to)
                            && !repeatsLastAnchor(key, i)) {
                        return Optional.of(new Anchor(2, new Piece(text.substring(i, end), i), end, Optional.empty(), true, false));
                    }
                    Optional<Field> ocr = ocrLevel(key);
                    if (ocr.isPresent() && !repeatsLastAnchor(key, i)) {
                        return Optional.of(new Anchor(ocr.get().isLevel1Value() ? 1 : 2, new Piece(text.substring(i, end), i),
                                end, Optional.empty(), true, false));
                    }
                }
                if (rowStart && s.breaks()[i] || i > 0 && closesCell(text.charAt(i - 1))) {
                    // 过程业务管理…: a level 1 of two characters, at a line's start (or after a
                    // sentence or a figure ends) before a level 2 the vocabulary knows.
                    for (int len = 2; len < MIN_GLUED_HEADING && i + len < to; len++) {
                        Field f = headings.get(text.substring(i, i + len));
                        if (f != null && f.isLevel1Value() && knownLevel2At(i + len, to)) {
                            return Optional.of(new Anchor(1, new Piece(text.substring(i, i + len), i), i + len,
                                    Optional.empty(), true, NATIONAL_LEVEL1.contains(f)));
                        }
                    }
                }
                if (rowStart && s.breaks()[i]) {
                    Matcher own = vocabulary.ownLevelName().matcher(text).region(i, to);
                    if (own.lookingAt() && levelField(own.group()).isEmpty() && !headings.containsKey(own.group())) {
                        return Optional.of(new Anchor(2, new Piece(own.group(), i), own.end(), Optional.empty(), false, false));
                    }
                }
                return Optional.empty();
            }

            /** True if a cell can end on {@code c}: a sentence's end, a figure, a percent sign. */
            private boolean closesCell(char c) {
                return c == '。' || c == '%' || Character.isDigit(c);
            }

            /**
             * True if no more than three characters stand between {@code at} and the next figure: 绩效目标合理性4
             * is a name of the block 项目立项, not the block 绩效目标 with a name 合理性.
             */
            private boolean leavesShortName(int at, int to) {
                int e = at;
                while (e < to && !Character.isDigit(s.text().charAt(e)) && !s.breaks()[e]) {
                    e++;
                }
                return e - at <= 3;
            }

            /**
             * True if one character stands between {@code at} and the next figure: no name is that
             * short, so 预算执行率10 is a row's name, not the block 预算执行 with a name 率.
             */
            private boolean leavesOneCharacter(int at, int to) {
                return at + 1 < to && !s.breaks()[at + 1] && Character.isIdeographic(s.text().charAt(at))
                        && Character.isDigit(s.text().charAt(at + 1));
            }

            private int lastAnchorEnd = -1;
            private String lastAnchorText = "";

            /** 财务管理财务管理制度有效性: a name that starts with its block's name is no second block. */
            private boolean knownLevel2At(int at, int to) {
                for (int end = Math.min(to, at + longestHeading); end >= at + MIN_GLUED_HEADING; end--) {
                    Field f = headings.get(s.text().substring(at, end));
                    if (f != null && f.isLevel2Value()) {
                        return true;
                    }
                }
                return false;
            }

            /** 项目产出数量指标(10分): two level names, the first of which the vocabulary knows. */
            private boolean startsWithLevelName(String label) {
                for (int cut = MIN_GLUED_HEADING; cut <= label.length() - 2; cut++) {
                    if (levelField(label.substring(0, cut)).isPresent()) {
                        return true;
                    }
                }
                return false;
            }

            /** True if {@code key} at {@code i} repeats the level name just applied (服务对象满意度指标服务对象满意度指标: the second is the row's name). */
            private boolean repeatsLastAnchor(String key, int i) {
                return i == lastAnchorEnd && key.equals(lastAnchorText);
            }

            private Optional<Field> levelField(String label) {
                return Optional.ofNullable(headings.get(label.toLowerCase(Locale.ROOT)))
                        .filter(f -> f.isLevel1Value() || f.isLevel2Value());
            }

            /** A level name of four characters whose one character OCR read as letters (项Fl实施). */
            private Optional<Field> ocrLevel(String key) {
                Matcher m = LETTERS_FOR_A_CHARACTER.matcher(key);
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
                GluedGrammar.Run parse = grammar.indicatorRun(s.text(), s.breaks(), from, to, kinds, cap);
                List<Reading> readings = parse.readings();
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
                return text.chars().noneMatch(Character::isDigit) || text.strip().length() <= 4;
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

    }


    /** A piece of text for a rebuilt cell and where it starts in the stream. */
    private record Piece(String text, int at) { }

    /** A level name or a placeholder that anchors the rows after it; level 0 is a placeholder. */
    private record Anchor(int level, Piece piece, int end, Optional<BigDecimal> weight, boolean known, boolean national) { }





}
