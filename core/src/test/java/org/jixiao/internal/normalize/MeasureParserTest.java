package org.jixiao.internal.normalize;

import com.ibm.icu.text.RuleBasedNumberFormat;
import org.jixiao.model.Comparator;
import org.jixiao.model.Measure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasureParserTest {

    private final MeasureParser parser = new MeasureParser();

    /**
     * Real value strings: first every distinct target, adjusted target, actual and completion rate
     * of the four corpus expected.json files, then DOMAIN.md section 4 and issue 4, then the
     * corpus funds figures and further spellings of the same vocabulary.
     * Columns: input | kind | comparator | value | unit | label | tier | deadline.
     */
    @ParameterizedTest(name = "{0} -> {1} {2} {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
        '≥1次' | QUANTITY | GE | 1 | '次' | '' | |
        '100%' | PERCENT |  | 100 | '%' | '' | |
        '≥98%' | PERCENT | GE | 98 | '%' | '' | |
        '≤12小时' | QUANTITY | LE | 12 | '小时' | '' | |
        '95%' | PERCENT |  | 95 | '%' | '' | |
        '≥95%' | PERCENT | GE | 95 | '%' | '' | |
        '90%' | PERCENT |  | 90 | '%' | '' | |
        '大于等于350个' | QUANTITY | GE | 350 | '个' | '' | |
        '异常响应时间≤1小时' | QUANTITY | LE | 1 | '小时' | '异常响应时间' | |
        '2021年6月底' | DATE     |    |        | ''        | ''             |   | 2021-06-30
        '小于48.71万元' | QUANTITY | LT | 48.71 | '万元' | '' | |
        '显著' | QUALITATIVE |  |        | ''        | ''             | 1 |
        '小于等于12小时' | QUANTITY | LE | 12 | '小时' | '' | |
        '明显' | QUALITATIVE |  |        | ''        | ''             | 1 |
        '50%' | PERCENT |  | 50 | '%' | '' | |
        '主服务投诉事件≤3件' | QUANTITY | LE | 3 | '件' | '主服务投诉事件' | |
        '10次' | QUANTITY |  | 10 | '次' | '' | |
        '6次' | QUANTITY |  | 6 | '次' | '' | |
        '1725次' | QUANTITY |  | 1725 | '次' | '' | |
        '500次' | QUANTITY |  | 500 | '次' | '' | |
        '391次' | QUANTITY |  | 391 | '次' | '' | |
        '20平方米' | QUANTITY |  | 20 | '平方米' | '' | |
        '33.82平方米' | QUANTITY |  | 33.82 | '平方米' | '' | |
        '4140次' | QUANTITY |  | 4140 | '次' | '' | |
        '1000次' | QUANTITY |  | 1000 | '次' | '' | |
        '934次' | QUANTITY |  | 934 | '次' | '' | |
        '8280本' | QUANTITY |  | 8280 | '本' | '' | |
        '2400本' | QUANTITY |  | 2400 | '本' | '' | |
        '1284本' | QUANTITY |  | 1284 | '本' | '' | |
        '1年' | QUANTITY |  | 1 | '年' | '' | |
        '80个' | QUANTITY |  | 80 | '个' | '' | |
        '52个' | QUANTITY |  | 52 | '个' | '' | |
        '1套' | QUANTITY |  | 1 | '套' | '' | |
        '690次' | QUANTITY |  | 690 | '次' | '' | |
        '200次' | QUANTITY |  | 200 | '次' | '' | |
        '166次' | QUANTITY |  | 166 | '次' | '' | |
        '20次' | QUANTITY |  | 20 | '次' | '' | |
        '4次' | QUANTITY |  | 4 | '次' | '' | |
        '1次' | QUANTITY |  | 1 | '次' | '' | |
        '2次' | QUANTITY |  | 2 | '次' | '' | |
        '100个' | QUANTITY |  | 100 | '个' | '' | |
        '15个' | QUANTITY |  | 15 | '个' | '' | |
        '1批' | QUANTITY |  | 1 | '批' | '' | |
        '50个' | QUANTITY |  | 50 | '个' | '' | |
        '0个' | QUANTITY |  | 0 | '个' | '' | |
        '同比下降5%' | RELATIVE |    | 5      | '%'       | ''             |   |
        '700元/人次' | QUANTITY |  | 700 | '元/人次' | '' | |
        '500元/个' | QUANTITY |  | 500 | '元/个' | '' | |
        '1250元/个' | QUANTITY |  | 1250 | '元/个' | '' | |
        '550000元/套' | QUANTITY |  | 550000 | '元/套' | '' | |
        '469000元/套' | QUANTITY |  | 469000 | '元/套' | '' | |
        '资产总额*5%' | FORMULA  |    |        | ''        | ''             |   |
        '400元/个' | QUANTITY |  | 400 | '元/个' | '' | |
        '15元/次' | QUANTITY |  | 15 | '元/次' | '' | |
        '60000元/平方米' | QUANTITY |  | 60000 | '元/平方米' | '' | |
        '33696.04元/平方米' | QUANTITY |  | 33696.04 | '元/平方米' | '' | |
        '100000元/年' | QUANTITY |  | 100000 | '元/年' | '' | |
        '0.8元/页' | QUANTITY |  | 0.8 | '元/页' | '' | |
        '1000元/项目' | QUANTITY |  | 1000 | '元/项目' | '' | |
        '同比提高' | RELATIVE   |    |        | ''        | ''             |   |
        '更加有序' | TEXT       |    |        | ''        | ''             |   |
        '80%' | PERCENT |  | 80 | '%' | '' | |
        '90' | NUMBER |  | 90 | '' | '' | |
        '100.00%' | PERCENT |  | 100.00 | '%' | '' | |
        '91' | NUMBER |  | 91 | '' | '' | |
        '91%' | PERCENT |  | 91 | '%' | '' | |
        '持续' | QUALITATIVE |  |        | ''        | ''             | 1 |
        '100' | NUMBER |  | 100 | '' | '' | |
        '50' | NUMBER |  | 50 | '' | '' | |
        '70' | NUMBER |  | 70 | '' | '' | |
        '70%' | PERCENT |  | 70 | '%' | '' | |
        '80' | NUMBER |  | 80 | '' | '' | |
        '大于等于350个'                | QUANTITY | GE | 350      | '个'      | '' | |
        '不低于95%'                    | PERCENT  | GE | 95       | '%'       | '' | |
        '≧735人次'                     | QUANTITY | GE | 735      | '人次'    | '' | |
        '1,250'                        | NUMBER   |    | 1250     | ''        | '' | |
        '１２．５'                      | NUMBER   |    | 12.5     | ''        | '' | |
        '三次'                         | QUANTITY |    | 3        | '次'      | '' | |
        '>=90%'                        | PERCENT  | GE | 90       | '%'       | '' | |
        '＞＝90%'                      | PERCENT  | GE | 90       | '%'       | '' | |
        '⩾98%'                         | PERCENT  | GE | 98       | '%'       | '' | |
        '大于90%'                      | PERCENT  | GT | 90       | '%'       | '' | |
        '高于80%'                      | PERCENT  | GT | 80       | '%'       | '' | |
        '超过100人次'                   | QUANTITY | GT | 100      | '人次'    | '' | |
        '> 5个'                        | QUANTITY | GT | 5        | '个'      | '' | |
        '≤3件'                         | QUANTITY | LE | 3        | '件'      | '' | |
        '<=3件'                        | QUANTITY | LE | 3        | '件'      | '' | |
        '＜＝3件'                      | QUANTITY | LE | 3        | '件'      | '' | |
        '≦12小时'                      | QUANTITY | LE | 12       | '小时'    | '' | |
        '不高于5万元'                   | QUANTITY | LE | 5        | '万元'    | '' | |
        '不超过48.71万元'               | QUANTITY | LE | 48.71    | '万元'    | '' | |
        '不多于3次'                     | QUANTITY | LE | 3        | '次'      | '' | |
        '10个工作日以内'                | QUANTITY | LE | 10       | '个工作日' | '' | |
        '1小时以下'                     | QUANTITY | LE | 1        | '小时'    | '' | |
        '控制在48.71万元以内'            | QUANTITY | LE | 48.71    | '万元'    | '' | |
        '<5%'                          | PERCENT  | LT | 5        | '%'       | '' | |
        '小于1%'                       | PERCENT  | LT | 1        | '%'       | '' | |
        '低于3%'                       | PERCENT  | LT | 3        | '%'       | '' | |
        '少于2次'                      | QUANTITY | LT | 2        | '次'      | '' | |
        '=100%'                        | PERCENT  | EQ | 100      | '%'       | '' | |
        '＝100%'                       | PERCENT  | EQ | 100      | '%'       | '' | |
        '═100%'                        | PERCENT  | EQ | 100      | '%'       | '' | |
        '等于100%'                     | PERCENT  | EQ | 100      | '%'       | '' | |
        '不少于350个'                   | QUANTITY | GE | 350      | '个'      | '' | |
        '至少3次'                      | QUANTITY | GE | 3        | '次'      | '' | |
        '达到95%'                      | PERCENT  | GE | 95       | '%'       | '' | |
        '95%以上'                      | PERCENT  | GE | 95       | '%'       | '' | |
        '350个以上'                    | QUANTITY | GE | 350      | '个'      | '' | |
        '90%及以上'                    | PERCENT  | GE | 90       | '%'       | '' | |
        '不低于 95 %'                  | PERCENT  | GE | 95       | '%'       | '' | |
        '≥100百分比'                   | PERCENT  | GE | 100      | '%'       | '' | |
        '满意度≥90%'                   | PERCENT  | GE | 90       | '%'       | '满意度' | |
        '满意度不低于90%'               | PERCENT  | GE | 90       | '%'       | '满意度' | |
        '群众满意度达到80%以上'          | PERCENT  | GE | 80       | '%'       | '群众满意度' | |
        '响应时间≤30分钟'               | QUANTITY | LE | 30       | '分钟'    | '响应时间' | |
        '故障处理时间不超过2小时'         | QUANTITY | LE | 2        | '小时'    | '故障处理时间' | |
        '異常響應時間≤1小時'             | QUANTITY | LE | 1        | '小时'    | '异常响应时间' | |
        '17049.23'                     | NUMBER   |    | 17049.23 | ''        | '' | |
        '11601.09'                     | NUMBER   |    | 11601.09 | ''        | '' | |
        '68.04'                        | NUMBER   |    | 68.04    | ''        | '' | |
        '8.95'                         | NUMBER   |    | 8.95     | ''        | '' | |
        '378.65'                       | NUMBER   |    | 378.65   | ''        | '' | |
        '269.78'                       | NUMBER   |    | 269.78   | ''        | '' | |
        '71.25'                        | NUMBER   |    | 71.25    | ''        | '' | |
        '7.12'                         | NUMBER   |    | 7.12     | ''        | '' | |
        '3130.4'                       | NUMBER   |    | 3130.4   | ''        | '' | |
        '2428.53'                      | NUMBER   |    | 2428.53  | ''        | '' | |
        '82.08'                        | NUMBER   |    | 82.08    | ''        | '' | |
        '97.12'                        | NUMBER   |    | 97.12    | ''        | '' | |
        '0'                            | NUMBER   |    | 0        | ''        | '' | |
        '0.00%'                        | PERCENT  |    | 0        | '%'       | '' | |
        '１７０４９．２３'               | NUMBER   |    | 17049.23 | ''        | '' | |
        '６８．０４％'                  | PERCENT  |    | 68.04    | '%'       | '' | |
        '1,250.50'                     | NUMBER   |    | 1250.5   | ''        | '' | |
        '12,345,678'                   | NUMBER   |    | 12345678 | ''        | '' | |
        '１，２５０'                    | NUMBER   |    | 1250     | ''        | '' | |
        '１００％'                      | PERCENT  |    | 100      | '%'       | '' | |
        '３５０个'                      | QUANTITY |    | 350      | '个'      | '' | |
        '+5'                           | NUMBER   |    | 5        | ''        | '' | |
        '-5%'                          | PERCENT  |    | -5       | '%'       | '' | |
        '387664.62元'                  | QUANTITY |    | 387664.62 | '元'     | '' | |
        '3万'                          | NUMBER   |    | 30000    | ''        | '' | |
        '1.2亿'                        | NUMBER   |    | 120000000 | ''       | '' | |
        '3万元'                        | QUANTITY |    | 3        | '万元'    | '' | |
        '1.2亿元'                      | QUANTITY |    | 1.2      | '亿元'    | '' | |
        '3万人次'                      | QUANTITY |    | 30000    | '人次'    | '' | |
        '2.5万平方米'                   | QUANTITY |    | 25000    | '平方米'  | '' | |
        '十'                           | NUMBER   |    | 10       | ''        | '' | |
        '十二'                         | NUMBER   |    | 12       | ''        | '' | |
        '二十'                         | NUMBER   |    | 20       | ''        | '' | |
        '一百零五'                      | NUMBER   |    | 105      | ''        | '' | |
        '三百五十个'                    | QUANTITY |    | 350      | '个'      | '' | |
        '两个'                         | QUANTITY |    | 2        | '个'      | '' | |
        '一千二百人次'                  | QUANTITY |    | 1200     | '人次'    | '' | |
        '一万七千零四十九点二三'          | NUMBER   |    | 17049.23 | ''        | '' | |
        '一万七千〇四十九点二三'          | NUMBER   |    | 17049.23 | ''        | '' | |
        '壹万柒仟零肆拾玖'               | NUMBER   |    | 17049    | ''        | '' | |
        '贰拾'                         | NUMBER   |    | 20       | ''        | '' | |
        '叁佰伍拾个'                    | QUANTITY |    | 350      | '个'      | '' | |
        '三点五'                       | NUMBER   |    | 3.5      | ''        | '' | |
        '零'                           | NUMBER   |    | 0        | ''        | '' | |
        '二〇二一'                      | NUMBER   |    | 2021     | ''        | '' | |
        '五万'                         | NUMBER   |    | 50000    | ''        | '' | |
        '十万元'                       | QUANTITY |    | 10       | '万元'    | '' | |
        '三万元'                       | QUANTITY |    | 3        | '万元'    | '' | |
        '百分之九十'                    | PERCENT  |    | 90       | '%'       | '' | |
        '百分之九十五点五'               | PERCENT  |    | 95.5     | '%'       | '' | |
        '百分之95'                     | PERCENT  |    | 95       | '%'       | '' | |
        '千分之五'                     | QUANTITY |    | 5        | '‰'       | '' | |
        '两年'                         | QUANTITY |    | 2        | '年'      | '' | |
        '三个月'                       | QUANTITY |    | 3        | '个月'    | '' | |
        '一批'                         | QUANTITY |    | 1        | '批'      | '' | |
        '一套'                         | QUANTITY |    | 1        | '套'      | '' | |
        '一年'                         | QUANTITY |    | 1        | '年'      | '' | |
        '十五天'                       | QUANTITY |    | 15       | '天'      | '' | |
        '不低于百分之九十'               | PERCENT  | GE | 90       | '%'       | '' | |
        '大于等于三百五十个'             | QUANTITY | GE | 350      | '个'      | '' | |
        '5‰'                           | QUANTITY |    | 5        | '‰'       | '' | |
        '12小时'                       | QUANTITY |    | 12       | '小时'    | '' | |
        '20天'                         | QUANTITY |    | 20       | '天'      | '' | |
        '3日'                          | QUANTITY |    | 3        | '日'      | '' | |
        '6个月'                        | QUANTITY |    | 6        | '个月'    | '' | |
        '2年'                          | QUANTITY |    | 2        | '年'      | '' | |
        '3台'                          | QUANTITY |    | 3        | '台'      | '' | |
        '5件'                          | QUANTITY |    | 5        | '件'      | '' | |
        '2家'                          | QUANTITY |    | 2        | '家'      | '' | |
        '10人'                         | QUANTITY |    | 10       | '人'      | '' | |
        '100户'                        | QUANTITY |    | 100      | '户'      | '' | |
        '5篇'                          | QUANTITY |    | 5        | '篇'      | '' | |
        '3场'                          | QUANTITY |    | 3        | '场'      | '' | |
        '4期'                          | QUANTITY |    | 4        | '期'      | '' | |
        '50吨'                         | QUANTITY |    | 50       | '吨'      | '' | |
        '10公里'                       | QUANTITY |    | 10       | '公里'    | '' | |
        '200米'                        | QUANTITY |    | 200      | '米'      | '' | |
        '20㎡'                         | QUANTITY |    | 20       | 'm2'      | '' | |
        '12项'                         | QUANTITY |    | 12       | '项'      | '' | |
        '2次/日'                       | QUANTITY |    | 2        | '次/日'   | '' | |
        '1次/年'                       | QUANTITY |    | 1        | '次/年'   | '' | |
        '800元/平方米'                  | QUANTITY |    | 800      | '元/平方米' | '' | |
        '90分'                         | QUANTITY |    | 90       | '分'      | '' | |
        '2021年6月底前'                 | DATE     |    |          | ''        | '' | | 2021-06-30
        '2020年12月31日前'              | DATE     |    |          | ''        | '' | | 2020-12-31
        '2020年12月31日'                | DATE     |    |          | ''        | '' | | 2020-12-31
        '2020年底'                     | DATE     |    |          | ''        | '' | | 2020-12-31
        '2020年'                       | DATE     |    |          | ''        | '' | | 2020-12-31
        '2021年6月'                    | DATE     |    |          | ''        | '' | | 2021-06-30
        '2021年2月底'                  | DATE     |    |          | ''        | '' | | 2021-02-28
        '2020年2月底'                  | DATE     |    |          | ''        | '' | | 2020-02-29
        '2020.12.31'                   | DATE     |    |          | ''        | '' | | 2020-12-31
        '2020-06-30'                   | DATE     |    |          | ''        | '' | | 2020-06-30
        '二〇二一年六月底'               | DATE     |    |          | ''        | '' | | 2021-06-30
        '２０２１年６月底'               | DATE     |    |          | ''        | '' | | 2021-06-30
        '12月底前'                     | DATE     |    |          | ''        | '' | |
        '年底前'                       | DATE     |    |          | ''        | '' | |
        '达成年度指标'                  | QUALITATIVE | |         | ''        | '' | 1 |
        '达成预期指标'                  | QUALITATIVE | |         | ''        | '' | 1 |
        '达成'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '完成'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '效果明显'                      | QUALITATIVE | |         | ''        | '' | 1 |
        '良好'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '较好'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '好'                           | QUALITATIVE | |         | ''        | '' | 1 |
        '有效'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '稳定'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '达标'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '合格'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '按时'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '及时'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '提高'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '提升'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '改善'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '是'                           | QUALITATIVE | |         | ''        | '' | 1 |
        '有'                           | QUALITATIVE | |         | ''        | '' | 1 |
        '按时完成'                      | QUALITATIVE | |         | ''        | '' | 1 |
        '显著提高'                      | QUALITATIVE | |         | ''        | '' | 1 |
        '顯著'                         | QUALITATIVE | |         | ''        | '' | 1 |
        '效果明显。'                    | QUALITATIVE | |         | ''        | '' | 1 |
        '部分达成年度指标并具有一定效果'   | QUALITATIVE | |         | ''        | '' | 2 |
        '部分达成预期指标'               | QUALITATIVE | |         | ''        | '' | 2 |
        '基本达成'                      | QUALITATIVE | |         | ''        | '' | 2 |
        '基本完成'                      | QUALITATIVE | |         | ''        | '' | 2 |
        '一般'                         | QUALITATIVE | |         | ''        | '' | 2 |
        '较明显'                        | QUALITATIVE | |         | ''        | '' | 2 |
        '未达成年度指标且效果较差'        | QUALITATIVE | |         | ''        | '' | 3 |
        '未完成'                       | QUALITATIVE | |         | ''        | '' | 3 |
        '否'                           | QUALITATIVE | |         | ''        | '' | 3 |
        '较差'                         | QUALITATIVE | |         | ''        | '' | 3 |
        '差'                           | QUALITATIVE | |         | ''        | '' | 3 |
        '不及时'                       | QUALITATIVE | |         | ''        | '' | 3 |
        '未按时完成'                    | QUALITATIVE | |         | ''        | '' | 3 |
        '不明显'                       | QUALITATIVE | |         | ''        | '' | 3 |
        '不合格'                       | QUALITATIVE | |         | ''        | '' | 3 |
        '同比增长10%'                   | RELATIVE |    | 10       | '%'       | '' | |
        '较上年提高5个百分点'             | RELATIVE |    | 5        | '个百分点' | '' | |
        '环比下降'                      | RELATIVE |    |          | ''        | '' | |
        '同比下降百分之五'               | RELATIVE |    | 5        | '%'       | '' | |
        '资产总额×5%'                   | FORMULA  |    |          | ''        | '' | |
        '预算数÷12'                     | FORMULA  |    |          | ''        | '' | |
        '资产总额＊5%'                   | FORMULA  |    |          | ''        | '' | |
        ''                             | EMPTY    |    |          | ''        | '' | |
        '   '                          | EMPTY    |    |          | ''        | '' | |
        '--'                           | EMPTY    |    |          | ''        | '' | |
        '-'                            | EMPTY    |    |          | ''        | '' | |
        '—'                            | EMPTY    |    |          | ''        | '' | |
        '——'                           | EMPTY    |    |          | ''        | '' | |
        '/'                            | EMPTY    |    |          | ''        | '' | |
        '\\'                           | EMPTY    |    |          | ''        | '' | |
        '无'                           | EMPTY    |    |          | ''        | '' | |
        '不适用'                       | EMPTY    |    |          | ''        | '' | |
        '一'                           | EMPTY    |    |          | ''        | '' | |
        '一人'                         | QUANTITY |    | 1        | '人'      | '' | |
        """)
    void readsValueStrings(String in, Measure.Kind kind, Comparator comparator, BigDecimal value, String unit,
                           String label, Integer tier, LocalDate deadline) {
        Measure m = parser.parse(in);
        assertAll(in,
                () -> assertEquals(kind, m.kind(), "kind"),
                () -> assertEquals(Optional.ofNullable(comparator), m.comparator(), "comparator"),
                () -> assertEquals(value == null, m.value().isEmpty(), "value present: " + m.value()),
                () -> {
                    if (value != null) {
                        assertEquals(0, value.compareTo(m.value().orElseThrow()), "value " + m.value().orElseThrow());
                    }
                },
                () -> assertEquals(unit == null ? "" : unit, m.unit(), "unit"),
                () -> assertEquals(label == null ? "" : label, m.label(), "label"),
                () -> assertEquals(Optional.ofNullable(tier), m.tier(), "tier"),
                () -> assertEquals(Optional.ofNullable(deadline), m.deadline(), "deadline"));
    }

    @ParameterizedTest(name = "{0} is a unit: {1}")
    @CsvSource({
            "个, true", "人次, true", "册, true", "%, true", "％, true", "万元, true", "小时, true", "平方米, true",
            "≥, false", "26000, false", "是, false", "定性, false", "接待读者观众, false", "保障机关正常运转, false",
            "100%, false", "'', false"})
    void tellsAUnitCellAsA计量单位ColumnWritesIt(String text, boolean unit) {
        assertEquals(unit, parser.isUnit(text));
    }

    @ParameterizedTest(name = "{0} is the comparator {1}")
    @CsvSource({"大于等于, GE", "≥, GE", "＞＝, GE", "等于, EQ", "小于等于, LE", "不超过, LE", "正向, ", "反向, ", "≥90%, ", "定量, "})
    void tellsACellThatIsAComparatorWhole(String text, Comparator comparator) {
        assertEquals(Optional.ofNullable(comparator), parser.comparator(text));
    }

    @ParameterizedTest(name = "{0} is text")
    @CsvSource(delimiter = '|', textBlock = """
        '更加有序'
        '1.各级各部门业务上云数2.信息资源融合部门数'
        '1.建成统一的基础设施资源池2.建立全市信息资源共享体系'
        '保障全市各类信息系统安全、稳定、可靠地运行'
        '业务使用部门以及群众满意度达80%以上，业绩值达到目标值'
        '三级指标'
        '第三方服务满意度'
        '十分满意'
        '控制在预算以内'
        '大于100以下'
        '1,25'
        '90%-95%'
        '约100个'
        '100%完成'
        '2021年13月'
        '百分比'
        '万一'
        '≥'
        '达到目标值'
        '项目名称'
        'ABC 123'
        '016山西省行政审批服务管理局'
        """)
    void givesNoNumberToText(String in) {
        Measure m = parser.parse(in);
        assertEquals(Measure.Kind.TEXT, m.kind(), in);
        assertTrue(m.value().isEmpty(), in + " got a value " + m.value());
        assertTrue(m.comparator().isEmpty(), in + " got a comparator");
    }

    /** Every target and actual of the corpus: the ones that carry a number get it, the others none. */
    @Test
    void readsANumberFromEveryCorpusValueThatHasOne() {
        Pattern field = Pattern.compile("\"(target|adjusted_target|actual)\": *(\"([^\"]*)\"|[0-9.]+)");
        int seen = 0;
        for (String folder : List.of("shanxi-2020-cloud-rent", "shanxi-2020-it-ops", "shanxi-2020-trading-center",
                "xinzhou-2020-it-build")) {
            Matcher m = field.matcher(fixture("/corpus/" + folder + "/expected.json"));
            while (m.find()) {
                String value = m.group(3) != null ? m.group(3) : m.group(2);
                Measure measure = parser.parse(value);
                boolean hasDigit = value.chars().anyMatch(c -> c >= '0' && c <= '9');
                boolean numberIsNotTheValue = measure.kind() == Measure.Kind.DATE || measure.kind() == Measure.Kind.FORMULA;
                assertEquals(hasDigit && !numberIsNotTheValue, measure.hasNumber(), folder + ": " + value + " -> " + measure);
                assertFalse(measure.kind() == Measure.Kind.EMPTY, folder + ": " + value);
                seen++;
            }
        }
        assertEquals(127, seen, "target/adjusted/actual values in the four expected.json");
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        '12月底前'     | 2020 | 2020-12-31
        '年底前'       | 2021 | 2021-12-31
        '6月30日前'    | 2021 | 2021-06-30
        '2月底'        | 2020 | 2020-02-29
        '2021年6月底'  | 2020 | 2021-06-30
        """)
    void completesDatesWithoutYearFromTheFormYear(String in, int year, LocalDate deadline) {
        Measure m = parser.parse(in, year);
        assertEquals(Measure.Kind.DATE, m.kind());
        assertEquals(Optional.of(deadline), m.deadline());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '17049.23' | 17049.23
        '1,250'    | 1250
        '１２．５'  | 12.5
        '3万'      | 30000
        """)
    void readsPlainNumbers(String in, BigDecimal expected) {
        assertEquals(0, expected.compareTo(parser.number(in).orElseThrow()));
    }

    @ParameterizedTest(name = "{0} is no plain number")
    @CsvSource(delimiter = '|', textBlock = """
        '≥98%'
        '98%'
        '350个'
        '--'
        '显著'
        ''
        """)
    void readsNoPlainNumberFromValuesWithUnitsOrWords(String in) {
        assertEquals(Optional.empty(), parser.number(in));
    }

    @Test
    void neverThrowsForNull() {
        assertEquals(Measure.Kind.EMPTY, parser.parse(null).kind());
        assertEquals(Optional.empty(), parser.number(null));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} 万元")
    @CsvSource(delimiter = '|', textBlock = """
        387664.62 | '元'   | 38.766462
        48.71     | '万元' | 48.71
        1.2       | '亿元' | 12000
        500       | '千元' | 50
        """)
    void convertsMoneyToWanYuanExactly(BigDecimal amount, String unit, BigDecimal expected) {
        BigDecimal got = MeasureParser.toWanYuan(amount, unit).orElseThrow();
        assertEquals(0, expected.compareTo(got), got.toPlainString());
    }

    @ParameterizedTest(name = "{0} is no money unit")
    @CsvSource(delimiter = '|', textBlock = """
        '个'
        '%'
        ''
        '元/人次'
        """)
    void convertsNothingThatIsNotMoney(String unit) {
        assertEquals(Optional.empty(), MeasureParser.toWanYuan(BigDecimal.TEN, unit));
    }

    /** ICU's spell-out is the oracle: what it writes, the hand parser must read back. */
    @Test
    void readsChineseNumeralsAsIcuSpellsThem() {
        RuleBasedNumberFormat spellout = new RuleBasedNumberFormat(Locale.CHINESE, RuleBasedNumberFormat.SPELLOUT);
        List<Long> numbers = new ArrayList<>();
        for (long n = 0; n <= 1200; n++) {
            numbers.add(n);
        }
        for (long n = 1201; n < 100_000_000_000L; n = n * 7 + 13) {
            numbers.add(n);
        }
        numbers.addAll(List.of(10_000L, 10_005L, 100_010_000L, 100_000_000L, 17_049L, 350L, 2021L));
        for (long n : numbers) {
            if (n == 1) {
                continue; // a cell of 一 alone is an OCR'd dash, read as empty (readsValueStrings)
            }
            String words = spellout.format(n);
            Measure m = parser.parse(words);
            assertEquals(Measure.Kind.NUMBER, m.kind(), words);
            assertEquals(0, BigDecimal.valueOf(n).compareTo(m.value().orElseThrow()), words + " -> " + m.value());
        }
        assertEquals(0, new BigDecimal("17049.23").compareTo(parser.parse(spellout.format(17049.23)).value().orElseThrow()));
    }

    private static String fixture(String name) {
        try (InputStream in = MeasureParserTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
