package org.jixiao.internal.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The region column: the province a department, implementer or title names. */
class PlaceNamesTest {

    private final PlaceNames places = PlaceNames.instance();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '016山西省行政审批服务管理局'     | '山西省'
        '国家税务总局山西省税务局'        | '山西省'
        '国家税务总局忻州市税务局'        | '山西省'
        '忻州财政局'                    | '山西省'
        '五台县教育局'                  | '山西省'
        '山西省代县人民医院'             | '山西省'
        '天津市河北区财政局'             | '天津市'
        '河北区财政局'                  | '天津市'
        '河北省财政厅'                  | '河北省'
        '内蒙古自治区林业和草原局'        | '内蒙古自治区'
        '延边州农业农村局'              | '吉林省'
        '延边朝鲜族自治州农业农村局'      | '吉林省'
        '东方市场监督管理局'             | ''
        '广州市场监督管理局'             | '广东省'
        '财政部'                      | ''
        '交通运输部公路局'               | ''
        '新疆维吾尔自治区审计厅'          | '新疆维吾尔自治区'
        '重庆市忠县财政局'              | '重庆市'
        """)
    void findsTheProvinceADepartmentNames(String department, String expected) {
        assertEquals(expected, places.find(department, false).orElse(""));
    }

    @Test
    void aTitleIsSearchedForFullNamesOnly() {
        assertEquals(Optional.empty(), places.province("", "", "黄河南岸生态治理项目"));
        assertEquals(Optional.of("河南省"), places.province("", "", "河南省黄河南岸生态治理项目"));
        assertEquals(Optional.of("山西省"), places.province("", "", "忻州市智慧城市建设"));
    }

    @Test
    void theDepartmentComesFirstThenTheImplementerThenTheTitle() {
        assertEquals(Optional.of("山西省"), places.province("山西省财政厅", "河北省财政厅", "河南省项目"));
        assertEquals(Optional.of("河北省"), places.province("财政部", "河北省财政厅", "河南省项目"));
        assertEquals(Optional.of("河南省"), places.province("", "", "河南省项目"));
    }

    /** Every prefecture-level division of the resource points to its own province: none was lost as ambiguous. */
    @Test
    void everyPrefectureOfTheResourceFindsItsProvince() throws IOException {
        String text;
        try (InputStream in = PlaceNames.class.getResourceAsStream("places.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length != 4 || !f[2].equals("prefecture") || f[3].isBlank()) {
                continue;
            }
            for (String entry : f[3].trim().split("\\s+")) {
                String full = entry.contains("=") ? entry.substring(0, entry.indexOf('=')) : entry;
                assertEquals(f[0], places.find(full + "财政局", false).orElse(""), full);
                checked++;
            }
        }
        assertEquals(true, checked > 330, "prefecture-level divisions checked: " + checked);
    }
}
