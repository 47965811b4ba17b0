package org.jixiao.extract;

import org.jixiao.model.Cell;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundKind;
import org.jixiao.model.FundLine;
import org.jixiao.model.Funds;
import org.jixiao.model.Goals;
import org.jixiao.model.Indicator;
import org.jixiao.model.Measure;
import org.jixiao.model.NarrativeFigure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.Result;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Sourced;
import org.jixiao.model.Stage;
import org.jixiao.normalize.Field;
import org.jixiao.normalize.HeadingDictionary;
import org.jixiao.normalize.MeasureParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one form region line by line into a {@link ProjectRecord}. One instance per region: it
 * accumulates as it goes, then builds the immutable record.
 */
final class FormReader {

    /** Failure code for a region that holds nothing of a form (skipped, not an error of the file). */
    static final String NOT_A_FORM = "extract.not_a_form";

    private static final Set<Field> TRANSPOSED_ROWS = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET,
            Field.EXECUTED, Field.EXECUTION_RATE);
    /** The header fields written as a label and its value ({@code 项目名称 | X}); FlatTable uses them too. */
    static final Set<Field> HEADER_LABELS = EnumSet.of(Field.PROJECT_NAME, Field.DEPARTMENT, Field.IMPLEMENTER);
    /** Analysis text shorter than this is a label, not prose worth scanning for figures. */
    private static final int MIN_PROSE_LENGTH = 12;

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;
    private final Prose prose;
    private final FormLocator locator;
    private final IndicatorRowReader rows;

    private final Map<Field, Sourced<String>> header = new EnumMap<>(Field.class);
    private Optional<Sourced<Integer>> year = Optional.empty();
    private Optional<FundsHeader> fundsHeader = Optional.empty();
    private final List<FundLine> fundLines = new ArrayList<>();
    private final Map<Field, Line.Cells> transposed = new EnumMap<>(Field.class);
    private Optional<GoalColumns> goalColumns = Optional.empty();
    private Optional<Sourced<String>> goalExpected = Optional.empty();
    private Optional<Sourced<String>> goalAchieved = Optional.empty();
    private final Map<List<Field>, Segment> segments = new LinkedHashMap<>();
    private Optional<Segment> openSegment = Optional.empty();
    private Optional<Sourced<BigDecimal>> totalWeight = Optional.empty();
    private Optional<Sourced<BigDecimal>> totalScore = Optional.empty();
    private final List<NarrativeFigure> narrative = new ArrayList<>();

    /** The rows read under one header shape; split tables with a repeated header share a segment. */
    private static final class Segment {
        final IndicatorHeader shape;
        IndicatorHeader current;
        final List<Row> rows = new ArrayList<>();
        final List<String> unreadable = new ArrayList<>();
        String level1 = "";
        String level2 = "";

        Segment(IndicatorHeader header) {
            this.shape = header;
            this.current = header;
        }
    }

    /** One indicator row as read, with its levels resolved and the line its cells came from. */
    private record Row(String level1, String level2, IndicatorRowReader.Assigned cells, Line.Cells line) {
        SourceRef ref() {
            return line.ref(cells.level3());
        }
    }

    FormReader(HeadingDictionary dictionary, MeasureParser measures, Prose prose, FormLocator locator) {
        this.dictionary = dictionary;
        this.measures = measures;
        this.prose = prose;
        this.locator = locator;
        this.rows = new IndicatorRowReader(dictionary, measures);
    }

    Result<ProjectRecord> read(List<Line> region, String sourceFile, String recordKey, int formIndex) {
        for (Line line : region) {
            if (line instanceof Line.Text text) {
                readText(text);
            } else {
                readRow((Line.Cells) line);
            }
        }
        return build(sourceFile, recordKey, formIndex);
    }

    // ---- text outside tables: title, year, "项目名称：…" lines, report prose ----

    private void readText(Line.Text line) {
        readLooseText(line.text(), line.paragraph().ref());
        scanProse(line.text(), line.paragraph().ref());
    }

    /** A paragraph, or a cell alone in its row: the year line, or a {@code 项目名称：…} line. */
    private void readLooseText(String text, SourceRef ref) {
        if (year.isEmpty()) {
            prose.year(text).ifPresent(y -> year = Optional.of(new Sourced<>(y, ref)));
        }
        for (Field f : HEADER_LABELS) {
            if (!header.containsKey(f)) {
                locator.labelledText(text, f).ifPresent(v -> header.put(f, new Sourced<>(v, ref)));
            }
        }
    }

    private void scanProse(String text, SourceRef ref) {
        if (text.length() < MIN_PROSE_LENGTH) {
            return;
        }
        prose.total(text).ifPresent(v -> narrative.add(new NarrativeFigure(NarrativeFigure.Kind.TOTAL_SCORE, v, ref)));
        prose.grade(text).ifPresent(v -> narrative.add(new NarrativeFigure(NarrativeFigure.Kind.GRADE, v, ref)));
        prose.executionRate(text).ifPresent(v ->
                narrative.add(new NarrativeFigure(NarrativeFigure.Kind.EXECUTION_RATE, v, ref)));
    }

    // ---- table rows ----

    private void readRow(Line.Cells line) {
        List<Cell> cells = line.nonBlank();
        if (cells.isEmpty()) {
            return;
        }
        if (goalColumns.isPresent()) {
            readGoalTexts(line, cells);
            goalColumns = Optional.empty();
            return;
        }
        // Each cell's heading is looked up once here; every classification below reuses it.
        List<Optional<Field>> headings = new ArrayList<>(cells.size());
        boolean labelsHeaderField = false;
        for (Cell c : cells) {
            Optional<Field> heading = dictionary.lookup(c.text());
            headings.add(heading);
            labelsHeaderField |= heading.isPresent() && HEADER_LABELS.contains(heading.get());
        }
        Optional<Field> first = headings.get(0);
        if (labelsHeaderField) {
            readHeaderFields(line, cells, headings);
            return;
        }
        if (cells.size() == 1) {
            // Spreadsheets and flat exports put titles, the year and "项目名称：…" lines in cells.
            readLooseText(cells.get(0).text(), line.ref(cells.get(0)));
        }
        Optional<IndicatorHeader> indicatorHeader = IndicatorHeader.parse(cells, headings);
        if (indicatorHeader.isPresent()) {
            openSegment(indicatorHeader.get());
            return;
        }
        Optional<FundsHeader> funds = FundsHeader.parse(cells, headings, prose);
        if (funds.isPresent()) {
            fundsHeader = funds;
            closeSegment();
            return;
        }
        int labelAt = headings.get(0).filter(Field::isFundLine).isPresent() ? 0
                : cells.size() > 1 && headings.get(1).filter(Field::isFundLine).isPresent() ? 1 : -1;
        if (labelAt >= 0 && fundsHeader.isPresent()) {
            readFundLine(line, cells, labelAt, headings.get(labelAt).get());
            return;
        }
        if (first.isPresent() && TRANSPOSED_ROWS.contains(first.get()) && fundsHeader.isEmpty() && openSegment.isEmpty()) {
            transposed.putIfAbsent(first.get(), line);
            return;
        }
        if (first.isPresent() && first.get() == Field.ANNUAL_GOAL) {
            readGoalHeader(cells, headings);
            closeSegment();
            return;
        }
        if (first.isPresent() && first.get() == Field.TOTAL_SCORE) {
            readTotal(line, cells);
            closeSegment();
            return;
        }
        if (openSegment.isPresent()) {
            readIndicatorRow(openSegment.get(), line, cells);
            return;
        }
        for (Cell c : cells) {
            scanProse(c.text(), line.ref(c));
        }
    }

    private void readHeaderFields(Line.Cells line, List<Cell> cells, List<Optional<Field>> headings) {
        for (int i = 0; i < cells.size() - 1; i++) {
            Optional<Field> f = headings.get(i).filter(HEADER_LABELS::contains);
            Cell value = cells.get(i + 1);
            if (f.isPresent() && headings.get(i + 1).filter(HEADER_LABELS::contains).isEmpty()) {
                header.putIfAbsent(f.get(), new Sourced<>(value.text(), line.ref(value)));
                i++;
            }
        }
    }

    /** Where 预期目标 and 实际完成情况 stand in the goals header row; -1 where the row has no such cell. */
    private record GoalColumns(int expected, int achieved) {
    }

    private void readGoalHeader(List<Cell> cells, List<Optional<Field>> headings) {
        int expected = -1;
        int achieved = -1;
        for (int i = 0; i < cells.size(); i++) {
            Optional<Field> f = headings.get(i);
            if (f.isPresent() && f.get() == Field.GOAL_EXPECTED) {
                expected = cells.get(i).col();
            } else if (f.isPresent() && f.get() == Field.GOAL_ACTUAL) {
                achieved = cells.get(i).col();
            }
        }
        if (expected >= 0 || achieved >= 0) {
            goalColumns = Optional.of(new GoalColumns(expected, achieved));
        }
    }

    private void readGoalTexts(Line.Cells line, List<Cell> cells) {
        int expectedCol = goalColumns.get().expected();
        int achievedCol = goalColumns.get().achieved();
        for (Cell c : cells) {
            if (dictionary.is(c.text(), Field.ANNUAL_GOAL)) {
                continue;
            }
            Sourced<String> text = new Sourced<>(c.text(), line.ref(c));
            if (achievedCol >= 0 && c.col() >= achievedCol) {
                goalAchieved = Optional.of(text);
            } else if (expectedCol >= 0 && c.col() >= expectedCol) {
                goalExpected = Optional.of(text);
            }
        }
    }

    private void readFundLine(Line.Cells line, List<Cell> cells, int labelAt, Field label) {
        FundsHeader h = fundsHeader.get();
        Cell labelCell = cells.get(labelAt);
        List<Cell> values = cells.subList(labelAt + 1, cells.size());
        Map<Field, Sourced<BigDecimal>> figures = new EnumMap<>(Field.class);
        if (values.size() == h.columns().size()) {
            // Text exports shift the whole value run against its header; the count and order still match.
            for (int k = 0; k < values.size(); k++) {
                Field field = h.columns().get(k).field();
                figure(h, field, values.get(k), line).ifPresent(v -> figures.put(field, v));
            }
        } else {
            for (Cell v : values) {
                h.columns().stream().filter(c -> c.covers(v.col())).findFirst()
                        .ifPresent(c -> figure(h, c.field(), v, line).ifPresent(f -> figures.put(c.field(), f)));
            }
        }
        FundFigures ff = new FundFigures(
                Optional.ofNullable(figures.get(Field.INITIAL_BUDGET)),
                Optional.ofNullable(figures.get(Field.FULL_YEAR_BUDGET)),
                Optional.ofNullable(figures.get(Field.EXECUTED)),
                Optional.ofNullable(figures.get(Field.EXECUTION_RATE)),
                Optional.ofNullable(figures.get(Field.BUDGET_WEIGHT)),
                Optional.ofNullable(figures.get(Field.BUDGET_SCORE)));
        fundLines.add(new FundLine(labelCell.text(), kindOf(label), ff, line.ref(labelCell)));
    }

    private Optional<Sourced<BigDecimal>> figure(FundsHeader h, Field field, Cell cell, Line.Cells line) {
        Optional<String> unit = FundsHeader.isAmount(field) ? h.unit() : Optional.empty();
        return amount(cell.text(), unit).map(v -> new Sourced<>(v, line.ref(cell)));
    }

    /**
     * A funds figure in 万元 (rates and scores as written): a plain number in the block's unit, an
     * amount that names its own money unit ({@code 3786500元}), or a percentage for rates;
     * {@code --} and the like are absent. Conversion is exact (387664.62 元 is 38.766462 万元).
     */
    private Optional<BigDecimal> amount(String text, Optional<String> blockUnit) {
        Measure m = measures.parse(text);
        if (m.value().isEmpty() || m.comparator().isPresent()) {
            return Optional.empty();
        }
        BigDecimal v = m.value().get();
        if (m.kind() == Measure.Kind.QUANTITY) {
            return MeasureParser.toWanYuan(v, m.unit());
        }
        if (m.kind() == Measure.Kind.PERCENT) {
            return Optional.of(v);
        }
        if (m.kind() != Measure.Kind.NUMBER) {
            return Optional.empty();
        }
        return blockUnit.isPresent() ? MeasureParser.toWanYuan(v, blockUnit.get()) : Optional.of(v);
    }

    private static FundKind kindOf(Field f) {
        return switch (f) {
            case FUND_TOTAL -> FundKind.TOTAL;
            case FUND_FISCAL -> FundKind.FISCAL;
            case FUND_CENTRAL -> FundKind.CENTRAL;
            case FUND_PROVINCIAL -> FundKind.PROVINCIAL;
            case FUND_MUNICIPAL -> FundKind.MUNICIPAL;
            case FUND_CARRYOVER -> FundKind.CARRYOVER;
            default -> FundKind.OTHER;
        };
    }

    private void readTotal(Line.Cells line, List<Cell> cells) {
        List<Cell> numbers = cells.stream().skip(1).filter(c -> measures.number(c.text()).isPresent()).toList();
        if (numbers.isEmpty()) {
            return;
        }
        Cell score = numbers.get(numbers.size() - 1);
        totalScore = Optional.of(new Sourced<>(measures.number(score.text()).get(), line.ref(score)));
        if (numbers.size() >= 2) {
            Cell weight = numbers.get(numbers.size() - 2);
            totalWeight = Optional.of(new Sourced<>(measures.number(weight.text()).get(), line.ref(weight)));
        }
    }

    // ---- indicator table ----

    private void openSegment(IndicatorHeader h) {
        Segment s = segments.computeIfAbsent(h.signature(), k -> new Segment(h));
        s.current = h;
        openSegment = Optional.of(s);
    }

    private void closeSegment() {
        openSegment = Optional.empty();
    }

    private void readIndicatorRow(Segment s, Line.Cells line, List<Cell> cells) {
        Optional<IndicatorRowReader.Assigned> read = rows.read(s.current, line.row().cells());
        if (read.isEmpty()) {
            boolean hasNumber = cells.stream().anyMatch(c -> measures.number(c.text()).isPresent());
            if (hasNumber && cells.size() >= 3) {
                s.unreadable.add(line.ref(cells.get(0)).describe() + " " + cells.stream().map(Cell::text).toList());
            }
            return;
        }
        IndicatorRowReader.Assigned a = read.get();
        if (a.level1().isPresent()) {
            String l1 = a.level1().get().text();
            if (!l1.equals(s.level1)) {
                s.level2 = "";
            }
            s.level1 = l1;
        }
        a.level2().ifPresent(c -> s.level2 = c.text());
        s.rows.add(new Row(s.level1, s.level2, a, line));
    }

    /**
     * The indicator rows to keep. A report may print its indicators twice (section tables and an
     * annex with more columns, seed 002): the shape naming the most fields wins, the later on a tie.
     */
    private Optional<Segment> chosenSegment() {
        Segment best = null;
        for (Segment s : segments.values()) {
            if (s.rows.isEmpty() && s.unreadable.isEmpty()) {
                continue;
            }
            if (best == null || s.shape.columns().size() >= best.shape.columns().size()) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean isBudgetRow(Row r) {
        return dictionary.is(r.level1(), Field.LEVEL1_BUDGET)
                || dictionary.is(r.cells().level3().text(), Field.EXECUTION_RATE);
    }

    // ---- building the record ----

    private Result<ProjectRecord> build(String sourceFile, String recordKey, int formIndex) {
        Optional<Segment> segment = chosenSegment();
        if (segment.isEmpty() && fundLines.isEmpty() && transposed.isEmpty()) {
            return Result.failed(sourceFile, Stage.EXTRACT, NOT_A_FORM,
                    "this part of the document holds no indicator table or funds block");
        }
        if (segment.isPresent() && !segment.get().unreadable.isEmpty()) {
            return Result.failed(sourceFile, Stage.EXTRACT, "extract.indicator_row_unreadable",
                    String.format(Locale.ROOT, "form %d: indicator rows whose cells match no reading of the header %s: %s",
                            formIndex, segment.get().shape.signature(), String.join("; ", segment.get().unreadable)));
        }
        List<Indicator> indicators = new ArrayList<>();
        Optional<Row> budgetRow = Optional.empty();
        if (segment.isPresent()) {
            for (Row r : segment.get().rows) {
                if (isBudgetRow(r)) {
                    budgetRow = Optional.of(r);
                } else {
                    indicators.add(indicator(indicators.size() + 1, r));
                }
            }
        }
        Funds funds = funds(budgetRow);
        Optional<Sourced<BigDecimal>> total = totalScore.or(() -> narrativeNumber(NarrativeFigure.Kind.TOTAL_SCORE));
        Optional<Sourced<String>> grade = narrative.stream().filter(n -> n.kind() == NarrativeFigure.Kind.GRADE)
                .findFirst().map(n -> new Sourced<>(n.text(), n.source()));
        return Result.ok(new ProjectRecord(recordKey + "-" + formIndex, sourceFile, formIndex,
                Optional.ofNullable(header.get(Field.PROJECT_NAME)), year,
                Optional.ofNullable(header.get(Field.DEPARTMENT)), Optional.ofNullable(header.get(Field.IMPLEMENTER)),
                funds, new Goals(goalExpected, goalAchieved), indicators, totalWeight, total, grade, narrative));
    }

    private Optional<Sourced<BigDecimal>> narrativeNumber(NarrativeFigure.Kind kind) {
        return narrative.stream().filter(n -> n.kind() == kind).findFirst()
                .flatMap(n -> measures.number(n.text()).map(v -> new Sourced<>(v, n.source())));
    }

    private Indicator indicator(int index, Row r) {
        Map<Field, Cell> v = r.cells().values();
        Line.Cells line = r.line();
        Optional<Sourced<String>> target = text(v.get(Field.TARGET), line);
        Optional<Sourced<String>> adjusted = text(v.get(Field.ADJUSTED_TARGET), line);
        Optional<Sourced<String>> actual = text(v.get(Field.ACTUAL), line);
        return new Indicator(index, r.level1(), r.level2(), r.cells().level3().text(),
                target, adjusted, actual,
                number(v.get(Field.WEIGHT), line), number(v.get(Field.SCORE), line),
                text(v.get(Field.DEVIATION_REASON), line), text(v.get(Field.COMPLETION_RATE), line),
                parse(target), parse(adjusted), parse(actual), r.ref());
    }

    /** Reads a value; a date written without a year (12月底前) takes the form's year. */
    private Measure parse(Optional<Sourced<String>> text) {
        if (text.isEmpty()) {
            return Measure.empty();
        }
        String value = text.get().value();
        return year.map(y -> measures.parse(value, y.value())).orElseGet(() -> measures.parse(value));
    }

    /** A cell's text with where it is in the original. */
    private static Optional<Sourced<String>> text(Cell cell, Line.Cells line) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Sourced<>(cell.text(), line.ref(cell)));
    }

    private Optional<Sourced<BigDecimal>> number(Cell cell, Line.Cells line) {
        if (cell == null) {
            return Optional.empty();
        }
        return measures.number(cell.text()).map(n -> new Sourced<>(n, line.ref(cell)));
    }

    private Funds funds(Optional<Row> budgetRow) {
        FundFigures summary = fundLines.stream().filter(l -> l.kind() == FundKind.TOTAL).findFirst()
                .map(FundLine::figures).orElseGet(this::transposedFigures);
        if (budgetRow.isPresent()) {
            Map<Field, Cell> v = budgetRow.get().cells().values();
            Line.Cells line = budgetRow.get().line();
            if (summary.budgetWeight().isEmpty()) {
                summary = summary.withBudgetWeight(number(v.get(Field.WEIGHT), line));
            }
            if (summary.budgetScoreReported().isEmpty()) {
                summary = summary.withBudgetScoreReported(number(v.get(Field.SCORE), line));
            }
        }
        return new Funds(summary, fundLines);
    }

    /**
     * Figures of a transposed report table (rows 年初预算资金, 全年预算资金, 全年执行资金, 预算执行率; columns
     * 年度总金额, 财政资金 …). The amounts are read from the first column in which the full-year budget
     * (else the first amount row) is filled, and the rate from the same column: seed 002 fills only
     * its 市级 column and writes 0 in the empty ones.
     */
    private FundFigures transposedFigures() {
        if (transposed.isEmpty()) {
            return FundFigures.none();
        }
        Optional<Integer> column = Optional.empty();
        for (Field f : List.of(Field.FULL_YEAR_BUDGET, Field.INITIAL_BUDGET, Field.EXECUTED)) {
            Line.Cells row = transposed.get(f);
            if (row != null && column.isEmpty()) {
                column = row.nonBlank().stream().skip(1).filter(c -> measures.number(c.text()).isPresent())
                        .map(Cell::col).findFirst();
            }
        }
        if (column.isEmpty()) {
            return FundFigures.none();
        }
        int col = column.get();
        return new FundFigures(transposedValue(Field.INITIAL_BUDGET, col), transposedValue(Field.FULL_YEAR_BUDGET, col),
                transposedValue(Field.EXECUTED, col), transposedValue(Field.EXECUTION_RATE, col),
                Optional.empty(), Optional.empty());
    }

    private Optional<Sourced<BigDecimal>> transposedValue(Field field, int col) {
        Line.Cells row = transposed.get(field);
        if (row == null) {
            return Optional.empty();
        }
        return row.row().cells().stream().filter(c -> c.col() == col).findFirst()
                .flatMap(c -> amount(c.text(), Optional.empty()).map(v -> new Sourced<>(v, row.ref(c))));
    }
}
