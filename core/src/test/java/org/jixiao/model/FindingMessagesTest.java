package org.jixiao.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every finding code has a Chinese and an English message; the Chinese one carries the figures. */
class FindingMessagesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(FindingCode.class)
    void everyCodeHasBothMessages(FindingCode code) {
        assertTrue(FindingMessages.knows(code.id()), code.id());
        String zh = FindingMessages.chinese(new Finding(code.id(), Severity.INFO, "f", "1", "2", "english", Optional.empty()));
        assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), zh);
        assertTrue(!zh.contains("{"), "every placeholder filled: " + zh);
        assertTrue(FindingMessages.english(code.id()).matches("[A-Z].*\\."), FindingMessages.english(code.id()));
        assertTrue(FindingMessages.title(code.id()).matches("\\p{IsHan}.* [a-z].*"), FindingMessages.title(code.id()));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"indicator_row_unreadable", "ambiguous_cell", "scores_absent"})
    void theCodesDesignPlansHaveTheirMessagesAlready(String code) {
        assertTrue(FindingMessages.knows(code), code);
    }

    @Test
    void fillsTheFiguresAndMarksAbsentOnes() {
        Finding f = new Finding("budget_score_mismatch", Severity.ERROR, "budget_score", "8.95", "6.80", "…", Optional.empty());
        assertEquals("预算执行得分与计算不符：填报 8.95，按分值×min(执行率,100%)计算为 6.80。", FindingMessages.chinese(f));
        Finding absent = new Finding("grade_mismatch", Severity.ERROR, "grade", "", "中", "…", Optional.empty());
        assertEquals("等级与总分不符：填报 —，按分数段应为 中。", FindingMessages.chinese(absent));
    }

    @Test
    void anUnknownCodeFallsBackToTheEnglishMessage() {
        Finding f = new Finding("no_such_code", Severity.INFO, "x", "", "", "the English sentence", Optional.empty());
        assertEquals("the English sentence", FindingMessages.chinese(f));
        assertEquals("no_such_code", FindingMessages.title("no_such_code"));
    }
}
