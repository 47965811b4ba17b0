package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100   | EXCELLENT
            90    | EXCELLENT
            89.99 | GOOD
            89.5  | GOOD
            80    | GOOD
            79.99 | FAIR
            60    | FAIR
            59.99 | POOR
            0     | POOR
            """)
    void nationalBandsIncludeTheirLowerBound(String total, Grade expected) {
        assertEquals(expected, Grade.of(new BigDecimal(total), RuleProfile.national()));
    }

    @Test
    void aProfilesOwnBandsDecide() {
        RuleProfile p = RuleProfile.builder()
                .gradeBands(new BigDecimal("80"), new BigDecimal("70"), new BigDecimal("60")).build();
        assertEquals(Grade.EXCELLENT, Grade.of(new BigDecimal("85"), p));
        assertEquals(Grade.GOOD, Grade.of(new BigDecimal("79.99"), p));
        assertEquals(Grade.POOR, Grade.of(new BigDecimal("59.99"), p));
    }
}
