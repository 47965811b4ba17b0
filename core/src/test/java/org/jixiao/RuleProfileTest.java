package org.jixiao;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleProfileTest {

    @TempDir
    Path dir;

    @Test
    void nationalProfileHoldsTheRulesOf2020Document10() {
        RuleProfile p = RuleProfile.national();
        assertEquals(0, p.budgetWeight().compareTo(new BigDecimal("10")));
        assertEquals(List.of(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("60")), p.gradeBands());
        assertEquals(RuleProfile.ReverseFormula.RATIO, p.reverseFormula());
        assertEquals(0, p.tolerance().compareTo(new BigDecimal("0.01")));
        assertEquals(List.of(new BigDecimal("0.8"), new BigDecimal("0.6")), p.qualitativeTiers());
        assertTrue(p.capRate());
        assertEquals(RoundingMode.HALF_UP, p.rounding());
    }

    @Test
    void shippedNationalFileEqualsTheBuiltInDefaults() {
        assertEquals(RuleProfile.national(), RuleProfile.builtIn("national").orElseThrow());
    }

    @Test
    void shippedShanxiFileDiffersFromNationalOnlyByName() {
        RuleProfile shanxi = RuleProfile.builtIn("shanxi-2020").orElseThrow();
        assertEquals("shanxi-2020", shanxi.name());
        assertEquals(RuleProfile.builder().name("shanxi-2020").build(), shanxi);
    }

    @Test
    void unknownBuiltInNameIsEmpty() {
        assertTrue(RuleProfile.builtIn("atlantis").isEmpty());
        assertTrue(RuleProfile.builtIn("../national").isEmpty());
    }

    @Test
    void fileOverridesOnlyTheKeysItSets() throws IOException {
        Path file = write("""
                # 某省 2021: 预算执行 20 分
                name=province-x
                budget.weight=20
                grade.bands=80, 70, 60
                reverse.formula=linear
                qualitative.tiers=0.8,0.5
                cap.rate=false
                rounding=down
                """);
        RuleProfile p = RuleProfile.load(file);
        assertEquals("province-x", p.name());
        assertEquals(0, p.budgetWeight().compareTo(new BigDecimal("20")));
        assertEquals(0, p.gradeBands().get(0).compareTo(new BigDecimal("80")));
        assertEquals(0, p.gradeBands().get(1).compareTo(new BigDecimal("70")));
        assertEquals(RuleProfile.ReverseFormula.LINEAR, p.reverseFormula());
        assertEquals(0, p.qualitativeTiers().get(1).compareTo(new BigDecimal("0.5")));
        assertEquals(false, p.capRate());
        assertEquals("7.12", p.display(new BigDecimal("7.1299")));
        assertEquals(0, p.tolerance().compareTo(new BigDecimal("0.01")), "unset key keeps the national value");
    }

    @Test
    void unknownKeyIsRejectedWithTheKeyAndFile() throws IOException {
        Path file = write("budget.wieght=10\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleProfile.load(file));
        assertTrue(e.getMessage().contains("'budget.wieght'"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("grade.bands"), "lists the known keys: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            budget.weight     | ten
            budget.weight     | -5
            grade.bands       | 90,80
            grade.bands       | 60,80,90
            grade.bands       | 120,80,60
            reverse.formula   | cubic
            tolerance         | 0,01
            qualitative.tiers | 0.6,0.8
            qualitative.tiers | 1.2,0.6
            cap.rate          | yes
            rounding          | ceiling
            level1.weights    | 50,30
            """)
    void badValueIsRejectedWithKeyAndValue(String key, String value) throws IOException {
        Path file = write(key + "=" + value + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleProfile.load(file));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> RuleProfile.load(dir.resolve("absent.properties")));
    }

    @Test
    void roundsHalfUpToTwoDecimals() {
        RuleProfile p = RuleProfile.national();
        assertEquals("5.63", p.display(new BigDecimal("5.625")));
        assertEquals("0.08", p.display(new BigDecimal("0.075")));
        assertEquals("0.54", p.display(new BigDecimal("0.535")));
    }

    @Test
    void sumToleranceGrowsWithRowsButNotBelowTheMinimum() {
        RuleProfile p = RuleProfile.national();
        assertEquals(0, p.sumTolerance(3).compareTo(new BigDecimal("0.05")));
        assertEquals(0, p.sumTolerance(36).compareTo(new BigDecimal("0.36")));
    }

    @Test
    void builderRejectsBandsOutOfOrder() {
        RuleProfile.Builder b = RuleProfile.builder()
                .gradeBands(new BigDecimal("80"), new BigDecimal("90"), new BigDecimal("60"));
        assertThrows(IllegalArgumentException.class, b::build);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("profile.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
