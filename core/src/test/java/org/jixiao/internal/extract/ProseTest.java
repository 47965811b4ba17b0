package org.jixiao.internal.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Figures found in report prose, as the extractor sees it (after normalization). */
class ProseTest {

    private static final Prose PROSE = Prose.load();

    /** Seed 000's conclusion, normalized as the extractor receives it (NFKC turns the colon half-width). */
    private static final String SEED_000_CONCLUSION = "综合考虑预算执行情况、产出、效益、服务对象满意度各方面因素,通过数据采集及分析,"
            + "最终评分结果:忻州市政府信息化建设经费项目绩效自评价结果为:总得分89.5分,属于\"良好\"。";

    @Test
    void readsTheTotalAndGradeOfASeedConclusion() {
        assertEquals(Optional.of("89.5"), PROSE.total(SEED_000_CONCLUSION));
        assertEquals(Optional.of("良好"), PROSE.grade(SEED_000_CONCLUSION));
        assertEquals(Optional.empty(), PROSE.executionRate(SEED_000_CONCLUSION));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            年度预算执行完成率71.24%,较上年提高                     | 71.24
            预算执行率73.01%                                       | 73.01
            资金到位后及时拨付,执行率为68.04%                       | 68.04
            全年执行率达 95 %                                       | 95
            执行率未达到预期,预算执行完成率为 80.5%                 | 80.5
            """)
    void readsTheExecutionRateWhereverItStands(String text, String rate) {
        assertEquals(Optional.of(rate), PROSE.executionRate(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "总分说明:见附表,自评总分为92分",
            "项目总分值100分,综合得分:88.25分",
    })
    void findsTheTotalAfterAnEarlierMentionThatIsNotOne(String text) {
        assertTrue(PROSE.total(text).isPresent(), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "项目管理规范", "执行率", "总得分待定", "等级为A"})
    void findsNothingWhereThereIsNoFigure(String text) {
        assertEquals(Optional.empty(), PROSE.total(text));
        assertEquals(Optional.empty(), PROSE.grade(text));
        assertEquals(Optional.empty(), PROSE.executionRate(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            (?:总得分|自评总分|总分)(?:为|是|:)?\\s*(\\d+)\\s*分 => 总得分,自评总分,总分
            (?:属于|等级:)\\s*(优秀|良好)                          => 属于,等级:
            (?:^|[(\\[:])\\s*((?:19|20)\\d{2})\\s*年度?        => ''
            (?:\\(|单位:)\\s*([千万亿]?元)                         => ''
            (?:执行率|率+)(\\d+)%                                  => ''
            执行率(\\d+)%                                          => ''
            """)
    void startWordsAreTheLeadingGroupOfPlainWords(String regex, String words) {
        assertEquals(words.isEmpty() ? List.of() : List.of(words.split(",")), Prose.startWords(regex));
    }

    /** The three prose patterns open with their words, so a paragraph is searched from the first one only. */
    @ParameterizedTest
    @ValueSource(strings = {"prose.total", "prose.grade", "prose.execution_rate"})
    void theProsePatternsOpenWithStartWords(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Prose.class.getResourceAsStream("prose.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertTrue(Prose.startWords(p.getProperty(key)).size() >= 5, p.getProperty(key));
    }
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            对照年度目标,说明相关任务目标的完成情况(100字以内)         | true
            简要说明项目实施内容及过程(限200字)                           | true
            填写偏差原因(50字)                                            | true
            全年完成道路硬化5.7公里,群众出行条件明显改善(详见附件)        | false
            按要求完成全部采购任务,满意度达到95%以上                      | false
            """)
    void tellsATemplatesInstructionFromAWrittenText(String text, boolean instruction) {
        assertEquals(instruction, PROSE.isInstruction(text));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            指标2            | true
            指标1:           | true
            指标12           | true
            指标1工程完工率  | false
            工程指标2        | false
            """)
    void tellsAnEmptyTemplateSlotFromANamedIndicator(String text, boolean slot) {
        assertEquals(slot, PROSE.isEmptySlot(text));
    }
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            说明无注:        | true
            备注：           | true
            说明:            | true
            注册企业说明:    | true
            注:              | true
            指标1:           | false
            注册企业数量     | false
            工程说明书编制   | false
            """)
    void tellsTheWordThatOpensANoteFromAName(String text, boolean note) {
        assertEquals(note, PROSE.isNoteLead(text));
    }
}
