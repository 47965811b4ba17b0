package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.Field;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jixiao.internal.normalize.Field.BUDGET_SCORE;
import static org.jixiao.internal.normalize.Field.BUDGET_WEIGHT;
import static org.jixiao.internal.normalize.Field.EXECUTED;
import static org.jixiao.internal.normalize.Field.EXECUTION_RATE;
import static org.jixiao.internal.normalize.Field.FULL_YEAR_BUDGET;
import static org.jixiao.internal.normalize.Field.INITIAL_BUDGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundGapsTest {

    /** 年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分, the national funds header. */
    private static final List<Field> NATIONAL = List.of(INITIAL_BUDGET, FULL_YEAR_BUDGET, EXECUTED, BUDGET_WEIGHT,
            EXECUTION_RATE, BUDGET_SCORE);

    /** The values as a page's text row has them; "-" a placeholder. */
    private static List<Optional<BigDecimal>> values(String row) {
        return Arrays.stream(row.split(" "))
                .map(v -> v.equals("-") ? Optional.<BigDecimal>empty() : Optional.of(new BigDecimal(v)))
                .toList();
    }

    @Test
    void aMissingRateIsTheOnlyGapTheFiguresAllow() {
        // 年度资金总额: 880 880 880 10 10 — a weight of 880 is impossible, and a rate of 10 disagrees
        // with 880 of 880 executed; only the empty rate leaves every figure possible.
        FundGaps.Reading r = FundGaps.read(NATIONAL, values("880 880 880 10 10")).orElseThrow();

        assertEquals(Map.of(INITIAL_BUDGET, 0, FULL_YEAR_BUDGET, 1, EXECUTED, 2, BUDGET_WEIGHT, 3, BUDGET_SCORE, 4),
                r.valueOf());
        assertFalse(r.ambiguous());
    }

    @Test
    void aLastScoreUnder自评分And复核分IsTheFormsOwn() {
        // Hubei's header ends 自评分 | 复核分; the reviewer's column is often left empty, the form's
        // own never: 934.73 1121.68 1121.68 10 100% 10 gives its last 10 to 自评分.
        List<Field> hubei = List.of(INITIAL_BUDGET, FULL_YEAR_BUDGET, EXECUTED, BUDGET_WEIGHT, EXECUTION_RATE,
                BUDGET_SCORE, Field.REVIEW_SCORE);
        FundGaps.Reading r = FundGaps.read(hubei, values("934.73 1121.68 1121.68 10 100 10")).orElseThrow();

        assertEquals(5, r.valueOf().get(BUDGET_SCORE));
        assertEquals(null, r.valueOf().get(Field.REVIEW_SCORE));
        assertFalse(r.ambiguous());
    }

    @Test
    void placeholdersTakeAHeadingButFillNone() {
        // 其中:本年财政拨款 880 880 880 - -: the dashes may stand under any two of 分值, 执行率, 得分.
        FundGaps.Reading r = FundGaps.read(NATIONAL, values("880 880 880 - -")).orElseThrow();

        assertEquals(Map.of(INITIAL_BUDGET, 0, FULL_YEAR_BUDGET, 1, EXECUTED, 2), r.valueOf());
        assertFalse(r.ambiguous(), "no figure moves between headings");
    }

    @Test
    void headingsTheReadingsDisagreeOnStayBlank() {
        // 100 90 10 90 9: the missing cell may be either budget, the executed amount or the rate
        // (a weight of 90 with a score of 9 is possible too): only the score is certain.
        FundGaps.Reading r = FundGaps.read(NATIONAL, values("100 90 10 90 9")).orElseThrow();

        assertEquals(Map.of(BUDGET_SCORE, 4), r.valueOf());
        assertTrue(r.ambiguous());
    }

    @Test
    void aRateWrittenAsARatioAgreesWithTheAmounts() {
        // 全年预算数 全年执行数 分值 执行率 得分 with 200 150 0.75 7.5: 0.75 is 150 of 200 as a ratio,
        // so the weight is the missing cell (a weight of 0.75 would be below its score of 7.5).
        List<Field> headings = List.of(FULL_YEAR_BUDGET, EXECUTED, BUDGET_WEIGHT, EXECUTION_RATE, BUDGET_SCORE);
        FundGaps.Reading r = FundGaps.read(headings, values("200 150 0.75 7.5")).orElseThrow();

        assertEquals(Map.of(FULL_YEAR_BUDGET, 0, EXECUTED, 1, EXECUTION_RATE, 2, BUDGET_SCORE, 3), r.valueOf());
        assertFalse(r.ambiguous());
    }

    @Test
    void noReadingWhenNoOrderGivesPossibleFigures() {
        // Every order puts 500 under 分值, 执行率 (against 500 of 500) or 得分.
        assertTrue(FundGaps.read(NATIONAL, values("500 500 500 500 500")).isEmpty());
    }

    @Test
    void aLineWithAValueForEveryHeadingIsNotItsCase() {
        assertTrue(FundGaps.read(NATIONAL, values("880 880 880 10 100 10")).isEmpty());
    }
}
