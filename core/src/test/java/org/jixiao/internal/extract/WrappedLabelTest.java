package org.jixiao.internal.extract;

import org.jixiao.internal.normalize.HeadingDictionary;
import org.jixiao.internal.normalize.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two one-cell lines of a text export (normalized, as the extractor sees them): one label a narrow cell wrapped, or two things. */
class WrappedLabelTest {

    private static final HeadingDictionary DICTIONARY = HeadingDictionary.load(new TextNormalizer());
    private static final Prose PROSE = Prose.load();

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            一级         | 指标                | 一级指标
            经济效益     | 指标                | 经济效益指标
            可持续影     | 响指标              | 可持续影响指标
            服务对象     | 满意度指标          | 服务对象满意度指标
            满意度指标   | (10分)              | 满意度指标(10分)
            效益指标     | (30分)              | 效益指标(30分)
            数量指标     | 指标1:完成项目数量  | -
            数量指标     | (10分)              | -
            完成年度目标 | 满意度指标          | -
            满意度指标   | 服务对象满意度指标  | -
            产出指标     | 数量指标            | -
            年度         | 指标值              | 年度指标值
            全年         | 执行数              | 全年执行数
            实际         | 完成值              | 实际完成值
            指标1工程完工率 | 指标值           | -
            (50分)       | 数量指标            | -
            """)
    void joinsOnlyWhatIsOneLabel(String first, String second, String joined) {
        assertEquals(Optional.ofNullable(joined), WrappedLabel.join(DICTIONARY, PROSE, first, second));
    }
}
