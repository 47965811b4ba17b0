package org.jixiao.internal.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar {@link GluedText} splits a run of glued values with: what each kind of column may
 * hold (a weight or score is a number of at most 100, a rate a number and {@code %}, money a number
 * with a few decimals, a target or an actual a comparator, number and unit, a date, a quality word
 * or a phrase, a unit a word of the unit list …), what each reading of a cell costs, and the
 * search for the cheapest readings of a whole run, row after row.
 *
 * <p>Every reading of the least cost is kept (up to {@value #MAX_READINGS}): the caller fills a
 * cell where they all agree and leaves it blank with a finding where they differ. Costs are
 * small integers: a value of the column's own grammar is free; an empty cell costs a little (a
 * figure more, as rows state their weight and score); words in a value column more; a figure
 * inside words or a name most, since it is far likelier a figure of its own column. Whole-row
 * terms make a row that states all its figures, a target written again as its actual, a score
 * that is its weight's share, and a fund line whose rate is its executed amount over its budget
 * likelier.
 *
 * <p>An indicator run is searched in one pass over its text (see {@code Run.search}); a fund line,
 * one row of figures, is read by trying its cuts in turn.
 */
final class GluedGrammar {

    private static final String COMPARATORS = "≥≤><=≧≦＞＜";
    /** Money: digits, thousands commas, a decimal part. */
    private static final Pattern AMOUNT = Pattern.compile("\\G\\d[\\d,]*(?:\\.\\d+)?");
    /** A number: digits with an optional decimal part. */
    static final Pattern NUMBER = Pattern.compile("\\G\\d+(?:\\.\\d+)?");
    /** The signs that close the figure before them (percent, per mille): no cell of words begins with one. */
    private static final String CLOSING_MARKS = "%\u2030";
    /** An amount written with thousands separators: a sum for reading, to the cent at most. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?");
    /** A comparator and its figure: a target's words, never inside an indicator's name (政策知晓率|≥83%). */
    private static final Pattern COMPARED_FIGURE = Pattern.compile("[≥≤><=≧≦＞＜]\\d");
    /** A figure OCR garbled: digits and letters that look like them ({@code IO} for 10, {@code l5}). */
    private static final Pattern GARBLED = Pattern.compile("\\G[0-9IOolSZ]{1,3}(?![A-Za-z0-9])");
    /** An amount whose first digits OCR read as letters: M.8, l5.2. */
    private static final Pattern GARBLED_AMOUNT = Pattern.compile("\\G[A-Za-z]{1,2}\\.?\\d+(?:\\.\\d+)?");
    private static final int GARBLED_VALUE = 2;
    private static final Pattern LETTERS_IN_FIGURE = Pattern.compile("[IOolSZ]");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    /** Commas and full stops: a sentence (a reason) has them, an indicator's name hardly ever. */
    private static final Pattern SENTENCE_MARKS = Pattern.compile("[,，。;；]");
    /** The most readings of one run kept to compare; more means the run is too ambiguous to read. */
    private static final int MAX_READINGS = 24;
    private static final int MAX_NAME = 60;
    /** The most words before a figure that say what it counts (同比下降5%). */
    private static final int MAX_LABEL = 10;
    /** How far a fund line's whole-row terms (decimals, arithmetic) can move its cost. */
    private static final int LINE_TERMS_RANGE = 12;
    private static final int MAX_STEPS = 2_000_000;
    /**
     * The most search states one run may hold. Each keeps the cells read so far, so they cost memory
     * as steps do not: a run that needs more (a long stretch of text read as one indicator run, after
     * a damaged or repeated header) is too ambiguous to read, and is reported rather than left to
     * fill the heap that the batch's other files share.
     */
    private static final int MAX_NODES = 150_000;
    /** Every 4,096 steps the search looks whether its thread was interrupted. */
    private static final int INTERRUPT_CHECK = 4095;
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
    /** A scoring rule states its formula (到位率=实际到位资金/应到位资金×100%): figures are common there. */
    private static final int CRITERION_WITH_FIGURE = 2;
    /** An indicator's name of two characters (项目) is far likelier the start of a longer one. */
    private static final int SHORT_NAME = 2;
    private static final int COMPLETE_ROW = 3;
    /** A weight or score on a fund line that is a part of the total, where forms leave them empty. */
    private static final int PART_LINE_FIGURE = 3;
    /*
     * A measure that ends inside a figure (a target glued to its actual) costs what an empty actual
     * does: a long figure (25002588) is then left open between its cuts and the whole, and a cut
     * into the same figure twice (96|96) wins by its repeat.
     */
    private static final int CUT_NUMBER = 1;
    /** A unit that goes on past a line break (see {@code wrapped}). */
    private static final int WRAPPED_UNIT = 1;
    /** A score above its row's weight (see {@code scoreOverWeight}). */
    private static final int SCORE_OVER_WEIGHT = 5;
    /** A weight that is no multiple of a quarter point (see {@code oddWeight}). */
    private static final int ODD_WEIGHT = 1;
    private static final BigDecimal QUARTERS = BigDecimal.valueOf(4);
    /** How far a budget's score may stand from its weight times the rate before a reading costs more. */
    private static final BigDecimal HALF_POINT = new BigDecimal("0.5");
    /**
     * The largest share of the national scheme's level-1 blocks (产出 50, 效益 30, 满意度 10, and 10
     * for the funds): an indicator in a block of unknown weight that weighs more is unlikely (see
     * {@code oddWeight}).
     */
    private static final BigDecimal LARGEST_BLOCK = BigDecimal.valueOf(50);
    /**
     * A name that begins with 无: far likelier the reason of the row before (无, nothing to explain)
     * glued to the name than a name of its own.
     */
    private static final int NAME_AFTER_NONE = 1;
    /** A name that begins with a figure (65岁及以上…): possible, but a figure there is likelier a cell's. */
    private static final int NAME_LEADING_FIGURE = 2;
    private static final Pattern BRACKETS = Pattern.compile("[《》〔〕()（）\\[\\]]");
    /** A unit in a row whose nature is 定性 (its cells hold words such as 按期完成). */
    private static final int QUALITATIVE_UNIT = 2;
    /** A name holding the words a value begins with (项目支出控制|控制在预算范围内, 化肥农药使用量|逐步减少). */
    private static final int NAME_WITH_VALUE_WORD = 2;
    /**
     * A reason written in a row that scored its full weight (see {@code reasonAtFullMarks}): dearer
     * than a name holding a value's word (及时(按期)完工率), which is what the reason takes from.
     */
    private static final int REASON_AT_FULL_MARKS = NAME_WITH_VALUE_WORD + 1;
    /** A cell of words never ends on an operator: 实际到位资金/应到位资金×100% is one criterion. */
    private static final String OPERATORS = "×=/+*÷(（";
    private static final int MAX_FREE_TEXT = 60;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Prose prose;
    /** The vocabulary of glued cells: qualities, units, comparators, dates, nature and yes/no words. */
    private final Prose.Glued vocabulary;
    /** The degree words and none: a quality word may stand alone. */
    private final List<String> degreesOrNone;

    GluedGrammar(Prose prose) {
        this.prose = prose;
        this.vocabulary = prose.glued();
        List<String> orNone = new ArrayList<>();
        orNone.add("");
        orNone.addAll(vocabulary.degrees());
        this.degreesOrNone = List.copyOf(orNone);
    }

    /**
     * An indicator run {@code text[from, to)} to read as rows of cells of {@code kinds}, each row led
     * by the indicator's name ({@code cap}: the weight of the block the rows stand in).
     */
    Run indicatorRun(String text, boolean[] breaks, int from, int to, List<Kind> kinds, Optional<BigDecimal> cap) {
        return new Run(text, breaks, from, to, kinds, true, cap, true);
    }

    /**
     * A fund line {@code text[from, to)} to read as one row of figures of {@code kinds};
     * {@code total}: the block's total line (年度资金总额), the only one that states the budget's
     * weight and score (its parts, 其中 财政拨款 and the rest, leave them empty or dashed).
     */
    Run fundLine(String text, boolean[] breaks, int from, int to, List<Kind> kinds, boolean total) {
        return new Run(text, breaks, from, to, kinds, false, Optional.empty(), total);
    }

    /** A number as a cell writes it: no trailing point, no leading zero but before a point (0.5). */
    private static boolean wellFormed(String n) {
        return !n.endsWith(".") && !(n.length() > 1 && n.charAt(0) == '0' && n.charAt(1) != '.');
    }

    /** True if a line break falls strictly inside {@code [from, to)}. */
    static boolean crossesBreak(boolean[] breaks, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (breaks[k]) {
                return true;
            }
        }
        return false;
    }

    /** A run of text read as rows of cells of {@code kinds}, each row led by a name if {@code named}. */
    final class Run {
        private final String text;
        private final boolean[] breaks;
        private final int from;
        private final int to;
        private final List<Kind> kinds;
        private final boolean named;
        private final Optional<BigDecimal> cap;
        private int steps;
        private int nodeCount;
        /** The number of cells read once the last measure column is (-1: none): the measures' terms are then known. */
        private final int measuresDone;
        /** The number of cells read once the last figure column is (-1: none): the figures' checks and terms are then known. */
        private final int figuresDone;
        /** How many of {@code kinds} are amounts (a fund line's budget and executed columns). */
        private final int amountColumns;
        /** False for a fund line that is a part of the total: a weight or score there is unlikely. */
        private final boolean total;
        /** Set when the run has too many readings to weigh: it is then reported, not guessed. */
        private boolean exhausted;

        private Run(String text, boolean[] breaks, int from, int to, List<Kind> kinds, boolean named,
                    Optional<BigDecimal> cap, boolean total) {
            this.total = total;
            this.text = text;
            this.breaks = breaks;
            this.from = from;
            this.to = to;
            this.kinds = kinds;
            this.named = named;
            this.cap = cap;
            int measures = -1;
            int figures = -1;
            for (int k = 0; k < kinds.size(); k++) {
                Kind kind = kinds.get(k);
                measures = kind.isMeasure() ? k + 1 : measures;
                figures = kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM ? k + 1 : figures;
            }
            this.measuresDone = measures;
            this.figuresDone = figures;
            this.amountColumns = (int) kinds.stream().filter(k -> k == Kind.AMOUNT).count();
        }

        /**
         * True, and the run given up, once it has taken too many steps or states, or its thread was
         * interrupted: a batch that gave up waiting for this file interrupts it, and a search that
         * went on would keep its states on the heap the batch's other files share.
         */
        private boolean outOfSteps() {
            if (++steps > MAX_STEPS || (steps & INTERRUPT_CHECK) == 0 && Thread.currentThread().isInterrupted()) {
                exhausted = true;
            }
            return exhausted;
        }

        /** How many search states the run holds (bounded by {@value #MAX_NODES}). */
        int states() {
            return nodeCount;
        }

        List<Reading> readings() {
            if (!named) {
                return fundLine();
            }
            Node end = search();
            if (end == null || exhausted) {
                return List.of();
            }
            List<Reading> out = new ArrayList<>();
            walk(end, new ArrayList<>(), new ArrayList<>(), out);
            return out;
        }

        /**
         * The readings of a fund line: one row, its figures read in every way that fits, the
         * dearer ones cut early (a partial reading far dearer than another that reached the same
         * cell at the same place cannot end cheaper, whatever the whole-row terms add or take off).
         */
        private List<Reading> fundLine() {
            List<List<Span>> best = new ArrayList<>();
            int[] bestCost = {Integer.MAX_VALUE};
            lineCells(from, 0, new ArrayList<>(), 0, new HashMap<>(), best, bestCost);
            if (exhausted) {
                return List.of();
            }
            List<Reading> out = new ArrayList<>();
            for (List<Span> row : best) {
                out.add(new Reading(List.of(row)));
            }
            return out;
        }

        private void lineCells(int at, int k, List<Span> cells, int cost, Map<Long, Integer> bestPartial,
                               List<List<Span>> best, int[] bestCost) {
            if (outOfSteps()) {
                return;
            }
            if (k == kinds.size()) {
                if (at != to) {
                    return;
                }
                int total = cost + rowCost(cells);
                if (total < bestCost[0]) {
                    bestCost[0] = total;
                    best.clear();
                }
                if (total == bestCost[0] && best.size() < MAX_READINGS) {
                    best.add(List.copyOf(cells));
                }
                return;
            }
            long state = ((long) at << 8) | k;
            Integer seen = bestPartial.get(state);
            if (seen != null && cost > seen + LINE_TERMS_RANGE) {
                return;
            }
            if (seen == null || cost < seen) {
                bestPartial.put(state, cost);
            }
            for (Candidate c : candidates(kinds.get(k), at)) {
                cells.add(c.span());
                lineCells(c.span().to(), k + 1, cells, cost + c.cost(), bestPartial, best, bestCost);
                cells.remove(cells.size() - 1);
            }
        }

        /**
         * The search, as one pass over the run: a node is a place in the text, the cell of the row
         * read next there and what the row's checks and whole-row terms can still read of the cells
         * before it ({@link #signature}); every node keeps its cheapest cost and each way that
         * reaches it at that cost. Nodes are taken in the order of the text, so each is final when
         * taken. Returns the node of a row ending at the run's end, or null if none does.
         */
        private Node search() {
            int width = kinds.size();
            Node[] rowStarts = new Node[to - from + 1];
            Map<String, Node>[][] nodes = newNodeTable(to - from + 1, width + 1);
            if (named) {
                rowStarts[0] = new Node(from, -1);
                rowStarts[0].cost = 0;
            } else {
                Node start = node(nodes, from, 0, new ArrayList<>());
                start.cost = 0;
                start.prefix = List.of();
            }
            for (int at = from; at <= to; at++) {
                for (int k = 0; k <= width; k++) {
                    Map<String, Node> here = nodes[at - from][k];
                    if (here == null) {
                        continue;
                    }
                    // A node only leads to nodes further on (a later cell, or a later place), never
                    // to one of this map: it can be walked as it is.
                    for (Node n : here.values()) {
                        if (k == width) {
                            if (named ? figuresDone >= 0 || hasValue(n.prefix) : true) {
                                Node rs = rowStarts[at - from];
                                if (rs == null) {
                                    rs = new Node(at, -1);
                                    rowStarts[at - from] = rs;
                                }
                                relax(rs, n.cost + (named ? 0 : rowCost(n.prefix)), new Back(n, null), null);
                            }
                            continue;
                        }
                        for (Candidate c : candidates(kinds.get(k), at)) {
                            if (outOfSteps()) {
                                return null;
                            }
                            if (!fitsSoFar(kinds.get(k), c.span(), n.prefix)) {
                                continue;
                            }
                            int extra = 0;
                            if (kinds.get(k).isMeasure() && !c.span().blank() && splitsNumber(c.span().to())
                                    && splitsRange(c.span().to())) {
                                continue; // 2018-2022 is one value
                            }
                            extra += scoreOverWeight(kinds.get(k), c.span(), n.prefix)
                                    + oddWeight(kinds.get(k), c.span());
                            if (kinds.get(k) == Kind.UNIT && !c.span().blank() && qualitative(n.prefix)) {
                                extra += QUALITATIVE_UNIT; // a 定性 row states words, not a quantity with its unit
                            }
                            List<Span> prefix = new ArrayList<>(n.prefix);
                            prefix.add(c.span());
                            // The whole-row terms are added as soon as the cells they read are all there.
                            if (named && k + 1 == measuresDone) {
                                extra += measureTerms(prefix);
                            }
                            if (named && k + 1 == figuresDone) {
                                // A part of the row before (其中:城区…) states its values but no weight or score of its own.
                                boolean part = prose.isSubRow(text, prefix.get(0).from(), prefix.get(0).to());
                                if (!figuresAcceptable(prefix, part)) {
                                    continue;
                                }
                                extra += completeRow(prefix) + shareCost(prefix) + (part ? partFigures(prefix) : 0);
                            }
                            if (named && kinds.get(k) == Kind.TEXT && k + 1 > figuresDone) {
                                extra += reasonAtFullMarks(prefix);
                            }
                            relax(node(nodes, c.span().to(), k + 1, prefix), n.cost + c.cost() + extra, new Back(n, c.span()), prefix);
                        }
                    }
                }
                Node rs = rowStarts[at - from];
                if (named && rs != null && at < to) {
                    names(nodes, rs);
                }
            }
            return rowStarts[to - from];
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Node>[][] newNodeTable(int places, int cells) {
            return new Map[places][cells];
        }

        private Node node(Map<String, Node>[][] nodes, int at, int k, List<Span> prefix) {
            Map<String, Node> here = nodes[at - from][k];
            if (here == null) {
                here = new HashMap<>();
                nodes[at - from][k] = here;
            }
            return here.computeIfAbsent(signature(k, prefix), key -> {
                if (++nodeCount > MAX_NODES) {
                    exhausted = true;
                }
                return new Node(at, k);
            });
        }

        /** Takes {@code back} into {@code n} if it reaches {@code n} at its cheapest cost so far. */
        private void relax(Node n, int cost, Back back, List<Span> prefix) {
            if (cost < n.cost) {
                n.cost = cost;
                n.backs.clear();
                n.prefix = prefix;
            }
            if (cost == n.cost && n.backs.size() < MAX_READINGS) {
                n.backs.add(back);
            }
        }

        /** The names a row starting at {@code rs} can have, each leading to the row's first value cell. */
        private void names(Map<String, Node>[][] nodes, Node rs) {
            int at = rs.at;
            boolean leadingFigure = leadingFigure(at);
            if (!startsName(text.charAt(at)) && !leadingFigure || at > 0 && OPERATORS.indexOf(text.charAt(at - 1)) >= 0) {
                return; // after 元/ comes the rest of a unit (元/平方米), not a row
            }
            for (int e = at + 1; e <= Math.min(to, at + MAX_NAME); e++) {
                if (crossesBreak(breaks, at, e)) {
                    break;
                }
                String name = text.substring(at, e);
                char last = name.charAt(name.length() - 1);
                if (last == ' ' || COMPARATORS.indexOf(last) >= 0 || e - at < 2 || splitsNumber(e)
                        || COMPARED_FIGURE.matcher(name).find()
                        || !plausibleEnd(at, e)
                        || e < to && Character.isDigit(text.charAt(e)) && vocabulary.comparatorAtEnd().matcher(name).find()) {
                    continue; // a name never ends inside a number or on its comparator
                }
                if (leadingFigure && Character.isDigit(name.charAt(0)) && BRACKETS.matcher(name).find()) {
                    continue; // 75号)《关于…》: a document's number in prose, not a name
                }
                int cost = (DIGIT.matcher(leadingFigure ? name.replaceFirst("^\\d+", "") : name).find() ? NAME_WITH_FIGURE : 0)
                        + (leadingFigure ? NAME_LEADING_FIGURE : 0)
                        + (SENTENCE_MARKS.matcher(name).find() ? NAME_WITH_FIGURE : 0)
                        + (holdsValueWord(name) || endsOnCompoundStart(at, e) ? NAME_WITH_VALUE_WORD : 0)
                        + (name.length() <= 2 ? SHORT_NAME : 0)
                        + (name.charAt(0) == '无' ? NAME_AFTER_NONE : 0);
                Span nameSpan = new Span(at, e, false, false, Optional.empty());
                List<Span> prefix = List.of(nameSpan);
                relax(node(nodes, e, 0, prefix), rs.cost + cost, new Back(rs, nameSpan), prefix);
            }
        }

        /**
         * Every cheapest way back from {@code n} to the run's start (up to {@value #MAX_READINGS}),
         * as rows of cells: {@code row} holds the cells of the row being walked, last first.
         */
        private void walk(Node n, List<Span> row, List<List<Span>> rows, List<Reading> out) {
            if (out.size() >= MAX_READINGS) {
                return;
            }
            if (n.backs.isEmpty()) {
                // The run's start: a row start (named) or the first cell of the one row (unnamed).
                List<List<Span>> all = new ArrayList<>(rows);
                if (!named) {
                    List<Span> cells = new ArrayList<>(row);
                    Collections.reverse(cells);
                    all.add(List.copyOf(cells));
                }
                Collections.reverse(all);
                Reading reading = new Reading(List.copyOf(all));
                if (!out.contains(reading)) {
                    out.add(reading);
                }
                return;
            }
            for (Back b : n.backs) {
                if (b.cell() == null) {
                    walk(b.from(), new ArrayList<>(), rows, out); // a row ends here: its cells come next, last first
                    continue;
                }
                List<Span> longer = new ArrayList<>(row);
                longer.add(b.cell());
                if (b.from().cell < 0) {
                    // The name: the row is whole.
                    Collections.reverse(longer);
                    List<List<Span>> more = new ArrayList<>(rows);
                    more.add(List.copyOf(longer));
                    walk(b.from(), new ArrayList<>(), more, out);
                } else {
                    walk(b.from(), longer, rows, out);
                }
            }
        }

        /** A quality word that makes one value with another (明显 | 改善): two characters. */
        private static boolean isCompoundPart(String quality) {
            return quality.length() == 2;
        }

        /**
         * True if the name {@code [at, e)} ends on a word that makes one value with the word after
         * it: a quality word before another (农技服务覆盖面有效|扩大 against 农技服务覆盖面|有效扩大),
         * or a degree word before a quality word (项目支出控制已|达成 against 项目支出控制|已达成).
         */
        private boolean endsOnCompoundStart(int at, int e) {
            for (String q : vocabulary.qualities()) {
                if (isCompoundPart(q) && e - at > q.length() && text.startsWith(q, e - q.length())) {
                    for (String q2 : vocabulary.qualities()) {
                        if (isCompoundPart(q2) && text.startsWith(q2, e) && e + q2.length() <= to) {
                            return true;
                        }
                    }
                }
            }
            for (String d : vocabulary.degrees()) {
                if (e - at > d.length() && text.startsWith(d, e - d.length())) {
                    for (String q : vocabulary.qualities()) {
                        if (text.startsWith(q, e) && e + q.length() <= to) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * True if the quality word {@code q2} at {@code from} is the start of a longer one of the
         * list (较好有效|提升 cuts 有效提升, which 较好|有效提升 keeps whole).
         */
        private boolean cutsLongerQuality(String q2, int from) {
            for (String q : vocabulary.qualities()) {
                if (q.length() > q2.length() && q.startsWith(q2) && text.startsWith(q, from) && from + q.length() <= to) {
                    return true;
                }
            }
            return false;
        }

        /** True if a value's first words stand inside {@code name} after its first characters, or a nature word ends it. */
        private boolean holdsValueWord(String name) {
            for (String v : vocabulary.valueStarts()) {
                if (name.indexOf(v, 2) >= 0) {
                    return true;
                }
            }
            for (String d : degreesOrNone) {
                if (d.length() >= 2 && name.indexOf(d, 2) >= 0 && name.indexOf(d, 2) + d.length() == name.length()) {
                    return true;
                }
            }
            for (String n : vocabulary.natures()) {
                if (name.endsWith(n) && name.length() > n.length()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True if a cell boundary at {@code at} would cut a number or a range in two (2370|人
         * is fine, 23|70 and 2018|-2022 are not).
         */
        private boolean splitsNumber(int at) {
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
            char before = text.charAt(at - 1);
            char after = text.charAt(at);
            return !(Character.isDigit(before) && Character.isDigit(after));
        }

        /**
         * True if a name can begin at {@code at} with a figure: one to three digits, not glued to a
         * figure before them, and a word after them that is no date's (65岁及以上老年人…).
         */
        private boolean leadingFigure(int at) {
            Matcher m = vocabulary.leadingFigure().matcher(text).region(at, to);
            // A figure right before is the rest of this one, unless a line ends between them (…33 | 65岁…).
            return m.lookingAt()
                    && !(at > 0 && !breaks[at] && (Character.isDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '.'));
        }

        private boolean startsName(char c) {
            return Character.isIdeographic(c) || Character.isLetter(c) || c == '(' || c == '\u201C';
        }

        /**
         * True if a phrase ends on a word of two characters it already holds: 管理制度健全制度 is
         * 管理制度健全 glued to the start of 制度基本健全, the next cell saying the same of the same thing.
         */
        private static boolean endsOnItsOwnWord(String phrase) {
            int n = phrase.length();
            return n >= 4 && phrase.substring(0, n - 2).contains(phrase.substring(n - 2));
        }

        /**
         * A figure after a few words that say what it counts (同比下降5%, 资产总额*5%, 异常响应时间≤1小时):
         * a value as likely as the words alone before a figure of its own.
         */
        private void labelledFigures(int at, List<Candidate> out) {
            for (int j = at + 2; j <= Math.min(to - 1, at + MAX_LABEL); j++) {
                char c = text.charAt(j - 1);
                if (!Character.isIdeographic(c) && "*×".indexOf(c) < 0) {
                    break;
                }
                int q = j;
                Matcher cmp = vocabulary.comparator().matcher(text).region(j, to);
                if (cmp.lookingAt()) {
                    q = cmp.end();
                }
                Matcher num = NUMBER.matcher(text).region(q, to);
                if (num.lookingAt() && wellFormed(num.group())) {
                    unitTails(at, num.end(), out, FREE_VALUE, 3);
                }
            }
        }

        /** True if the row's nature cell, read already, says 定性. */
        private boolean qualitative(List<Span> prefix) {
            int offset = named ? 1 : 0;
            for (int j = 0; j + offset < prefix.size(); j++) {
                Span c = prefix.get(j + offset);
                if (kinds.get(j) == Kind.NATURE && !c.blank() && text.startsWith(vocabulary.qualitative(), c.from())) {
                    return true;
                }
            }
            return false;
        }

        private boolean saidAgain(Span c) {
            int again = text.indexOf(text.substring(c.from(), c.to()), c.to());
            return again >= 0 && again < to;
        }

        private boolean measureAhead(int k) {
            for (int j = k; j < kinds.size(); j++) {
                if (kinds.get(j).isMeasure()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Where the search stands and what of the prefix the row's checks and whole-row terms can
         * still read: per cell, blank or not, its figure, and a measure's words (for the repeat).
         */
        private String signature(int k, List<Span> prefix) {
            StringBuilder sig = new StringBuilder();
            int offset = named ? 1 : 0;
            String firstMeasure = null;
            for (int j = 0; j < k; j++) {
                Span c = prefix.get(j + offset);
                sig.append('|');
                if (c.blank()) {
                    sig.append(c.garbled() ? "_g" : "_");
                    continue;
                }
                Kind kind = kinds.get(j);
                boolean figure = kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM;
                if (named && (kind.isMeasure() && k >= measuresDone || figure && k >= figuresDone)) {
                    sig.append('x'); // its terms are counted: only that it holds something is left to read
                } else if (kind.isMeasure()) {
                    // For the whole-row terms a measure counts by whether its words are free (a lone
                    // value), whether it repeats the first measure, and, for the first, by its words
                    // if a measure still to come could repeat them.
                    String words = text.substring(c.from(), c.to());
                    sig.append(c.freeCost() == 0 ? 'v' : 'f');
                    if (firstMeasure == null) {
                        firstMeasure = words;
                        if (measureAhead(k) && saidAgain(c)) {
                            sig.append(words);
                        }
                    } else if (words.equals(firstMeasure)) {
                        sig.append('r');
                    }
                } else if (kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM
                        || kind == Kind.PERCENT || kind == Kind.AMOUNT) {
                    sig.append(text, c.from(), c.to()).append(c.garbled() ? "g" : "").append(c.number().isPresent() ? "n" : "");
                } else if (kind == Kind.NATURE) {
                    sig.append(text, c.from(), c.to());
                } else {
                    sig.append('t');
                }
            }
            return sig.toString();
        }

        /** A weight not above its block's (a score above its weight costs more instead: see {@link #scoreOverWeight}). */
        private boolean fitsSoFar(Kind kind, Span span, List<Span> cells) {
            if (!named || span.number().isEmpty()) {
                return true;
            }
            BigDecimal n = span.number().get();
            if (kind == Kind.WEIGHT) {
                return cap.isEmpty() || n.compareTo(cap.get()) <= 0;
            }
            return true;
        }

        /**
         * A score above the weight read before it: forms do print such scores (the audit reports
         * them), but a reading that needs one is far less likely than one that does not.
         */
        private int scoreOverWeight(Kind kind, Span span, List<Span> cells) {
            if (!named || kind != Kind.SCORE || span.number().isEmpty()) {
                return 0;
            }
            for (int k = 0; k < cells.size() - 1; k++) {
                if (kinds.get(k) == Kind.WEIGHT && cells.get(k + 1).number().isPresent()) {
                    return span.number().get().compareTo(cells.get(k + 1).number().get()) > 0 ? SCORE_OVER_WEIGHT : 0;
                }
            }
            return 0;
        }

        /**
         * A weight that is no multiple of a quarter point (65.4 against 6 | 5.42): forms weigh
         * their indicators in whole points, halves and quarters, so such a cut is the dearer one.
         * So is a weight above any block of the national scheme where the form gives its block no
         * weight (54.5 | 5 against 5 | 4.55); with one, a weight above it is no reading at all.
         */
        private int oddWeight(Kind kind, Span span) {
            if (!named || kind != Kind.WEIGHT || span.number().isEmpty()) {
                return 0;
            }
            BigDecimal n = span.number().get();
            boolean odd = n.multiply(QUARTERS).stripTrailingZeros().scale() > 0
                    || cap.isEmpty() && n.compareTo(LARGEST_BLOCK) > 0;
            return odd ? ODD_WEIGHT : 0;
        }

        /** A row with figure columns needs a figure, unless it is a {@code part}, and a weight within its block's. */
        private boolean figuresAcceptable(List<Span> cells, boolean part) {
            boolean figure = false;
            BigDecimal weight = null;
            for (int k = 0; k < cells.size() - 1; k++) {
                Span c = cells.get(k + 1);
                Kind kind = kinds.get(k);
                if (kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM) {
                    figure |= !c.blank() || c.garbled();
                    if (c.number().isPresent() && kind == Kind.WEIGHT && weight == null) {
                        weight = c.number().get();
                    }
                }
            }
            return (figure || part) && (cap.isEmpty() || weight == null || weight.compareTo(cap.get()) <= 0);
        }

        /**
         * The figures' cost on a part of the row before (其中:城区…), which details its parent's
         * values but is not scored: an empty figure cell costs it nothing, and a figure costs what
         * one on a fund line's part does ({@code 其中:城区≥2个2个} is ≥2个 | 2个, not ≥2个 | | 2 | | 个).
         */
        private int partFigures(List<Span> cells) {
            int cost = 0;
            for (int k = 0; k < cells.size() - 1; k++) {
                Kind kind = kinds.get(k);
                if (kind == Kind.WEIGHT || kind == Kind.SCORE || kind == Kind.ITEM) {
                    cost += cells.get(k + 1).blank() ? -EMPTY_FIGURE : PART_LINE_FIGURE;
                }
            }
            return cost;
        }

        /** A row of a table without figure columns needs one value. */
        private boolean hasValue(List<Span> cells) {
            for (int k = 1; k < cells.size(); k++) {
                if (!cells.get(k).blank()) {
                    return true;
                }
            }
            return false;
        }

        /** A score is its weight's share: 分值 × 单项得分 / 100. A reading where it is not costs more. */
        private int shareCost(List<Span> cells) {
            BigDecimal weight = null;
            BigDecimal item = null;
            BigDecimal score = null;
            for (int k = 0; k < cells.size() - 1; k++) {
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
            BigDecimal share = weight.multiply(item).divide(HUNDRED, 4, RoundingMode.HALF_UP);
            BigDecimal slack = weight.multiply(new BigDecimal("0.01")).max(new BigDecimal("0.05"));
            return share.subtract(score).abs().compareTo(slack) > 0 ? 3 : 0;
        }

        /** What a whole row adds: a target written again as the actual is the likeliest reading; amounts of one row share their decimals. */
        private int rowCost(List<Span> cells) {
            int offset = named ? 1 : 0;
            Set<Integer> decimals = new java.util.HashSet<>();
            for (int k = 0; k < kinds.size(); k++) {
                Span c = cells.get(k + offset);
                if (kinds.get(k) == Kind.AMOUNT && !c.blank()) {
                    String t = text.substring(c.from(), c.to());
                    int dot = t.indexOf('.');
                    decimals.add(dot < 0 ? 0 : t.length() - dot - 1);
                }
            }
            return measureTerms(cells) + 2 * Math.max(0, decimals.size() - 1)
                    + (named ? completeRow(cells) + shareCost(cells) : fundsArithmetic(cells));
        }

        /** A few characters without a sentence's marks, and not 无: a name's first word more than a reason. */
        private static boolean isWordNotSentence(String t) {
            return t.length() <= 8 && !t.equals("无") && !SENTENCE_MARKS.matcher(t).find();
        }

        /**
         * A row that scored its full weight has no shortfall to explain: a word as its reason is
         * likelier the next row's first word (及时|(按期)完工率 against |及时(按期)完工率). A sentence
         * there is a remark the form wrote, and costs nothing.
         */
        private int reasonAtFullMarks(List<Span> cells) {
            BigDecimal weight = null;
            BigDecimal score = null;
            boolean reason = false;
            for (int k = 0; k < kinds.size() && k + 1 < cells.size(); k++) {
                Span c = cells.get(k + 1);
                if (c.blank()) {
                    continue;
                }
                switch (kinds.get(k)) {
                    case WEIGHT -> weight = c.number().orElse(null);
                    case SCORE -> score = c.number().orElse(null);
                    case TEXT -> reason = isWordNotSentence(text.substring(c.from(), c.to()));
                    default -> { }
                }
            }
            return reason && weight != null && score != null && weight.compareTo(score) == 0 ? REASON_AT_FULL_MARKS : 0;
        }

        /** The measures' whole-row terms, over the cells read so far: a target repeated as the actual, a lone value. */
        private int measureTerms(List<Span> cells) {
            int offset = named ? 1 : 0;
            int cost = 0;
            String target = null;
            boolean targetEmpty = false;
            for (int k = 0; k < cells.size() - offset; k++) {
                Span c = cells.get(k + offset);
                if (kinds.get(k) == Kind.TARGET) {
                    targetEmpty = c.blank();
                } else if (targetEmpty && kinds.get(k) == Kind.MEASURE && !c.blank() && c.freeCost() == 0) {
                    // Every indicator states its target: a lone figure, date or quality word is the
                    // target, not the actual. A lone phrase stays open: either reading fits it.
                    cost += 1;
                    targetEmpty = false;
                }
                if (kinds.get(k).isMeasure() && !c.blank()) {
                    String t = text.substring(c.from(), c.to());
                    if (target == null) {
                        target = t;
                    } else if (t.equals(target)) {
                        cost -= 1 + c.freeCost();
                    }
                }
            }
            return cost;
        }

        /**
         * A row that states every figure of its header is what a form is made of: such rows are
         * preferred to fewer rows whose names or texts swallow another row's figures.
         */
        private int completeRow(List<Span> cells) {
            boolean any = false;
            for (int k = 0; k < cells.size() - 1; k++) {
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
            // The total line states its amounts: one left empty beside a rate is a reading that
            // escapes the rate's check (|310.2|15|4.741050%| against 310.2|154.74|10|50%).
            if (total && rate != null && amounts.size() < amountColumns) {
                cost += 2 * (amountColumns - amounts.size());
            }
            if (weight != null && after != null && after.compareTo(weight) > 0) {
                cost += 3;
            }
            BigDecimal percent = rate;
            if (rate != null && amounts.size() >= 2) {
                BigDecimal budget = amounts.get(amounts.size() - 2);
                BigDecimal executed = amounts.get(amounts.size() - 1);
                if (budget.signum() > 0) {
                    BigDecimal computed = executed.multiply(HUNDRED).divide(budget, 4, RoundingMode.HALF_UP);
                    // Some forms write the rate as a ratio (0.55 for 55 %, 1.00 for 100 %).
                    boolean asPercent = computed.subtract(rate).abs().compareTo(BigDecimal.ONE) <= 0;
                    boolean asRatio = computed.subtract(rate.multiply(HUNDRED)).abs().compareTo(BigDecimal.ONE) <= 0;
                    if (!asPercent && !asRatio) {
                        cost += 3;
                    }
                    percent = asRatio && !asPercent ? rate.multiply(HUNDRED) : rate;
                }
            }
            // The budget's score is its weight times the rate, up to the weight (1.0010 under 执行率 |
            // 得分 with a weight of 10 is 1.00 | 10, not 1.001 | 0); forms that got it wrong exist,
            // so a reading that needs one costs only a little more.
            if (percent != null && weight != null && after != null) {
                BigDecimal expected = weight.multiply(percent.min(HUNDRED))
                        .divide(HUNDRED, 4, RoundingMode.HALF_UP);
                if (expected.subtract(after).abs().compareTo(HALF_POINT) > 0) {
                    cost += 1;
                }
            }
            if (rate != null && rate.signum() == 0 && after != null && after.signum() > 0) {
                cost += 3;
            }
            // Without a rate to check them, a budget spent in full is the commonest line (as a
            // target written again as the actual is the commonest indicator): 2020 is 20|20, not 202|0.
            if (rate == null && amounts.size() >= 2
                    && amounts.get(amounts.size() - 1).compareTo(amounts.get(amounts.size() - 2)) == 0) {
                cost -= 1;
            }
            // A part of the total (其中 财政拨款) states no weight or score: 2020 there is 20|20,
            // not 2|0 with a weight of 2 and a score of 0.
            if (!total) {
                cost += (weight != null ? PART_LINE_FIGURE : 0) + (after != null ? PART_LINE_FIGURE : 0);
            }
            return cost;
        }

        private final Map<Long, List<Candidate>> candidateCache = new HashMap<>();

        /** The readings of a cell of {@code kind} from {@code at}; each position is worked out once. */
        private List<Candidate> candidates(Kind kind, int at) {
            return candidateCache.computeIfAbsent(((long) at << 8) | kind.ordinal(), key -> candidatesAt(kind, at));
        }

        private List<Candidate> candidatesAt(Kind kind, int at) {
            List<Candidate> out = new ArrayList<>();
            if (at > to) {
                return out;
            }
            // An empty cell: a space stands for it in some copies; otherwise it costs a little.
            if (at < to && text.charAt(at) == ' ') {
                out.add(new Candidate(new Span(at, at + 1, true, false, Optional.empty()), 0));
            }
            out.add(new Candidate(new Span(at, at, true, false, Optional.empty()), switch (kind) {
                case TEXT, CRITERION, ADJUSTED -> 0;
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
                case TARGET, MEASURE, ADJUSTED -> measures(at, out);
                case UNIT -> units(at, out);
                case NATURE -> natures(at, out);
                case YES_NO -> words(at, out, vocabulary.yesNo());
                case TEXT -> texts(at, out, 1, TEXT_WITH_FIGURE);
                case CRITERION -> texts(at, out, 1, CRITERION_WITH_FIGURE);
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
            if (text.charAt(at) == '%' || text.charAt(at) == '\u2030') {
                out.add(new Candidate(new Span(at, at + 1, false, false, Optional.empty()), 0));
                return;
            }
            for (int e = at + 1; e <= Math.min(to, at + 4); e++) {
                char c = text.charAt(e - 1);
                if (!Character.isIdeographic(c) && !Character.isLetter(c) && c != '/') {
                    break;
                }
                // A unit of the list is free, another costs a little; so does one that begins
                // inside a unit of the list (接待读者观众人|次 for 接待读者观众|人次).
                int cost = (vocabulary.units().contains(text.substring(at, e)) ? 0 : 1) + (beginsInsideUnit(at) ? 1 : 0);
                out.add(new Candidate(new Span(at, e, false, false, Optional.empty()), cost));
            }
        }

        private boolean beginsInsideUnit(int at) {
            for (String u : vocabulary.units()) {
                for (int j = 1; j < u.length() && j <= at; j++) {
                    if (text.startsWith(u, at - j)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A nature: a comparator (≥, ≤, =) or a word (定性, 定量, 正向, 反向). */
        private void natures(int at, List<Candidate> out) {
            Matcher cmp = vocabulary.comparator().matcher(text).region(at, to);
            if (cmp.lookingAt()) {
                out.add(new Candidate(new Span(at, cmp.end(), false, false, Optional.empty()), 0));
            }
            words(at, out, vocabulary.natures());
        }

        private void words(int at, List<Candidate> out, List<String> words) {
            for (String w : words) {
                if (text.startsWith(w, at) && at + w.length() <= to) {
                    out.add(new Candidate(new Span(at, at + w.length(), false, false, Optional.empty()), 0));
                }
            }
        }

        private void dash(int at, List<Candidate> out, boolean keep) {
            char c = text.charAt(at);
            if (splitsNumber(at) || splitsNumber(at + 1)) {
                return; // 2018-2022 is a range
            }
            if (at > 0 && at + 1 < to && Character.isIdeographic(text.charAt(at - 1))
                    && Character.isIdeographic(text.charAt(at + 1))) {
                return; // between two words it is a word's (下一步) or a unit's (元/人次)
            }
            if (c == '-' || c == '\u2014' || c == '/' || c == '\u4E00' || c == '\u2013') {
                out.add(new Candidate(new Span(at, at + 1, !keep, false, Optional.empty()), keep ? -1 : 0));
            }
        }

        private void figures(int at, List<Candidate> out, BigDecimal max) {
            dash(at, out, false);
            Matcher m = NUMBER.matcher(text).region(at, to);
            if (m.find()) {
                for (int e = at + 1; e <= m.end(); e++) {
                    String n = text.substring(at, e);
                    if (!wellFormed(n)) {
                        continue;
                    }
                    BigDecimal v = new BigDecimal(n);
                    if (e < to && vocabulary.unitAfterFigure().indexOf(text.charAt(e)) >= 0 || withinYear(at, e) || unitAt(e)) {
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
            if (e >= to) {
                return false;
            }
            for (String u : vocabulary.units()) {
                int end = e + u.length();
                if (end <= to && text.startsWith(u, e) && (end == text.length() || !Character.isIdeographic(text.charAt(end)))) {
                    return true;
                }
            }
            return false;
        }

        /** True if {@code [from, e)} is cut out of a year (2020年: neither 20|20年 nor 2020 before 年). */
        private boolean withinYear(int from, int e) {
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
            dash(at, out, false);
            Matcher m = NUMBER.matcher(text).region(at, to);
            if (m.find()) {
                for (int e = at + 1; e <= m.end(); e++) {
                    String n = text.substring(at, e);
                    if (!wellFormed(n)) {
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
            dash(at, out, false);
            Matcher m = AMOUNT.matcher(text).region(at, to);
            if (!m.find()) {
                return;
            }
            for (int e = at + 1; e <= m.end(); e++) {
                String written = text.substring(at, e);
                if (written.indexOf(',') >= 0 && !GROUPED.matcher(written).matches()) {
                    continue; // 689,803.40: groups of three after each comma, one to three digits before
                }
                String n = written.replace(",", "");
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
            dash(at, out, true);
            int p = at;
            Matcher cmp = vocabulary.comparator().matcher(text).region(at, to);
            if (cmp.lookingAt()) {
                p = cmp.end();
            }
            Matcher date = vocabulary.date().matcher(text).region(p, to);
            boolean isDate = date.lookingAt();
            if (isDate) {
                // A date ends on its own words (底前, 之前, 完成): what follows is the next cell. The
                // longest of them is the likeliest end (2020年11月底前|按期完成, not 底|前按期完成).
                int longest = 0;
                for (String tail : vocabulary.dateTails()) {
                    if (text.startsWith(tail, date.end()) && date.end() + tail.length() <= to) {
                        longest = Math.max(longest, tail.length());
                    }
                }
                out.add(new Candidate(new Span(at, date.end(), false, false, Optional.empty()), longest > 0 ? 1 : 0));
                for (String tail : vocabulary.dateTails()) {
                    if (text.startsWith(tail, date.end()) && date.end() + tail.length() <= to) {
                        out.add(new Candidate(new Span(at, date.end() + tail.length(), false, false, Optional.empty()),
                                tail.length() == longest ? 0 : 1));
                    }
                }
            }
            Matcher num = NUMBER.matcher(text).region(p, to);
            if (!isDate && num.lookingAt()) {
                for (int e = p + 1; e <= num.end(); e++) {
                    String n = text.substring(p, e);
                    if (!wellFormed(n)) {
                        continue;
                    }
                    unitTails(at, e, out, e == num.end() ? 0 : CUT_NUMBER, 3);
                }
            }
            Matcher garbled = GARBLED_AMOUNT.matcher(text).region(p, to);
            if (garbled.lookingAt()) {
                // A figure OCR garbled in front (M.8万元 for 14.8万元) is kept as written.
                unitTails(at, garbled.end(), out, GARBLED_VALUE, 3);
            }
            if (p == at && Character.isIdeographic(text.charAt(at))) {
                labelledFigures(at, out);
            }
            if (p == at) {
                for (String d : degreesOrNone) {
                    if (!text.startsWith(d, at)) {
                        continue;
                    }
                    for (String q : vocabulary.qualities()) {
                        int end = at + d.length() + q.length();
                        if (text.startsWith(q, at + d.length()) && end <= to) {
                            // A one-character word (有, 是, 好) alone is too common inside other words to be sure of.
                            int cost = d.isEmpty() && q.length() == 1 ? 2 : 0;
                            out.add(new Candidate(new Span(at, end, false, false, Optional.empty()), cost));
                            for (String q2 : vocabulary.qualities()) {
                                // Two quality words are one value: 明显改善, 有效提升. Words of two
                                // characters each: a longer one is a value of its own (扩大|达成年度指标).
                                if (isCompoundPart(q2) && isCompoundPart(q) && text.startsWith(q2, end)
                                        && end + q2.length() <= to) {
                                    out.add(new Candidate(new Span(at, end + q2.length(), false, false, Optional.empty()),
                                            cutsLongerQuality(q2, end) ? 1 : 0));
                                }
                            }
                        }
                    }
                }
                freeValues(at, out);
            }
        }

        /** After a number: no unit, %, or one to four characters of a unit (人次, 万元, 个). */
        private void unitTails(int start, int at, List<Candidate> out, int cost, int maxUnit) {
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
                out.add(new Candidate(new Span(start, e, false, false, Optional.empty()), cost + wrapped(at, e)));
            }
            for (String u : vocabulary.units()) {
                // A unit of the list longer than the run above allows (个工作日).
                if (u.length() > maxUnit && text.startsWith(u, at) && at + u.length() <= to) {
                    out.add(new Candidate(new Span(start, at + u.length(), false, false, Optional.empty()),
                            cost + wrapped(at, at + u.length())));
                }
            }
        }

        /**
         * A unit {@code [at, e)} that goes on past a line break costs one more: rows are lines, so
         * the next line's first word (2个|其中:农村) is likelier a row's than a wrapped unit's.
         */
        private int wrapped(int at, int e) {
            return crossesBreak(breaks, at, e) ? WRAPPED_UNIT : 0;
        }

        /**
         * A target or actual in words that no grammar knows (目标明确、内容细化). Glued to the next
         * cell it ends only where something else visibly begins: a figure, a comparator, a dash,
         * a space, the end of the run, the same words again (a target repeated as the actual) or
         * a quality word (及时 | 较及时).
         */
        private void freeValues(int at, List<Candidate> out) {
            char first = text.charAt(at);
            if (first == ' ' || Character.isDigit(first) || CLOSING_MARKS.indexOf(first) >= 0) {
                return;
            }
            for (int e = at + 1; e <= Math.min(to, at + MAX_FREE_TEXT); e++) {
                if (crossesBreak(breaks, at, e)) {
                    break;
                }
                char c = text.charAt(e - 1);
                if (Character.isDigit(c)) {
                    break;
                }
                if (c == ' ' || !plausibleEnd(at, e)) {
                    continue;
                }
                // A target or an actual is a phrase, not a sentence: one with a full stop costs more.
                // Two phrases glued (立项规范|达到要求) read as one cost more than as target and actual.
                String phrase = text.substring(at, e);
                int cost = FREE_VALUE + (phrase.indexOf('。') >= 0 ? 3 : 0) + (holdsValueWord(phrase) ? 1 : 0)
                        + (endsOnItsOwnWord(phrase) ? 1 : 0);
                out.add(new Candidate(new Span(at, e, false, false, Optional.empty()).free(cost), cost));
            }
        }

        /** True if the text at {@code e} begins with words written twice (控制在预算范围内控制在预算范围内). */
        private boolean repeatsAt(int e) {
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
            if (OPERATORS.indexOf(text.charAt(e - 1)) >= 0) {
                return false; // …/应到位资金× goes on: ×100%
            }
            if (e >= to || breaks[e]) {
                return true;
            }
            if (text.startsWith(text.substring(from, e), e)) {
                return true; // the same words again
            }
            return boundaryCache.computeIfAbsent(e, this::visibleBoundary);
        }

        /** True if something visibly begins at {@code e}: a figure, a mark, a word a value begins with, a repeated value. */
        private boolean visibleBoundary(int e) {
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
            for (String v : vocabulary.valueStarts()) {
                if (text.startsWith(v, e)) {
                    return true; // 项目支出控制 | 控制在预算范围内
                }
            }
            if (vocabulary.comparator().matcher(text).region(e, to).lookingAt()) {
                return true; // 运维项目数 | 大于等于
            }
            if (kinds.contains(Kind.NATURE)) {
                for (String n : vocabulary.natures()) {
                    if (text.startsWith(n, e)) {
                        return true;
                    }
                }
            }
            if (kinds.contains(Kind.UNIT)) {
                for (String u : vocabulary.units()) {
                    if (text.startsWith(u, e)) {
                        return true; // 免费开放场馆数量 | 个
                    }
                }
            }
            for (String d : degreesOrNone) {
                if (!text.startsWith(d, e)) {
                    continue;
                }
                for (String q : vocabulary.qualities()) {
                    if (q.length() > 1 && text.startsWith(q, e + d.length())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** True if every figure in {@code [from, e)} stands between words (扣0.5分), as a sentence writes it. */
        private boolean figuresInsideWords(int from, int e) {
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
            if (text.charAt(at) == ' ' || CLOSING_MARKS.indexOf(text.charAt(at)) >= 0) {
                return; // %实际需求…: the % ends the figure before; no cell begins with it
            }
            boolean digit = false;
            for (int e = at + 1; e <= Math.min(to, at + MAX_FREE_TEXT); e++) {
                if (crossesBreak(breaks, at, e)) {
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
                if (digitCost > 0 && c == '。') {
                    extra -= 2; // a reason or a criterion ends its sentence (。)
                } else if (digitCost > 0 && e == at + 1 && c == '无') {
                    extra -= 1; // a reason that says there is none (无)
                }
                out.add(new Candidate(new Span(at, e, false, false, Optional.empty()).free(cost + extra), cost + extra));
            }
        }
    }

    /** What a column of glued values holds. */
    enum Kind {
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
        /** 指标值: every indicator states one (see {@code rowCost}). */
        TARGET,
        /** An actual (实际完成值), or a measure column the header does not name more closely. */
        MEASURE,
        /**
         * 调整后指标值: a measure written only where the target changed during the year, so an
         * empty one is the expected case (two measures under three columns are target and actual).
         */
        ADJUSTED,
        /** 计量单位: a unit of one to four characters. */
        UNIT,
        /** 指标性质: a comparator or 定性 / 定量. */
        NATURE,
        /** 是否核心指标 and other yes/no columns. */
        YES_NO,
        /** A reason, a column the header does not know: free text. */
        TEXT,
        /** 评分标准: a sentence of free text that may hold a formula's figures. */
        CRITERION;

        boolean isMeasure() {
            return this == TARGET || this == MEASURE || this == ADJUSTED;
        }
    }

    /** One cell of a reading: its span of the stream; blank for an empty cell or a dash figure. */
    record Span(int from, int to, boolean blank, boolean garbled, Optional<BigDecimal> number, int freeCost) {
        Span(int from, int to, boolean blank, boolean garbled, Optional<BigDecimal> number) {
            this(from, to, blank, garbled, number, 0);
        }

        Span free(int cost) {
            return new Span(from, to, blank, garbled, number, cost);
        }
    }

    record Candidate(Span span, int cost) { }


    /** A place of the search: the cell read next at {@code at} ({@code -1}: a row starts there). */
    static final class Node {
        final int at;
        final int cell;
        int cost = Integer.MAX_VALUE;
        /** The row so far (its name first, if named) on one cheapest way; what the checks read of it is the same on every way. */
        List<Span> prefix = List.of();
        final List<Back> backs = new ArrayList<>();

        Node(int at, int cell) {
            this.at = at;
            this.cell = cell;
        }
    }

    /** One way into a node: from {@code from}, through {@code cell} (null: a row ended at {@code from}). */
    record Back(Node from, Span cell) { }

    /** One way to read a run: its rows, each the spans of its cells. */
    record Reading(List<List<Span>> rows) { }
}
