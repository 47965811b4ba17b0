package org.jixiao.internal.extract;

import org.jixiao.internal.extract.ColumnRole.Part;
import org.jixiao.internal.extract.ColumnRole.Qualifier;
import org.jixiao.internal.normalize.Field;
import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.MeasureParser;
import org.jixiao.model.Cell;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FormKind;
import org.jixiao.model.FormLayout;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundKind;
import org.jixiao.model.FundLine;
import org.jixiao.model.Funds;
import org.jixiao.model.Goals;
import org.jixiao.model.Indicator;
import org.jixiao.model.IndicatorDetails;
import org.jixiao.model.Measure;
import org.jixiao.model.NarrativeFigure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.RegionalGoal;
import org.jixiao.model.Result;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Sourced;
import org.jixiao.model.Stage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one form region line by line into a {@link ProjectRecord}. One instance per region: it
 * accumulates as it goes, then builds the immutable record.
 *
 * <p>The indicator table is read through its {@link HeaderModel} (columns by what their header
 * says) and the {@link RowGrammar}; a row that fits no reading is left out with an
 * {@code indicator_row_unreadable} finding, never costing the form. The {@link Template} that best
 * explains the form's traits is chosen at the end and recorded.
 */
final class FormReader {

    /** Failure code for a region that holds nothing of a form (skipped, not an error of the file). */
    static final String NOT_A_FORM = "extract.not_a_form";
    /** A header that names indicators but lacks what every template needs (a target or an actual). */
    static final String TEMPLATE_UNMATCHED = "extract.template_unmatched";

    private static final Set<Field> TRANSPOSED_ROWS = EnumSet.of(Field.INITIAL_BUDGET, Field.FULL_YEAR_BUDGET,
            Field.EXECUTED, Field.EXECUTION_RATE);
    /** The header fields written as a label and its value ({@code 项目名称 | X}); FlatTable uses them too. */
    static final Set<Field> HEADER_LABELS = EnumSet.of(Field.PROJECT_NAME, Field.DEPARTMENT, Field.IMPLEMENTER,
            Field.CENTRAL_DEPARTMENT);
    /** The 分值 of a 总分 row: the full score of the form. */
    private static final BigDecimal FULL_WEIGHT = BigDecimal.valueOf(100);
    /** Analysis text shorter than this is a label, not prose worth scanning for figures. */
    private static final int MIN_PROSE_LENGTH = 12;
    /** Level-2 names and the level-1 block each belongs to, for a level-1 label the form lost. */
    private static final Map<Field, Field> LEVEL1_OF = levelOneOf();

    private final HeadingDictionary dictionary;
    private final MeasureParser measures;
    private final Prose prose;
    private final FormLocator locator;
    private final RowGrammar grammar;
    private final Templates templates;

    private final Map<Field, Sourced<String>> header = new EnumMap<>(Field.class);
    private Optional<Sourced<Integer>> year = Optional.empty();
    private Optional<FundsHeader> fundsHeader = Optional.empty();
    /** The weight printed in the funds block's label, (20分). */
    private Optional<Sourced<BigDecimal>> fundsBlockWeight = Optional.empty();
    /** A money unit stated before the funds block ({@code 单位：元} above the table). */
    private Optional<String> statedUnit = Optional.empty();
    private final List<FundLine> fundLines = new ArrayList<>();
    private Optional<Sourced<BigDecimal>> budgetReview = Optional.empty();
    private final Map<Field, Line.Cells> transposed = new EnumMap<>(Field.class);
    private Optional<GoalColumns> goalColumns = Optional.empty();
    private Optional<Sourced<String>> goalExpected = Optional.empty();
    private Optional<Sourced<String>> goalAchieved = Optional.empty();
    private final List<RegionalGoal> regionalGoals = new ArrayList<>();
    private final Map<List<ColumnRole>, Segment> segments = new LinkedHashMap<>();
    private Optional<Segment> openSegment = Optional.empty();
    private Optional<HeaderModel> lastHeader = Optional.empty();
    /** 一级指标 / 二级指标 written on lines of their own just above a header that lacks them. */
    private final List<Cell> levelsAbove = new ArrayList<>();
    private Optional<List<String>> unmatchedHeader = Optional.empty();
    private Optional<Sourced<BigDecimal>> totalWeight = Optional.empty();
    private Optional<Sourced<BigDecimal>> totalScore = Optional.empty();
    private Optional<Sourced<BigDecimal>> totalReview = Optional.empty();
    private Optional<Sourced<String>> grade = Optional.empty();
    private final List<NarrativeFigure> narrative = new ArrayList<>();
    /** A project named only in a report's prose, with the year the sentence gives. */
    private Optional<Sourced<String>> proseName = Optional.empty();
    private Optional<Sourced<Integer>> proseYear = Optional.empty();
    private final Set<String> traits = new LinkedHashSet<>();
    /** What rebuilding rows from glued text noticed (cells left blank for ambiguity). */
    private final List<Finding> rebuildFindings = new ArrayList<>();

    /** The rows read under one header shape; split tables with a repeated header share a segment. */
    private static final class Segment {
        final HeaderModel shape;
        HeaderModel current;
        final List<Row> rows = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        String task = "";
        String level1 = "";
        Optional<BigDecimal> level1Weight = Optional.empty();
        Optional<SourceRef> level1WeightRef = Optional.empty();
        boolean level1Lost;
        String level2 = "";
        /** The last level heading read, while no indicator row has come under it: where a cut-off table ends. */
        Optional<Sourced<String>> levelWithoutRows = Optional.empty();

        Segment(HeaderModel header) {
            this.shape = header;
            this.current = header;
        }

        /**
         * The rows below stand under the level-1 cell {@code label} at {@code ref}; a different
         * name or weight than the block before ends that block's level-2 name too.
         */
        void enterLevelOne(LevelLabel label, SourceRef ref) {
            if (!label.label().equals(level1) || !label.weight().equals(level1Weight)) {
                level2 = "";
            }
            level1 = label.label();
            level1Lost = label.isLost();
            level1Weight = label.weight();
            level1WeightRef = label.weight().map(w -> ref);
        }
    }

    /** One indicator row as read, with its levels resolved and the line its cells came from. */
    private record Row(String task, String level1, Optional<Sourced<BigDecimal>> level1Weight, String level2,
                       RowGrammar.Assigned cells, Line.Cells line, HeaderModel header) {
        Cell level3() {
            return cells.level3().orElseThrow();
        }

        SourceRef ref() {
            return line.ref(level3());
        }
    }

    FormReader(HeadingDictionary dictionary, MeasureParser measures, Prose prose, FormLocator locator,
               Templates templates) {
        this.dictionary = dictionary;
        this.measures = measures;
        this.prose = prose;
        this.locator = locator;
        this.grammar = new RowGrammar(dictionary, measures, prose);
        this.templates = templates;
    }

    /**
     * Reads {@code region}; {@code severalForms} tells that the file holds other forms too, which
     * is a trait of the bundle families.
     */
    Result<ProjectRecord> read(List<Line> region, String sourceFile, String recordKey, int formIndex,
                               boolean severalForms) {
        if (severalForms) {
            traits.add("forms.several");
        }
        for (int i = 0; i < region.size(); i++) {
            Line line = region.get(i);
            if (line instanceof Line.Chunk chunk) {
                rebuildFindings.addAll(chunk.findings());
            }
            if (line instanceof Line.Text text) {
                readText(text);
            } else {
                Optional<Line.Cells> next = i + 1 < region.size() && region.get(i + 1) instanceof Line.Cells c
                        ? Optional.of(c) : Optional.empty();
                if (readRow((Line.Cells) line, next)) {
                    i++;
                }
            }
        }
        return build(sourceFile, recordKey, formIndex);
    }

