package org.jixiao.internal.extract;

import org.jixiao.internal.extract.GluedGrammar.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GluedGrammarTest {

    private static final GluedGrammar GRAMMAR = new GluedGrammar(Prose.load());
    /** A glued indicator header written twice in a row, read as one of twenty columns. */
    private static final List<Kind> TWICE_WRITTEN_HEADER = List.of(Kind.WEIGHT, Kind.TARGET, Kind.MEASURE, Kind.SCORE,
            Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.WEIGHT, Kind.TARGET, Kind.MEASURE, Kind.PERCENT, Kind.SCORE, Kind.TEXT,
            Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.WEIGHT, Kind.TARGET, Kind.MEASURE, Kind.SCORE);

    /** The columns after the name of the national form: 年度指标值, 实际完成值, 分值, 得分, 偏差原因. */
    private static final List<Kind> NATIONAL = List.of(Kind.TARGET, Kind.MEASURE, Kind.WEIGHT, Kind.SCORE, Kind.TEXT);

    @Test
    void aWeightAboveEveryBlockOfTheNationalSchemeIsTheDearerCut() {
        // 54.55 is 54.5 | 5 or 5 | 4.55; no indicator outweighs the 50 points of 产出.
        assertNationalRow("示范主体满意度≥89%81%54.55项目招标时间延后，导致进度滞后。",
                "示范主体满意度", "≥89%", "81%", "5", "4.55", "项目招标时间延后，导致进度滞后。");
        assertNationalRow("档案资料完整率93%88%98.52实际需求低于年初预计。",
                "档案资料完整率", "93%", "88%", "9", "8.52", "实际需求低于年初预计。");
    }

    @Test
    void aPartOfTheRowBeforeStatesItsValuesButNoWeightOrScore() {
        // Both 其中 rows are ≥2个 | 2个 with empty figures: neither ≥2个 | | 2 | | 个 (a part scored),
        // nor 2个其 | 中:农村 (a unit going on past the line's end into the next row's name).
        assertEquals(List.of(
                        List.of("建设农业科技示范基地", "≥4个", "4个", "8", "8", ""),
                        List.of("其中:城区", "≥2个", "2个", "", "", ""),
                        List.of("其中:农村", "≥2个", "2个", "", "", "")),
                onlyReading(NATIONAL, "建设农业科技示范基地≥4个4个88", "其中:城区≥2个2个", "其中:农村≥2个2个"));
    }

    @Test
    void qualitativeValuesOfTheDomainEndTheNameBeforeThem() {
        assertNationalRow("农技服务覆盖面有效扩大达成年度指标77",
                "农技服务覆盖面", "有效扩大", "达成年度指标", "7", "7", "");
        assertNationalRow("化肥农药使用量逐步减少已达成88",
                "化肥农药使用量", "逐步减少", "已达成", "8", "8", "");
    }

    @Test
    void aNameMayBeginWithAFigureRightAfterTheFiguresThatEndTheLineBefore() {
        // Columns swapped (实际完成值 before 年度指标值). 33 then 65岁…: the line's end parts them.
        List<Kind> swapped = List.of(Kind.MEASURE, Kind.TARGET, Kind.WEIGHT, Kind.SCORE, Kind.TEXT, Kind.TEXT);
        assertEquals(List.of(
                        List.of("居民电子健康档案建档人数", "197061人", "≥173500人", "3", "3", "", ""),
                        List.of("65岁及以上老年人健康管理人数", "100%", "12000人", "4", "4", "", "")),
                onlyReading(swapped, "居民电子健康档案建档人数197061人≥173500人33", "65岁及以上老年人健康管理人数100%12000人44"));
    }

    @Test
    void aValueKeepsItsDegreeWordAndItsWholeQualityWord() {
        List<Kind> swapped = List.of(Kind.MEASURE, Kind.TARGET, Kind.WEIGHT, Kind.SCORE, Kind.TEXT, Kind.TEXT);
        // 已 belongs to 达成, not to the name; 有效提升 is one word of the list, not 较好有效 | 提升.
        assertEquals(List.of(List.of("项目支出控制", "已达成", "控制在预算范围内", "3", "3", "", "")),
                onlyReading(swapped, "项目支出控制已达成控制在预算范围内33"));
        assertEquals(List.of(List.of("居民健康素养水平", "较好", "有效提升", "5", "4.5", "受疫情影响。", "加快资金支付进度。")),
                onlyReading(swapped, "居民健康素养水平较好有效提升54.5受疫情影响。加快资金支付进度。"));
    }

    @Test
    void noCellOfWordsBeginsWithTheMarkThatClosesTheFigureBefore() {
        // 无分值 form: 年度指标值 | 实际完成值 | 偏差原因. 88.84%实际需求… is 88.84% | 实际需求…, not 88.84 | %实际需求….
        assertEquals(List.of(List.of("适龄儿童免疫规划疫苗接种率", "≥93%", "88.84%", "实际需求低于年初预计,下一年度将科学合理设定指标值。")),
                onlyReading(List.of(Kind.TARGET, Kind.MEASURE, Kind.TEXT),
                        "适龄儿童免疫规划疫苗接种率≥93%88.84%实际需求低于年初预计,下一年度将科学合理设定指标值。"));
    }

    /** {@code line}, one row of the national form glued, has one reading: {@code cells}, blank cells as "". */
    private static void assertNationalRow(String line, String... cells) {
        assertEquals(List.of(List.of(cells)), onlyReading(NATIONAL, line));
    }

    /** The cells of the one reading of {@code lines} glued (each line a row), blank cells as "". */
    private static List<List<String>> onlyReading(List<Kind> kinds, String... lines) {
        String text = String.join("", lines);
        boolean[] breaks = new boolean[text.length() + 1];
        int at = 0;
        for (String line : lines) {
            breaks[at] = true;
            at += line.length();
        }
        breaks[text.length()] = true;
        List<GluedGrammar.Reading> readings = GRAMMAR.indicatorRun(text, breaks, 0, text.length(), kinds, Optional.empty())
                .readings();
        assertEquals(1, readings.size(), () -> "readings: " + readings.stream().map(r -> cells(text, r)).toList());
        return cells(text, readings.get(0));
    }

    private static List<List<String>> cells(String text, GluedGrammar.Reading reading) {
        return reading.rows().stream()
                .map(row -> row.stream().map(c -> c.blank() ? "" : text.substring(c.from(), c.to())).toList())
                .toList();
    }

    @Test
    void aRunTooAmbiguousToReadIsGivenUpWithinItsStateBound() {
        // A glued page whose indicator header was written twice in a row (a page break, a copy
        // pasted twice) is read as one header of twenty columns, three weight-score groups among
        // them: Xinzhou's first row under it has so many readings that the search's states, each
        // holding the cells read so far, filled a 176 MB heap and stopped the whole batch.
        GluedGrammar.Run run = xinzhouRowUnderTwiceWrittenHeader();

        List<GluedGrammar.Reading> readings = run.readings();

        assertTrue(run.states() <= 150_001, "states held: " + run.states());
        assertTrue(readings.isEmpty(), "a run too ambiguous to read is reported, not guessed");
    }

    @Test
    void aRunWhoseThreadWasInterruptedStopsSearching() {
        // A batch that gave up waiting for a file interrupts its thread; the search must then end
        // and let go of its states rather than run on, abandoned, holding the shared heap.
        GluedGrammar.Run run = xinzhouRowUnderTwiceWrittenHeader();

        Thread.currentThread().interrupt();
        List<GluedGrammar.Reading> readings;
        try {
            readings = run.readings();
        } finally {
            Thread.interrupted();
        }

        assertTrue(run.states() < 100_000, "states held: " + run.states());
        assertTrue(readings.isEmpty());
    }

    /** Xinzhou's first row under the twice-written header: a run with more readings than the search may hold. */
    private static GluedGrammar.Run xinzhouRowUnderTwiceWrittenHeader() {
        String text = "保障全市各类信息系统安全、稳定、可靠地运行10持续95%9.5";
        return GRAMMAR.indicatorRun(text, new boolean[text.length() + 1], 0, text.length(), TWICE_WRITTEN_HEADER,
                Optional.empty());
    }
}
