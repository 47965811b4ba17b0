package org.jixiao.internal.normalize;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadingDictionaryTest {

    private static final HeadingDictionary DICTIONARY = HeadingDictionary.load(new TextNormalizer());

    /** Every row of the shipped headings.tsv, read independently of the class under test. */
    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = HeadingDictionary.class.getResourceAsStream("headings.tsv")) {
            assertNotNull(in, "missing resource headings.tsv");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            assertEquals("canonical\tvariant", lines[0]);
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] parts = lines[i].split("\t");
                rows.add(Arguments.of(parts[1], Field.valueOf(parts[0].toUpperCase(Locale.ROOT))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void mapsEveryVariantToItsCanonicalField(String variant, Field canonical) {
        assertEquals(Optional.of(canonical), DICTIONARY.lookup(variant));
        assertTrue(DICTIONARY.is(variant, canonical));
        assertTrue(DICTIONARY.variants(canonical).contains(variant));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void toleratesLetterSpacingAndTrailingColonOnEveryVariant(String variant, Field canonical) {
        String spaced = String.join(" ", variant.split(""));
        assertEquals(Optional.of(canonical), DICTIONARY.lookup(spaced), spaced);
        assertEquals(Optional.of(canonical), DICTIONARY.lookup(" " + variant + "\uFF1A"), variant + "\uFF1A");
        assertEquals(Optional.of(canonical), DICTIONARY.lookup(variant + ":"), variant + ":");
    }

    /** Written in traditional characters by ICU itself, every variant still finds its field. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void findsEveryVariantWrittenInTraditionalCharacters(String variant, Field canonical) {
        String traditional = Transliterator.getInstance("Simplified-Traditional").transliterate(variant);
        assertEquals(Optional.of(canonical), DICTIONARY.lookup(traditional), traditional);
    }

    @Test
    void listsEveryFieldAtLeastOnce() {
        Set<Field> listed = EnumSet.noneOf(Field.class);
        rows().forEach(a -> listed.add((Field) a.get()[1]));
        assertEquals(EnumSet.allOf(Field.class), listed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '产 出 指 标'                          | LEVEL1_OUTPUT
        '项目名称：'                           | PROJECT_NAME
        '项目名称:'                            | PROJECT_NAME
        '项目资金（万元）'                     | FUNDS_BLOCK
        '产出指标(50分)'                       | LEVEL1_OUTPUT
        '产出指标（50分）'                     | LEVEL1_OUTPUT
        '效益指标(30.5分)'                     | LEVEL1_BENEFIT
        '分值（分）'                           | WEIGHT
        '执行率(%)'                            | EXECUTION_RATE
        '预算执行率(%)'                        | EXECUTION_RATE
        '年度总金额(万元)'                     | FUND_TOTAL
        '上年结转资金(万元)'                   | FUND_CARRYOVER
        '其他资金(万元)'                       | FUND_OTHER
        '全年预算数（万元）'                   | FULL_YEAR_BUDGET
        '全年执行数(万元)(B)'                  | EXECUTED
        '目标指标'                             | LEVEL3
        '业绩值'                               | ACTUAL
        '指标得分'                             | SCORE
        '完成率'                               | COMPLETION_RATE
        '年初预算资金'                         | INITIAL_BUDGET
        '全年预算资金'                         | FULL_YEAR_BUDGET
        '全年执行资金'                         | EXECUTED
        '实际到位资金'                         | FUNDS_RECEIVED
        '资金结余'                             | BALANCE
        '预算到位率'                           | ARRIVAL_RATE
        '项目实施的和预算执行情况 及分析'       | ANALYSIS_BUDGET
        '产出情况及 分析'                      | ANALYSIS_OUTPUT
        '效益情况及 分析'                      | ANALYSIS_BENEFIT
        '满意度情况 及分析'                    | ANALYSIS_SATISFACTION
        '项目管理中存在的 主要问题及原因分析'   | PROBLEMS
        '下一步改进措施及 管理建议'            | IMPROVEMENTS
        '项目绩效分析'                         | ANALYSIS
        '自评结果分析'                         | ANALYSIS
        '绩效目标'                             | INDICATOR_GROUP
        '其中：中央财政资金'                   | FUND_CENTRAL
        '其中：上年结转资金'                   | FUND_CARRYOVER
        '市县(区)财政资金'                     | FUND_MUNICIPAL
        '1. 项目实施和预算执行情况及分析'       | ANALYSIS_BUDGET
        '2. 产出情况及分析'                    | ANALYSIS_OUTPUT
        '四、项目主要经验做法'                 | EXPERIENCE
        '五、项目管理中存在问题及原因分析'      | PROBLEMS
        '六、进一步加强项目管理措施及建议'      | IMPROVEMENTS
        '三、项目绩效分析'                     | ANALYSIS
        '（二）预算执行情况'                   | FUNDS_BLOCK
        '附件1.项目支出绩效自评表'             | FORM_TITLE
        '項目資金（萬元）'                     | FUNDS_BLOCK
        '調整後指標值'                         | ADJUSTED_TARGET
        '實際完成值'                           | ACTUAL
        '產出指標'                             | LEVEL1_OUTPUT
        '偏差原因分析及改進措施'               | DEVIATION_REASON
        '項目管理中存在的 主要問題及原因分析'   | PROBLEMS
        '年度指標值'                           | TARGET
        '項目名稱：'                           | PROJECT_NAME
        '分值（分）'                           | WEIGHT
        '执行率（％）'                         | EXECUTION_RATE
        '项目资金（万元）'                     | FUNDS_BLOCK
        '实\u3000际\u3000完\u3000成\u3000值'    | ACTUAL
        '优秀'                                 | GRADE_EXCELLENT
        '良好'                                 | GRADE_GOOD
        """)
    void readsHeadingsAsTheFormsWriteThem(String heading, Field expected) {
        assertEquals(Optional.of(expected), DICTIONARY.lookup(heading));
    }

    @ParameterizedTest(name = "{0} is no heading")
    @CsvSource(delimiter = '|', textBlock = """
        '服务对象满意度（%）'
        '异常处理能力（%）'
        '平均日维护数（次/日）'
        '运维项目数'
        '大于等于350个'
        '100%'
        '信息化运行维护费'
        '016山西省行政审批服务管理局'
        '1.各级各部门业务上云数2.信息资源融合部门数'
        '项目名称： 忻州市政府信息化建设经费'
        '业务使用部门以及群众满意度'
        '产出指标(%)'
        ''
        '   '
        """)
    void findsNothingForIndicatorNamesAndValues(String text) {
        assertEquals(Optional.empty(), DICTIONARY.lookup(text));
    }

    @Test
    void findsNothingForNull() {
        assertEquals(Optional.empty(), DICTIONARY.lookup(null));
        assertFalse(DICTIONARY.is(null, Field.PROJECT_NAME));
    }

    @Test
    void tellsWhetherAHeadingIsAField() {
        assertTrue(DICTIONARY.is("调整后指标值", Field.ADJUSTED_TARGET));
        assertFalse(DICTIONARY.is("调整后指标值", Field.TARGET));
    }
}