    // ---- text outside tables: title, year, "项目名称：…" lines, report prose ----

    private void readText(Line.Text line) {
        readLooseText(line.text(), line.paragraph().ref());
        scanProse(line.text(), line.paragraph().ref());
    }

    /** A paragraph, or a cell alone in its row: the year line, a title, or a {@code 项目名称：…} line. */
    private void readLooseText(String text, SourceRef ref) {
        if (year.isEmpty()) {
            prose.year(text).ifPresent(y -> year = Optional.of(new Sourced<>(y, ref)));
        }
        locator.labelled(text)
                .filter(l -> HEADER_LABELS.contains(l.field()) && !header.containsKey(l.field()))
                .ifPresent(l -> header.put(l.field(), new Sourced<>(l.value(), ref)));
        noteKind(text);
        if (fundLines.isEmpty() && fundsHeader.isEmpty()) {
            prose.fundsUnit(text).ifPresent(u -> statedUnit = Optional.of(u));
        }
    }

    /** Titles and labels that say which kind of form this is. */
    private void noteKind(String text) {
        if (text.length() <= 60) {
            if (prose.isDepartmentTitle(text)) {
                traits.add("form.department");
            }
            if (prose.isTransfer(text)) {
                traits.add("form.transfer");
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
        if (proseName.isEmpty()) {
            prose.projectInProse(text).ifPresent(m -> {
                proseName = Optional.of(new Sourced<>(m.group(1), ref));
                proseYear = Optional.of(new Sourced<>(Integer.valueOf(m.group(2)), ref));
            });
        }
    }

    // ---- table rows ----

    /** Reads one row; returns true if it also consumed {@code next} (the second row of a header). */
    private boolean readRow(Line.Cells line, Optional<Line.Cells> next) {
        List<Cell> cells = line.nonBlank();
        if (cells.isEmpty()) {
            return false;
        }
        if (goalColumns.isPresent()) {
            GoalRow g = readGoalTexts(line, cells);
            if (g != GoalRow.MORE) {
                goalColumns = Optional.empty();
            }
            if (g != GoalRow.NONE) {
                return false;
            }
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
        if (year.isEmpty() && cells.size() > 1) {
            // The title in a row's first cell beside other cells (2022年度项目支出绩效自评表 | 部门:…).
            prose.titleYear(cells.get(0).text()).ifPresent(y -> year = Optional.of(new Sourced<>(y, line.ref(cells.get(0)))));
        }
        if (year.isEmpty() && cells.size() == 2 && cells.get(0).text().length() + cells.get(1).text().length() <= 12) {
            // (2019 年度) cut at its space into two cells, as a page's single-spaced rows are.
            prose.year(cells.get(0).text() + cells.get(1).text())
                    .ifPresent(y -> year = Optional.of(new Sourced<>(y, line.ref(cells.get(0)))));
        }
        if (labelsHeaderField) {
            // 项目名称 heading a report's table of funds received labels no value of this form.
            if (!(first.filter(f -> f == Field.PROJECT_NAME).isPresent() && locator.namesColumns(cells))) {
                readHeaderFields(line, cells, headings);
            }
            return false;
        }
        if (cells.size() == 1) {
            // Spreadsheets and flat exports put titles, the year and "项目名称：…" lines in cells.
            readLooseText(cells.get(0).text(), line.ref(cells.get(0)));
            if (totalScore.isEmpty() && lastHeader.isPresent()) {
                // 自评得分：98.53分 on a line of its own after the 总分 row of a flat export.
                Cell c = cells.get(0);
                prose.total(c.text()).flatMap(measures::number)
                        .ifPresent(v -> totalScore = Optional.of(new Sourced<>(v, line.ref(c))));
            }
        }
        List<Cell> nextCells = next.map(Line.Cells::nonBlank).orElse(List.of());
        Optional<HeaderModel> indicatorHeader = HeaderModel.parse(cells, nextCells, dictionary);
        if (indicatorHeader.isPresent()) {
            HeaderModel h = withLevelsAbove(indicatorHeader.get(), cells);
            openSegment(h);
            levelsAbove.clear();
            return h.headerRows() == 2;
        }
        if (cells.size() == 1 && first.filter(f -> f == Field.LEVEL1 || f == Field.LEVEL2).isPresent()) {
            levelsAbove.add(cells.get(0));
        } else if (cells.size() != 1 || first.isEmpty()) {
            levelsAbove.clear();
        }
        Optional<FundsHeader> funds = FundsHeader.parse(cells, nextCells, dictionary, prose);
        if (funds.isPresent()) {
            fundsHeader = Optional.of(funds.get().withUnitIfNone(statedUnit));
            for (Cell c : cells) {
                if (dictionary.is(c.text(), Field.FUNDS_BLOCK)) {
                    // 预算执行情况（万元）（20分）: the budget's weight where no 分值 column states it.
                    LevelLabel.of(c.text(), prose).weight()
                            .ifPresent(w -> fundsBlockWeight = Optional.of(new Sourced<>(w, line.ref(c))));
                }
            }
            closeSegment();
            return funds.get().headerRows() == 2;
        }
        int labelAt = headings.get(0).filter(Field::isFundLine).isPresent() ? 0
                : cells.size() > 1 && headings.get(1).filter(Field::isFundLine).isPresent() ? 1 : -1;
        if (labelAt >= 0 && fundsHeader.isPresent() && openSegment.isEmpty()) {
            // After the indicator table, a funds label with no figure beside it is a note's words
            // (备注: 预算数为调整后财政资金总额…), not a funds line.
            boolean noteWords = lastHeader.isPresent() && cells.subList(labelAt + 1, cells.size()).stream()
                    .noneMatch(c -> measures.number(c.text()).isPresent());
            if (!noteWords) {
                readFundLine(line, cells, labelAt, headings.get(labelAt).get());
            }
            return false;
        }
        if (first.isPresent() && TRANSPOSED_ROWS.contains(first.get()) && fundsHeader.isEmpty() && openSegment.isEmpty()) {
            transposed.putIfAbsent(first.get(), line);
            return false;
        }
        if (first.isPresent() && first.get() == Field.ANNUAL_GOAL || namesBothGoals(headings)) {
            readGoalHeader(cells, headings);
            closeSegment();
            return false;
        }
        int totalAt = totalLabelAfterRemark(cells, headings);
        if (first.isPresent() && first.get() == Field.TOTAL_SCORE || totalAt > 0) {
            // A remark row can run into the total where the page joined them
            // (其他需要说明事项 | 无 | 总分 | 100 | 96 | 优): the total starts at its label.
            List<Cell> total = cells.subList(Math.max(totalAt, 0), cells.size());
            readTotal(line, total);
            readGrade(cells, headings, line);
            readTrailingGrade(total, line);
            closeSegment();
            return false;
        }
        if (first.isPresent() && first.get() == Field.GRADE) {
            readGrade(cells, headings, line);
            closeSegment();
            return false;
        }
        if (first.isPresent() && first.get() == Field.SCORE && openSegment.isEmpty() && cells.size() >= 2) {
            // 自评得分 | 93.48 below the table: the reported total written on a row of its own.
            readStatedTotal(line, cells);
            return false;
        }
        if (openSegment.isPresent()) {
            if (cells.size() == 1 && cells.get(0).text().length() >= MIN_PROSE_LENGTH) {
                // A paragraph of a report after its table, rebuilt from text as a one-cell row.
                scanProse(cells.get(0).text(), line.ref(cells.get(0)));
            }
            readIndicatorRow(openSegment.get(), line, cells);
            return false;
        }
        if (isIndicatorHeaderWithoutValues(cells, headings)) {
            unmatchedHeader = Optional.of(cells.stream().map(Cell::text).toList());
        }
        for (Cell c : cells) {
            scanProse(c.text(), line.ref(c));
        }
        return false;
    }

    /**
     * A header that starts at 三级指标 while 一级指标 and 二级指标 stood on lines of their own above it
     * (a page that wrapped its header cells): those columns are put in front.
     */
    private HeaderModel withLevelsAbove(HeaderModel h, List<Cell> cells) {
        if (levelsAbove.isEmpty() || h.has(Part.LEVEL1) || h.has(Part.LEVEL2) || h.headerRows() != 1) {
            return h;
        }
        List<Cell> shifted = new ArrayList<>();
        int k = levelsAbove.size();
        for (int i = 0; i < k; i++) {
            shifted.add(Cell.of(i, levelsAbove.get(i).text()));
        }
        for (Cell c : cells) {
            shifted.add(new Cell(c.col() + k, c.colSpan(), c.rowSpan(), c.text()));
        }
        return HeaderModel.parse(shifted, List.of(), dictionary).orElse(h);
    }

    /** A row naming the indicator levels and figures but neither a target nor an actual. */
    private static boolean isIndicatorHeaderWithoutValues(List<Cell> cells, List<Optional<Field>> headings) {
        Set<Field> seen = EnumSet.noneOf(Field.class);
        headings.forEach(h -> h.ifPresent(seen::add));
        return seen.contains(Field.LEVEL3) && (seen.contains(Field.WEIGHT) || seen.contains(Field.SCORE));
    }

    private void readHeaderFields(Line.Cells line, List<Cell> cells, List<Optional<Field>> headings) {
        for (int i = 0; i < cells.size() - 1; i++) {
            Optional<Field> f = headings.get(i).filter(HEADER_LABELS::contains);
            Cell value = cells.get(i + 1);
            // 主管部门(盖章): | 单位:万元 is a line to sign and stamp; the value stands elsewhere.
            if (f.isPresent() && headings.get(i + 1).filter(HEADER_LABELS::contains).isEmpty()
                    && !prose.isUnitStatement(value.text())) {
                noteKind(cells.get(i).text());
                header.putIfAbsent(f.get(), new Sourced<>(value.text(), line.ref(value)));
                i++;
            }
        }
        for (int i = 0; i < cells.size() - 1; i++) {
            // 项目名称 | X | 自评得分 | 95.03: the reported total beside the header fields.
            if (headings.get(i).filter(f -> f == Field.SCORE || f == Field.TOTAL_SCORE).isPresent() && totalScore.isEmpty()) {
                Cell v = cells.get(i + 1);
                measures.number(v.text()).ifPresent(n -> totalScore = Optional.of(new Sourced<>(n, line.ref(v))));
            }
        }
    }

    /** Where 区域, 预期目标 and 实际完成情况 stand in the goals header row; -1 where the row has no such cell. */
    private record GoalColumns(int area, int expected, int achieved) {
    }

    /**
     * A goals header whose first cell is another label: Sichuan's 2023 form writes 项目基本情况 |
     * 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况.
     */
    private static boolean namesBothGoals(List<Optional<Field>> headings) {
        return headings.contains(Optional.of(Field.GOAL_EXPECTED)) && headings.contains(Optional.of(Field.GOAL_ACTUAL));
    }

    private void readGoalHeader(List<Cell> cells, List<Optional<Field>> headings) {
        int area = -1;
        int expected = -1;
        int achieved = -1;
        for (int i = 0; i < cells.size(); i++) {
            Optional<Field> f = headings.get(i);
            if (f.isPresent() && f.get() == Field.GOAL_EXPECTED) {
                expected = cells.get(i).col();
            } else if (f.isPresent() && f.get() == Field.GOAL_ACTUAL) {
                achieved = cells.get(i).col();
            } else if (f.isPresent() && f.get() == Field.AREA) {
                area = cells.get(i).col();
            }
        }
        if (expected >= 0 || achieved >= 0) {
            goalColumns = Optional.of(new GoalColumns(area, expected, achieved));
        }
    }

    /** What a row under the goals header was. */
    private enum GoalRow {
        /** The texts of the form's one goal: the block ends with it. */
        LAST,
        /** A region's goal: more may follow. */
        MORE,
        /** No goal: the block had ended before this row, which is read as any other. */
        NONE
    }

    /**
     * The texts under the goals header: one row for a form with one goal, one row per region for a
     * transfer payment.
     */
    private GoalRow readGoalTexts(Line.Cells line, List<Cell> cells) {
        GoalColumns g = goalColumns.get();
        if (g.area() >= 0) {
            Optional<Field> f = dictionary.lookup(cells.get(0).text());
            if (f.isPresent() || cells.size() < 2) {
                return GoalRow.NONE;
            }
            Sourced<String> area = null;
            Optional<Sourced<String>> expected = Optional.empty();
            Optional<Sourced<String>> achieved = Optional.empty();
            for (Cell c : cells) {
                Sourced<String> text = new Sourced<>(c.text(), line.ref(c));
                if (g.achieved() >= 0 && c.col() >= g.achieved()) {
                    achieved = Optional.of(text);
                } else if (g.expected() >= 0 && c.col() >= g.expected()) {
                    expected = Optional.of(text);
                } else if (area == null) {
                    area = text;
                }
            }
            if (area != null) {
                regionalGoals.add(new RegionalGoal(area, expected, achieved));
                traits.add("form.transfer");
            }
            return GoalRow.MORE;
        }
        List<Cell> texts = cells.stream().filter(c -> !dictionary.is(c.text(), Field.ANNUAL_GOAL)).toList();
        if (texts.stream().filter(c -> dictionary.lookup(c.text()).isPresent()).count() >= 2) {
            // Headings (一级指标 | 二级指标 | …): the next table's header where the goal texts stood
            // on a line of their own, or were left out.
            return GoalRow.NONE;
        }
        if (texts.size() == 2 && g.expected() >= 0 && g.achieved() > g.expected()) {
            // Two texts under 预期目标 and 实际完成情况 are those two, in order, wherever they sit:
            // a page's text row lacks the 年度总体目标 label that spans it, and its texts stand
            // one column left of their headings.
            goalExpected = Optional.of(new Sourced<>(texts.get(0).text(), line.ref(texts.get(0))));
            goalAchieved = Optional.of(new Sourced<>(texts.get(1).text(), line.ref(texts.get(1))));
            return GoalRow.LAST;
        }
        for (Cell c : texts) {
            Sourced<String> text = new Sourced<>(c.text(), line.ref(c));
            if (g.achieved() >= 0 && c.col() >= g.achieved()) {
                goalAchieved = Optional.of(text);
            } else if (g.expected() >= 0 && c.col() >= g.expected()) {
                goalExpected = Optional.of(text);
            }
        }
        return GoalRow.LAST;
    }

    /** True if {@code values} are no more than the amounts the header names first, and no rate. */
    private static boolean statesAmountsOnly(FundsHeader h, List<Cell> values) {
        if (values.isEmpty() || values.size() > h.columns().size()) {
            return false;
        }
        for (int k = 0; k < values.size(); k++) {
            if (!FundsHeader.isAmount(h.columns().get(k).field()) || values.get(k).text().endsWith("%")) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if {@code v}, a percentage, stands under the weight or score of a header that has a rate
     * column: a part line whose 分值 cell the page dropped (其中 | 7.29 | 7.29 | 7.29 | 100%)
     * moved its rate under 分值, and a weight or score is never a percentage.
     */
    private static boolean percentUnderPoints(FundsHeader h, Field field, Cell v) {
        return (field == Field.BUDGET_WEIGHT || field == Field.BUDGET_SCORE) && v.text().endsWith("%")
                && h.columns().stream().anyMatch(c -> c.field() == Field.EXECUTION_RATE);
    }

    private void readFundLine(Line.Cells line, List<Cell> cells, int labelAt, Field label) {
        FundsHeader h = fundsHeader.get();
        Cell labelCell = cells.get(labelAt);
        List<Cell> values = cells.subList(labelAt + 1, cells.size());
        Map<Field, Sourced<BigDecimal>> figures = new EnumMap<>(Field.class);
        boolean besideHeader = !h.columns().isEmpty() && h.columns().get(0).col() <= labelCell.col();
        if (besideHeader && values.size() >= h.columns().size()) {
            // The funds header names no label column (a page's text rows): its k-th heading is the
            // line's k-th value; a trailing 得分计算方法 text is no figure.
            readInOrder(h, values.subList(0, h.columns().size()), line, figures);
        } else if (besideHeader && kindOf(label) != FundKind.TOTAL && statesAmountsOnly(h, values)) {
            // A part line (其中:本年财政拨款 90 89.974 89.974) states its amounts and leaves the
            // weight, rate and score to the total: its figures are the amounts, in order.
            readInOrder(h, values, line, figures);
        } else if ((besideHeader || h.labelCol() == labelCell.col()) && values.size() >= 2
                && values.size() < h.columns().size() && RowGrammar.lostItsEmptyCells(line.row().cells())) {
            // A page's text row lost an empty cell without a trace (a row that keeps its empty
            // cells keeps their places): place the values where their figures are possible. Its
            // label stands beside the header, or under the header's own label (项目资金（万元）).
            readWithGaps(h, values, line, figures);
        } else if (line instanceof Line.Chunk) {
            // A line rebuilt from flat text keeps its empty cells in order: the k-th is the k-th figure.
            List<Cell> all = line.row().cells();
            int start = all.indexOf(labelCell) + 1;
            for (int k = 0; k < h.columns().size() && start + k < all.size(); k++) {
                Cell v = all.get(start + k);
                Field field = h.columns().get(k).field();
                if (!v.isBlank()) {
                    figure(h, field, v, line).ifPresent(x -> figures.put(field, x));
                }
            }
        } else if (values.size() == h.columns().size()) {
            // Text exports shift the whole value run against its header; the count and order still match.
            readInOrder(h, values, line, figures);
        } else {
            // A page's text drops the block label that spans the lines (预算执行情况（10分）, left
            // of the label column's own heading), so the lines sit that many columns left of it.
            int shift = h.labelCol() > labelCell.col() ? h.labelCol() - labelCell.col() : 0;
            for (Cell v : values) {
                h.columns().stream().filter(c -> c.covers(v.col() + shift)).findFirst()
                        .map(c -> percentUnderPoints(h, c.field(), v) ? Field.EXECUTION_RATE : c.field())
                        .ifPresent(field -> figure(h, field, v, line).ifPresent(f -> figures.put(field, f)));
            }
        }
        Optional<Sourced<BigDecimal>> rate = Optional.ofNullable(figures.get(Field.EXECUTION_RATE))
                .map(r -> asPercent(r, figures.get(Field.EXECUTED), figures.get(Field.FULL_YEAR_BUDGET),
                        figures.get(Field.INITIAL_BUDGET)));
        FundFigures ff = new FundFigures(
                Optional.ofNullable(figures.get(Field.INITIAL_BUDGET)),
                Optional.ofNullable(figures.get(Field.FULL_YEAR_BUDGET)),
                Optional.ofNullable(figures.get(Field.EXECUTED)),
                rate,
                Optional.ofNullable(figures.get(Field.BUDGET_WEIGHT)),
                Optional.ofNullable(figures.get(Field.BUDGET_SCORE)));
        FundKind kind = kindOf(label);
        if (kind == FundKind.TOTAL && budgetReview.isEmpty()) {
            budgetReview = Optional.ofNullable(figures.get(Field.REVIEW_SCORE));
        }
        fundLines.add(new FundLine(labelCell.text(), kind, ff, line.ref(labelCell)));
    }

    /** {@code values} under the header's headings in order: the k-th value is the k-th heading's. */
    private void readInOrder(FundsHeader h, List<Cell> values, Line.Cells line, Map<Field, Sourced<BigDecimal>> figures) {
        for (int k = 0; k < values.size(); k++) {
            Field field = h.columns().get(k).field();
            figure(h, field, values.get(k), line).ifPresent(v -> figures.put(field, v));
        }
    }

    /** The figures of a text row with fewer values than headings, as {@link FundGaps} places them. */
    private void readWithGaps(FundsHeader h, List<Cell> values, Line.Cells line, Map<Field, Sourced<BigDecimal>> figures) {
        List<Field> headings = h.columns().stream().map(FundsHeader.Column::field).toList();
        List<Optional<BigDecimal>> parsed = new ArrayList<>(values.size());
        for (Cell v : values) {
            // A figure's kind does not depend on its heading here: amounts, rates and scores all
            // read as plain numbers, and the block's unit applies to amounts alone, below.
            parsed.add(amount(v.text(), Optional.empty()));
        }
        Optional<FundGaps.Reading> reading = FundGaps.read(headings, parsed);
        if (reading.isEmpty()) {
            rebuildFindings.add(fundsAmbiguous(line, values, "no order of its " + values.size()
                    + " values under the " + headings.size() + " headings gives possible figures"));
            return;
        }
        for (Map.Entry<Field, Integer> e : reading.get().valueOf().entrySet()) {
            figure(h, e.getKey(), values.get(e.getValue()), line).ifPresent(v -> figures.put(e.getKey(), v));
        }
        if (reading.get().ambiguous()) {
            rebuildFindings.add(fundsAmbiguous(line, values, "its " + values.size() + " values fit the "
                    + headings.size() + " headings in more than one way; the headings they disagree on are left blank"));
        }
    }

    private Finding fundsAmbiguous(Line.Cells line, List<Cell> values, String why) {
        SourceRef ref = line.ref(values.get(0));
        String seen = values.stream().map(Cell::text).reduce((a, b) -> a + " " + b).orElse("");
        return new Finding(FindingCode.AMBIGUOUS_CELL.id(), Severity.WARNING, "funds", seen, "",
                "funds line at " + ref.describe() + " '" + seen + "': " + why, Optional.of(ref));
    }

    /**
     * A rate written as a ratio ({@code 0.55} for 55 %) is read as a percentage: a plain number of at
     * most 1.5 is a ratio when the amounts say so (executed / budget is nearer to it than to a
     * hundredth of it), or, without amounts, when it is at most 1.
     */
    private static Sourced<BigDecimal> asPercent(Sourced<BigDecimal> rate, Sourced<BigDecimal> executed,
                                                 Sourced<BigDecimal> fullYear, Sourced<BigDecimal> initial) {
        BigDecimal r = rate.value();
        if (r.compareTo(new BigDecimal("1.5")) > 0 || r.signum() <= 0) {
            return rate;
        }
        Sourced<BigDecimal> budget = fullYear != null ? fullYear : initial;
        boolean ratio;
        if (executed != null && budget != null && budget.value().signum() > 0) {
            BigDecimal actual = executed.value().divide(budget.value(), MathContext.DECIMAL64);
            BigDecimal asRatio = actual.subtract(r).abs();
            BigDecimal asPercent = actual.multiply(BigDecimal.valueOf(100)).subtract(r).abs();
            ratio = asRatio.compareTo(asPercent) < 0;
        } else {
            ratio = r.compareTo(BigDecimal.ONE) <= 0;
        }
        return ratio ? new Sourced<>(r.movePointRight(2).stripTrailingZeros(), rate.source()) : rate;
    }

    private Optional<Sourced<BigDecimal>> figure(FundsHeader h, Field field, Cell cell, Line.Cells line) {
        Optional<String> unit = FundsHeader.isAmount(field) ? h.unit() : Optional.empty();
        return amount(cell.text(), unit).map(x -> new Sourced<>(x, line.ref(cell)));
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
            case FUND_LOCAL -> FundKind.LOCAL;
            case FUND_BASIC -> FundKind.BASIC;
            case FUND_PROJECT_SPENDING -> FundKind.PROJECT_SPENDING;
            default -> FundKind.OTHER;
        };
    }

    /**
     * The index of a 总分 label that follows a remark's label and text (其他需要说明事项 | 无 | 总分 …)
     * within a row's first three cells, with no figure before it; -1 if there is none.
     */
    private int totalLabelAfterRemark(List<Cell> cells, List<Optional<Field>> headings) {
        if (headings.isEmpty() || headings.get(0).isPresent()) {
            return -1;
        }
        for (int k = 1; k < Math.min(3, cells.size()); k++) {
            if (measures.parse(cells.get(k).text()).value().isPresent()) {
                return -1;
            }
            if (headings.get(k).filter(f -> f == Field.TOTAL_SCORE).isPresent()) {
                return k + 1 < cells.size() && measures.number(cells.get(k + 1).text()).isPresent() ? k : -1;
            }
        }
        return -1;
    }

    /** 总分 | 100 | 96 | 优: a grade word closing the total row, where no 等级 label names it. */
    private void readTrailingGrade(List<Cell> total, Line.Cells line) {
        Cell last = total.get(total.size() - 1);
        if (grade.isEmpty() && total.size() >= 3 && dictionary.lookup(last.text()).filter(Field::isGradeValue).isPresent()) {
            grade = Optional.of(new Sourced<>(last.text(), line.ref(last)));
        }
    }

    /**
     * The 总分 row. Its figures are read by the indicator header's columns where they sit under
     * them (分值, the reported score, 复核分); a row rebuilt from text has lost its columns, so its
     * numbers are taken in the header's order of figures; a total written as text in the row
     * ({@code 自评得分：93.48分}) counts where the score column is empty.
     */
    private void readTotal(Line.Cells line, List<Cell> cells) {
        List<Cell> numbers = cells.stream().skip(1).filter(c -> measures.number(c.text()).isPresent()).toList();
        boolean placed = false;
        if (lastHeader.isPresent() && line instanceof Line.TableRow) {
            HeaderModel h = lastHeader.get();
            ColumnRole reported = reportedScoreRole(h);
            for (Cell c : numbers) {
                Optional<ColumnRole> role = h.covering(c.col()).map(HeaderModel.Column::role);
                if (role.isEmpty()) {
                    continue;
                }
                Sourced<BigDecimal> v = new Sourced<>(measures.number(c.text()).get(), line.ref(c));
                if (role.get().part() == Part.WEIGHT) {
                    totalWeight = Optional.of(v);
                    placed = true;
                } else if (role.get().equals(reported)) {
                    totalScore = Optional.of(v);
                    placed = true;
                } else if (role.get().equals(ColumnRole.of(Part.SCORE, Qualifier.REVIEW))) {
                    totalReview = Optional.of(v);
                    placed = true;
                }
            }
        }
        // 总分 | 100 | (empty): the weight alone; the total stands in the row's text or elsewhere.
        boolean weightAlone = totalScore.isEmpty() && placed && numbers.size() == 1 && totalWeight.isPresent();
        if (totalScore.isEmpty() && placed && !weightAlone) {
            // Figures under the header's columns but none under the score: a shifted row, whose
            // columns say nothing.
            totalWeight = Optional.empty();
            totalReview = Optional.empty();
            placed = false;
        }
        if (totalScore.isEmpty()) {
            for (Cell c : cells) {
                Optional<BigDecimal> stated = prose.total(c.text()).flatMap(measures::number);
                if (stated.isPresent()) {
                    totalScore = Optional.of(new Sourced<>(stated.get(), line.ref(c)));
                    break;
                }
            }
        }
        if (totalScore.isEmpty() && !numbers.isEmpty() && !weightAlone) {
            readTotalByOrder(line, numbers, placed);
        }
    }

    /**
     * The 总分 row's numbers where they do not sit under the header's figure columns (a row rebuilt
     * from text, or shifted): as many numbers as the header has figure columns are taken in the
     * header's order; otherwise the last is the score and the one before it the weight.
     */
    private void readTotalByOrder(Line.Cells line, List<Cell> numbers, boolean weightPlaced) {
        List<ColumnRole> figures = lastHeader.map(h -> h.valueRoles().stream()
                .filter(r -> r.part() == Part.WEIGHT || r.part() == Part.SCORE).toList()).orElse(List.of());
        if (figures.size() >= 3 && numbers.size() == figures.size()) {
            ColumnRole reported = reportedScoreRole(lastHeader.get());
            for (int k = 0; k < numbers.size(); k++) {
                Sourced<BigDecimal> v = new Sourced<>(measures.number(numbers.get(k).text()).get(), line.ref(numbers.get(k)));
                ColumnRole r = figures.get(k);
                if (r.part() == Part.WEIGHT) {
                    totalWeight = Optional.of(v);
                } else if (r.equals(reported)) {
                    totalScore = Optional.of(v);
                } else if (r.qualifier() == Qualifier.REVIEW) {
                    totalReview = Optional.of(v);
                }
            }
            return;
        }
        Cell score = numbers.get(numbers.size() - 1);
        BigDecimal last = measures.number(score.text()).get();
        if (numbers.size() == 1 && last.compareTo(FULL_WEIGHT) == 0 && lastHeader.filter(HeaderModel::hasScores).isPresent()) {
            // 总分 | 100 | (empty): a lone 100 is the 分值 of the row; the total stands below it
            // (自评得分 | 93.48) or in the report's prose.
            totalWeight = Optional.of(new Sourced<>(last, line.ref(score)));
            return;
        }
        totalScore = Optional.of(new Sourced<>(last, line.ref(score)));
        if (numbers.size() >= 2 && !weightPlaced) {
            Cell weight = numbers.get(numbers.size() - 2);
            totalWeight = Optional.of(new Sourced<>(measures.number(weight.text()).get(), line.ref(weight)));
        }
    }

    /** {@code 自评得分 | 93.48}: a total on a row of its own, where the 总分 row gave none. */
    private void readStatedTotal(Line.Cells line, List<Cell> cells) {
        if (totalScore.isPresent()) {
            return;
        }
        Cell v = cells.get(1);
        measures.number(v.text()).ifPresent(n -> totalScore = Optional.of(new Sourced<>(n, line.ref(v))));
    }

    /** {@code 自评等级 | 优}: the grade label after its heading, when it is a grade word. */
    private void readGrade(List<Cell> cells, List<Optional<Field>> headings, Line.Cells line) {
        for (int i = 0; i < cells.size() - 1; i++) {
            if (headings.get(i).filter(f -> f == Field.GRADE).isPresent() && grade.isEmpty()) {
                Cell v = cells.get(i + 1);
                if (headings.get(i + 1).filter(Field::isGradeValue).isPresent()) {
                    grade = Optional.of(new Sourced<>(v.text(), line.ref(v)));
                }
            }
        }
    }

    // ---- indicator table ----

    private void openSegment(HeaderModel h) {
        Segment s = segments.computeIfAbsent(h.signature(), k -> new Segment(h));
        s.current = h;
        openSegment = Optional.of(s);
        lastHeader = Optional.of(h);
    }

    /** True if a value column (not a level) holds something other than a placeholder; a loop, as it runs per indicator row. */
    private boolean holdsValue(Map<ColumnRole, Cell> values) {
        for (Map.Entry<ColumnRole, Cell> e : values.entrySet()) {
            if (isValueRole(e.getKey()) && !prose.isPlaceholder(e.getValue().text())) {
                return true;
            }
        }
        return false;
    }

    private void closeSegment() {
        openSegment = Optional.empty();
    }

    private void readIndicatorRow(Segment s, Line.Cells line, List<Cell> cells) {
        if (cells.size() == 1 && isLevelHeading(cells.get(0))) {
            // A level heading alone on its row (时效指标, (50分)): rows should follow under it.
            s.levelWithoutRows = Optional.of(new Sourced<>(cells.get(0).text(), line.ref(cells.get(0))));
        }
        if (cells.size() == 1 && !s.current.has(Part.LEVEL1)) {
            LevelLabel alone = LevelLabel.of(cells.get(0).text(), prose);
            boolean named = !alone.isLost() && dictionary.lookup(alone.label()).filter(Field::isLevel1Value).isPresent();
            if (alone.weight().isPresent() && (alone.isLost() || named)) {
                // A level-1 cell on a line of its own ((50分), or 满意度指标(10分) wrapped and
                // joined), in a table whose header lost its 一级指标 column: a new level-1 block
                // begins, named by the cell or else by its rows.
                s.enterLevelOne(alone, line.ref(cells.get(0)));
                s.level2 = "";
                return;
            }
        }
        Optional<RowGrammar.Assigned> read = grammar.read(s.current, line.row().cells());
        if (read.isEmpty() && cells.size() == 1 && grammar.isLevel2(cells.get(0))) {
            // A level-2 name on a line of its own (经济效益 / 指标 wrapped, then joined) where the
            // text lost the cells left of it: it heads the rows below.
            s.level2 = LevelLabel.of(cells.get(0).text(), prose).label();
            return;
        }
        if (read.isEmpty() && cells.size() == 2 && s.current.has(Part.LEVEL1)
                && grammar.isLevel1Label(cells.get(0)) && grammar.isLevel2(cells.get(1))) {
            // A block's level-1 and level-2 names on a row with no indicator (效益指标 | 经济效益指标,
            // its rows left empty or filler below): the rows after it stand under them.
            s.enterLevelOne(LevelLabel.of(cells.get(0).text(), prose), line.ref(cells.get(0)));
            s.level2 = LevelLabel.of(cells.get(1).text(), prose).label();
            s.levelWithoutRows = Optional.of(new Sourced<>(cells.get(1).text(), line.ref(cells.get(1))));
            return;
        }
        if (read.isEmpty()) {
            // A figure with or without its unit (10, 1.5亩, ≥90%) says the row was an indicator's.
            boolean hasFigure = cells.stream().anyMatch(c -> measures.parse(c.text()).value().isPresent());
            if (hasFigure && cells.size() >= 3) {
                s.findings.add(unreadable(line, cells, "its cells fit no reading of the header "
                        + s.current.signature().stream().map(ColumnRole::id).toList()));
            }
            return;
        }
        RowGrammar.Assigned a = read.get();
        a.task().ifPresent(c -> {
            if (!c.text().equals(s.task)) {
                s.level1 = "";
                s.level2 = "";
                s.level1Weight = Optional.empty();
            }
            s.task = c.text();
        });
        if (a.level1().isPresent()) {
            LevelLabel l1 = LevelLabel.of(a.level1().get().text(), prose);
            s.enterLevelOne(l1, line.ref(a.level1().get()));
            if (l1.weight().isPresent()) {
                traits.add("level1.weight_label");
            }
        }
        a.level2().ifPresent(c -> s.level2 = LevelLabel.of(c.text(), prose).label());
        if (a.level1().isEmpty() && a.level2().isPresent() && dictionary.lookup(s.level1).filter(f -> f == Field.LEVEL1_SATISFACTION).isPresent()
                && dictionary.lookup(s.level2).filter(Field::isLevel2Value).isEmpty()) {
            // 满意度指标 holds only satisfaction names: a block of the template's own after it
            // (长效管理指标) stands under a level 1 the form does not name.
            s.level1 = "";
            s.level1Weight = Optional.empty();
            s.level1Lost = false;
        }
        if (a.level3().isEmpty()) {
            a.level2().or(a::level1).filter(this::isLevelHeading).ifPresent(c ->
                    s.levelWithoutRows = Optional.of(new Sourced<>(c.text(), line.ref(c))));
            return;
        }
        Cell name = a.level3().get();
        boolean values = holdsValue(a.values());
        if (prose.isPlaceholder(name.text()) || !values && prose.isEmptySlot(name.text())) {
            // Filler (……) or a slot the template numbered and the form left empty (指标2).
            traits.add("rows.placeholder");
            return;
        }
        if (!values) {
            s.findings.add(unreadable(line, cells, "it names an indicator but holds no target, actual, weight or score"));
            return;
        }
        if (prose.isNoteLead(name.text())) {
            // 说明无注: | 1 | 、其他资金包括…: a note after the table, its 注: read as a name.
            s.findings.add(unreadable(line, cells, "its name ends in a note's colon (注:), not an indicator's"));
            closeSegment();
            return;
        }
        String level1 = s.level1;
        if (level1.isEmpty() && (s.level1Lost || s.current.has(Part.LEVEL1))) {
            level1 = levelOneFromLevelTwo(s.level2);
        }
        dictionary.lookup(level1).filter(f -> f == Field.LEVEL1_DECISION || f == Field.LEVEL1_PROCESS)
                .ifPresent(f -> traits.add("level1.rubric"));
        Optional<Sourced<BigDecimal>> weight = s.level1Weight.map(w -> new Sourced<>(w, s.level1WeightRef.orElseThrow()));
        s.rows.add(new Row(s.task, level1, weight, s.level2, a, line, s.current));
        s.levelWithoutRows = Optional.empty();
    }

    /** A level-1 or level-2 name of the vocabulary, or a level cell that lost its name but keeps its weight ((50分)). */
    private boolean isLevelHeading(Cell cell) {
        LevelLabel label = LevelLabel.of(cell.text(), prose);
        return label.isLost() ? label.weight().isPresent()
                : dictionary.lookup(label.label()).filter(f -> f.isLevel1Value() || f.isLevel2Value()).isPresent();
    }

    /** A goal text, unless it is the template's instruction left in the cell (…(100字以内)). */
    private Optional<Sourced<String>> written(Optional<Sourced<String>> goal) {
        return goal.filter(g -> !prose.isInstruction(g.value()));
    }

    private static boolean isValueRole(ColumnRole r) {
        Part p = r.part();
        return p == Part.TARGET || p == Part.ACTUAL || p == Part.ADJUSTED_TARGET || p == Part.WEIGHT
                || p == Part.SCORE;
    }

    private Finding unreadable(Line.Cells line, List<Cell> cells, String why) {
        SourceRef ref = line.ref(cells.get(0));
        return new Finding(FindingCode.INDICATOR_ROW_UNREADABLE.id(), Severity.WARNING, "indicators", "", "",
                "indicator row at " + ref.describe() + " left out: " + why + "; cells "
                        + cells.stream().map(Cell::text).toList(), Optional.of(ref));
    }

    /** The level-1 block a level-2 name belongs to (数量指标 → 产出指标); empty if it is not a national name. */
    private String levelOneFromLevelTwo(String level2) {
        return dictionary.lookup(level2).map(LEVEL1_OF::get)
                .map(f -> dictionary.variants(f).get(0)).orElse("");
    }

    /**
     * The indicator rows to keep. A report may print its indicators twice (section tables and an
     * annex with more columns, seed 002): the shape naming the most columns wins, the later on a tie.
     */
    private Optional<Segment> chosenSegment() {
        Segment best = null;
        for (Segment s : segments.values()) {
            if (s.rows.isEmpty() && s.findings.isEmpty()) {
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
                || dictionary.is(r.level3().text(), Field.EXECUTION_RATE);
    }

    // ---- building the record ----

    private Result<ProjectRecord> build(String sourceFile, String recordKey, int formIndex) {
        Optional<Segment> segment = chosenSegment();
        if (segment.isEmpty()) {
            if (unmatchedHeader.isPresent()) {
                return Result.failed(sourceFile, Stage.EXTRACT, TEMPLATE_UNMATCHED, String.format(Locale.ROOT,
                        "form %d: the indicator header %s names no target and no actual column, which every "
                                + "template needs", formIndex, unmatchedHeader.get()));
            }
            return Result.failed(sourceFile, Stage.EXTRACT, NOT_A_FORM,
                    "this part of the document holds no indicator table");
        }
        Segment seg = segment.get();
        traits.addAll(traitsOf(seg.shape));
        Optional<Template> chosen = templates.choose(traits);
        if (chosen.isEmpty()) {
            return Result.failed(sourceFile, Stage.EXTRACT, TEMPLATE_UNMATCHED, String.format(Locale.ROOT,
                    "form %d: no template explains the indicator header %s (its roles: %s)", formIndex,
                    seg.shape.columns().stream().map(HeaderModel.Column::label).toList(),
                    seg.shape.signature().stream().map(ColumnRole::id).toList()));
        }
        Template template = chosen.get();
        List<Indicator> indicators = new ArrayList<>();
        Optional<Row> budgetRow = Optional.empty();
        int parent = 0;
        for (Row r : seg.rows) {
            if (isBudgetRow(r)) {
                budgetRow = Optional.of(r);
                continue;
            }
            ColumnRole scoreRole = reportedScoreRole(r.header());
            boolean scored = r.cells().value(ColumnRole.of(Part.WEIGHT)).isPresent()
                    || r.cells().value(ColumnRole.of(Part.WEIGHT, Qualifier.PERCENT)).isPresent()
                    || r.cells().value(scoreRole).isPresent();
            boolean sub = parent > 0 && !scored && prose.isSubRow(r.level3().text());
            int index = indicators.size() + 1;
            indicators.add(indicator(index, r, sub ? Optional.of(parent) : Optional.empty()));
            if (!sub) {
                parent = index;
            }
        }
        if (indicators.stream().anyMatch(Indicator::isSubRow)) {
            traits.add("rows.sub");
            chosen = templates.choose(traits);
            template = chosen.orElse(template);
        }
        List<Finding> findings = new ArrayList<>(seg.findings);
        findings.addAll(rebuildFindings);
        boolean hasScores = seg.shape.hasScores() && template.hasScores();
        if (!hasScores) {
            findings.add(new Finding(FindingCode.SCORES_ABSENT.id(), Severity.INFO, "indicators", "", "",
                    "the form has no weight (分值) or score (得分) columns: weights and scores stay blank and "
                            + "nothing is recomputed", Optional.empty()));
        }
        Funds funds = funds(budgetRow);
        Optional<Sourced<BigDecimal>> total = totalScore.or(() -> narrativeNumber(NarrativeFigure.Kind.TOTAL_SCORE));
        if (hasScores && total.isEmpty() && !indicators.isEmpty() && seg.levelWithoutRows.isPresent()) {
            Sourced<String> last = seg.levelWithoutRows.get();
            findings.add(new Finding(FindingCode.INDICATOR_TABLE_CUT_OFF.id(), Severity.WARNING, "indicators",
                    last.value(), "", "the indicator table ends on the level heading '" + last.value()
                            + "' with no indicator under it, and the form states no total score: its text was "
                            + "most likely cut off, and the weights and the computed total cover only the "
                            + indicators.size() + " indicators read", Optional.of(last.source())));
        }
        Optional<Sourced<String>> gradeReported = grade.or(() -> narrative.stream()
                .filter(n -> n.kind() == NarrativeFigure.Kind.GRADE)
                .findFirst().map(n -> new Sourced<>(n.text(), n.source())));
        Optional<Sourced<String>> department = Optional.ofNullable(header.get(Field.DEPARTMENT));
        Optional<Sourced<String>> name = Optional.ofNullable(header.get(Field.PROJECT_NAME));
        if (name.isEmpty() && template.nameFromDepartment()) {
            name = department;
        }
        Optional<Sourced<Integer>> formYear = year;
        if (name.isEmpty() && proseName.isPresent()) {
            name = proseName;
            formYear = year.or(() -> proseYear);
        }
        FormLayout layout = new FormLayout(template.kind(), template.id(), hasScores);
        return Result.ok(new ProjectRecord(recordKey + "-" + formIndex, sourceFile, formIndex, name, formYear,
                department, Optional.ofNullable(header.get(Field.IMPLEMENTER)),
                funds, new Goals(written(goalExpected), written(goalAchieved), regionalGoals), indicators, totalWeight, total,
                gradeReported, narrative, layout, Optional.ofNullable(header.get(Field.CENTRAL_DEPARTMENT)),
                budgetReview, totalReview, findings));
    }

    /** The traits of a header that templates are recognised by: its roles, and its column order. */
    private Set<String> traitsOf(HeaderModel h) {
        Set<String> t = new LinkedHashSet<>();
        for (HeaderModel.Column c : h.columns()) {
            t.add(c.role().id());
            t.add(c.role().part().name().toLowerCase(Locale.ROOT));
        }
        if (!h.hasScores()) {
            t.add("scores.none");
        }
        int target = firstCol(h, Part.TARGET);
        int actual = firstCol(h, Part.ACTUAL);
        if (target >= 0 && actual >= 0 && actual < target) {
            t.add("columns.actual_first");
        }
        if (fundsHeader.isPresent() && fundsHeader.get().isVariant()) {
            t.add("funds.variant");
        }
        return t;
    }

    private static int firstCol(HeaderModel h, Part part) {
        return h.columns().stream().filter(c -> c.role().part() == part).mapToInt(HeaderModel.Column::col)
                .min().orElse(-1);
    }

    /** The column that holds the reported score: 折算得分 where the form weights item scores, else 得分. */
    private ColumnRole reportedScoreRole(HeaderModel h) {
        ColumnRole converted = ColumnRole.of(Part.SCORE, Qualifier.CONVERTED);
        return h.has(converted) ? converted : ColumnRole.of(Part.SCORE);
    }

    private Optional<Sourced<BigDecimal>> narrativeNumber(NarrativeFigure.Kind kind) {
        return narrative.stream().filter(n -> n.kind() == kind).findFirst()
                .flatMap(n -> measures.number(n.text()).map(v -> new Sourced<>(v, n.source())));
    }

    private Indicator indicator(int index, Row r, Optional<Integer> parentIndex) {
        RowGrammar.Assigned a = r.cells();
        Line.Cells line = r.line();
        HeaderModel h = r.header();
        Optional<Sourced<String>> target = joined(a, h, Part.TARGET, line);
        Optional<Sourced<String>> adjusted = joined(a, h, Part.ADJUSTED_TARGET, line);
        Optional<Sourced<String>> actual = joined(a, h, Part.ACTUAL, line);
        Optional<Sourced<BigDecimal>> weight = number(a.value(ColumnRole.of(Part.WEIGHT))
                .or(() -> a.value(ColumnRole.of(Part.WEIGHT, Qualifier.PERCENT))), line);
        Optional<Sourced<BigDecimal>> score = number(a.value(reportedScoreRole(h)), line);
        IndicatorDetails details = new IndicatorDetails(r.level1Weight(),
                number(a.value(ColumnRole.of(Part.SCORE, Qualifier.ITEM)), line),
                number(a.value(ColumnRole.of(Part.SCORE, Qualifier.REVIEW)), line),
                number(a.value(ColumnRole.of(Part.SCORE_COEFFICIENT)), line),
                coreIndicator(a, h, line),
                r.task().isEmpty() ? Optional.empty() : Optional.of(new Sourced<>(r.task(), r.ref())),
                text(a.value(ColumnRole.of(Part.REASON, Qualifier.MEASURE)), line),
                text(a.value(ColumnRole.of(Part.CRITERION)), line));
        return new Indicator(index, r.level1(), r.level2(), r.level3().text(),
                target, adjusted, actual, weight, score,
                text(a.value(ColumnRole.of(Part.REASON, Qualifier.DEVIATION)), line),
                text(a.value(ColumnRole.of(Part.COMPLETION_RATE)), line),
                parse(target), parse(adjusted), parse(actual), r.ref(), parentIndex, details);
    }

    /**
     * A target, adjusted target or actual: its own column, or the pieces the header splits it into
     * (指标性质 | 指标值 | 度量单位), or its column with the row's shared 指标性质 and 计量单位 columns.
     * Pieces join without a separator ({@code ≥ | 900 | 人} is {@code ≥900人}); a nature word
     * ({@code 定性}, {@code 正向}) is no comparator and is dropped; a unit is added only to a bare number
     * ({@code 100%} under {@code 人} stays {@code 100%}); a placeholder ({@code /}) is no value.
     */
    private Optional<Sourced<String>> joined(RowGrammar.Assigned a, HeaderModel h, Part part, Line.Cells line) {
        Optional<Cell> whole = a.value(ColumnRole.of(part));
        Optional<Cell> value = whole.or(() -> a.value(ColumnRole.of(part, Qualifier.VALUE)));
        if (value.isEmpty() || value.get().isBlank()
                || part == Part.ADJUSTED_TARGET && prose.isPlaceholder(value.get().text())) {
            // An adjusted target of "/" means the target was not adjusted.
            return Optional.empty();
        }
        Optional<Cell> comparator = part == Part.ACTUAL ? Optional.empty()
                : a.value(ColumnRole.of(part, Qualifier.COMPARATOR)).or(() -> a.value(ColumnRole.of(Part.COMPARATOR)));
        Optional<Cell> unit = a.value(ColumnRole.of(part, Qualifier.UNIT)).or(() -> a.value(ColumnRole.of(Part.UNIT)));
        String v = value.get().text();
        if (comparator.isEmpty() && unit.isEmpty()) {
            return Optional.of(new Sourced<>(v, line.ref(value.get())));
        }
        StringBuilder out = new StringBuilder();
        comparator.map(Cell::text).filter(c -> !grammar.isNatureWord(c) && !prose.isPlaceholder(c)).ifPresent(out::append);
        out.append(v);
        if (unit.isPresent() && !prose.isPlaceholder(unit.get().text())
                && measures.parse(v).kind() == Measure.Kind.NUMBER) {
            out.append(unit.get().text());
        }
        return Optional.of(new Sourced<>(out.toString(), line.ref(value.get())));
    }

    /** 是否核心指标: 是 or a tick is true; 否, a cross or an empty cell in the column is false. */
    private Optional<Sourced<Boolean>> coreIndicator(RowGrammar.Assigned a, HeaderModel h, Line.Cells line) {
        if (!h.has(Part.CORE_INDICATOR)) {
            return Optional.empty();
        }
        Optional<Cell> cell = a.value(ColumnRole.of(Part.CORE_INDICATOR));
        boolean yes = cell.filter(c -> dictionary.is(c.text(), Field.YES) || prose.isYesMark(c.text())).isPresent();
        SourceRef ref = cell.map(line::ref).orElseGet(() -> line.ref(a.level3().orElseThrow()));
        return Optional.of(new Sourced<>(yes, ref));
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
    private static Optional<Sourced<String>> text(Optional<Cell> cell, Line.Cells line) {
        if (cell.isEmpty() || cell.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Sourced<>(cell.get().text(), line.ref(cell.get())));
    }

    private Optional<Sourced<BigDecimal>> number(Optional<Cell> cell, Line.Cells line) {
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        return measures.number(cell.get().text()).map(n -> new Sourced<>(n, line.ref(cell.get())));
    }

    private Funds funds(Optional<Row> budgetRow) {
        FundFigures summary = fundLines.stream().filter(l -> l.kind() == FundKind.TOTAL).findFirst()
                .map(FundLine::figures).orElseGet(this::transposedFigures);
        if (budgetRow.isPresent()) {
            RowGrammar.Assigned a = budgetRow.get().cells();
            Line.Cells line = budgetRow.get().line();
            if (summary.budgetWeight().isEmpty()) {
                summary = summary.withBudgetWeight(number(a.value(ColumnRole.of(Part.WEIGHT))
                        .or(() -> a.value(ColumnRole.of(Part.WEIGHT, Qualifier.PERCENT))), line));
            }
            if (summary.budgetScoreReported().isEmpty()) {
                summary = summary.withBudgetScoreReported(number(a.value(reportedScoreRole(budgetRow.get().header())), line));
            }
        }
        if (summary.budgetWeight().isEmpty() && fundsBlockWeight.isPresent()) {
            summary = summary.withBudgetWeight(fundsBlockWeight);
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

    private static Map<Field, Field> levelOneOf() {
        Map<Field, Field> m = new EnumMap<>(Field.class);
        for (Field f : List.of(Field.LEVEL2_QUANTITY, Field.LEVEL2_QUALITY, Field.LEVEL2_TIMELINESS, Field.LEVEL2_COST)) {
            m.put(f, Field.LEVEL1_OUTPUT);
        }
        for (Field f : List.of(Field.LEVEL2_ECONOMIC, Field.LEVEL2_SOCIAL, Field.LEVEL2_ECOLOGICAL, Field.LEVEL2_SUSTAINABLE)) {
            m.put(f, Field.LEVEL1_BENEFIT);
        }
        m.put(Field.LEVEL2_SATISFACTION, Field.LEVEL1_SATISFACTION);
        return Map.copyOf(m);
    }
}
