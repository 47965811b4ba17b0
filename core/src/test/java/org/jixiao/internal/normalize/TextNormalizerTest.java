package org.jixiao.internal.normalize;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {

    private static final String CORPUS = "/corpus/";

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '１２３．５'                 | '123.5'
        '１２．５'                   | '12.5'
        'Ａ\u3000Ｂ'                 | 'A B'
        '１００％'                   | '100%'
        '项目资金（万元）'            | '项目资金(万元)'
        '项目名称：'                 | '项目名称:'
        '＞＝95％'                   | '>=95%'
        '＜48.71万元'                | '<48.71万元'
        '１，２５０'                  | '1,250'
        '（２０２０年度）'            | '(2020年度)'
        """)
    void foldsFullWidth(String in, String expected) {
        assertEquals(expected, normalizer.apply(in));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '≧735人次'     | '≥735人次'
        '≦12小时'      | '≤12小时'
        '⩾98%'         | '≥98%'
        '⩽3件'         | '≤3件'
        '═100%'        | '=100%'
        '＝100%'       | '=100%'
        """)
    void unifiesLookAlikeComparisonSigns(String in, String expected) {
        assertEquals(expected, normalizer.apply(in));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '产 出 指 标'                  | '产出指标'
        '  项目名称  '                 | '项目名称'
        '产出情况及 分析'               | '产出情况及分析'
        '(2020 年度)'                  | '(2020 年度)'
        'a  \t b'                      | 'a b'
        '年初预算数\n（万元）'          | '年初预算数 (万元)'
        '全年\r\n预算数'                | '全年预算数'
        '\u00A0执行率\u00A0'            | '执行率'
        '\f项目名称'                    | '项目名称'
        '全年\u2028预算数 (万元)'        | '全年预算数 (万元)'
        """)
    void collapsesWhitespaceAndDropsLetterSpacing(String in, String expected) {
        assertEquals(expected, normalizer.apply(in));
    }

    @Test
    void dropsControlCharactersOtherThanWhiteSpace() {
        assertEquals("项目名称", normalizer.apply("项目\u0000名称"));
        assertEquals("项目名称", normalizer.apply("项\u0001 目\u001B名\u007F称\u001F"));
        assertEquals("a b", normalizer.apply("a\u0000\tb"), "TAB stays white space");
        for (char c = 0; c < 0x20; c++) {
            String folded = normalizer.apply("x" + c + "y");
            assertTrue(folded.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7F), "U+%04X kept".formatted((int) c));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '項目名稱'                         | '项目名称'
        '產 出 指 標'                      | '产出指标'
        '調整後指標值'                      | '调整后指标值'
        '系統建設完成後運維費用的合理性'      | '系统建设完成后运维费用的合理性'
        '實際完成值'                        | '实际完成值'
        '項目資金（萬元）'                   | '项目资金(万元)'
        '績效'                             | '绩效'
        '顯著'                             | '显著'
        '效果顯著'                          | '效果显著'
        '滿意度'                           | '满意度'
        """)
    void convertsTraditionalToSimplified(String in, String expected) {
        assertEquals(expected, normalizer.apply(in));
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', textBlock = """
        '乾隆'
        '著名'
        '俱乐部'
        '摔跤'
        '之后'
        '之後'
        '项目于2020年9月30日终止'
        """)
    void leavesSimplifiedTextAsWritten(String in) {
        assertEquals(in, normalizer.apply(in));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '[bookmark: _Toc58412345]项目名称'              | '项目名称'
        '一、项目基本情况[bookmark: _Toc1][bookmark: _Toc2]' | '一、项目基本情况'
        '[1]号'                                        | '[1]号'
        """)
    void stripsWordBookmarkMarkers(String in, String expected) {
        assertEquals(expected, normalizer.apply(in));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        '項(xiàng)目(萬元)'        | '項目(萬元)'
        '的(de)執(zhí)行'          | '的執行'
        '面积(ha)'                | '面积(ha)'
        '公里(lǐ)程(km)'          | '公里程(km)'
        'A(xiàng)B'               | 'A(xiàng)B'
        '(xiàng)目'               | '(xiàng)目'
        '项目(万元)'               | '项目(万元)'
        '项目('                   | '项目('
        """)
    void dropsPinyinReadingsOnlyAfterHanAndOnlyInTonedText(String in, String expected) {
        assertEquals(expected, TextNormalizer.withoutPinyin(in));
    }

    /** isHan answers the common ranges before asking UnicodeScript; the answers must not differ. */
    @Test
    void isHanAgreesWithUnicodeScriptForEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean expected = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (TextNormalizer.isHan(cp) != expected) {
                throw new AssertionError(String.format(Locale.ROOT, "isHan(U+%04X) should be %b", cp, expected));
            }
        }
    }

    /**
     * The one-scan shortcut of {@code apply} gives what every step gives, on random text drawn from
     * what the shortcut must tell apart: ASCII with spaces, brackets and parentheses, simplified,
     * traditional-only and shared characters, full-width forms, ideographic spaces, controls,
     * look-alike signs and pinyin.
     */
    @Test
    void shortcutForFoldedTextAgreesWithEveryStep() {
        String alphabet = "09.a Z-%:/()[]\t\n\u0000\u00A0\u3000\uFF11\uFF08\u2267\u2550\u00E0"
                + "\u9879\u76EE\u540D\u79F0\u4EA7\u51FA" // simplified characters of a label
                + "\u9805\u7A31\u7522\u5F8C\u8457\u4E7E\uF900\u3001\u3002\uFF0C"; // traditional-only, shared and kept characters, a compatibility ideograph, CJK punctuation
        java.util.Random random = new java.util.Random(17);
        int folded = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(normalizer.fold(s), normalizer.apply(s), s);
            if (TextNormalizer.isFolded(s)) {
                folded++;
                assertEquals(s, normalizer.fold(s), s);
            }
        }
        assertTrue(folded > 1_000, "too few folded samples: " + folded);
    }

    @Test
    void keepsEmptyText() {
        assertEquals("", normalizer.apply(""));
    }

    /**
     * The shipped table must be exactly what ICU's transliterator changes, with GB2312 marking the
     * characters simplified text also uses. Regenerate with {@code -Dtraditional.update=true}.
     */
    @Test
    void traditionalTableEqualsIcuTransliterator() throws IOException {
        Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        // GB2312 characters whose simplified reading is the usual one (显著, 乾坤, 俱乐部, 慰藉, 摔跤,
        // 姊妹, 哪吒, 大阪, 苎麻, 麴): ICU's mapping would break them, so they are never converted.
        String keep = "乾俱吒姊著藉跤阪苎麴";
        StringBuilder expected = new StringBuilder(TextNormalizer.ChineseScript.HEADER).append('\n');
        for (UnicodeSetIterator it = new UnicodeSetIterator(icu.getSourceSet()); it.next(); ) {
            String traditional = it.getString();
            String simplified = icu.transliterate(traditional);
            if (!simplified.equals(traditional)) {
                expected.append(traditional).append('\t').append(simplified).append('\t')
                        .append(!gb2312.canEncode(traditional) ? "only" : keep.contains(traditional) ? "keep" : "shared")
                        .append('\n');
            }
        }
        if (Boolean.getBoolean("traditional.update")) {
            Files.writeString(Path.of("src/main/resources/org/jixiao/normalize", TextNormalizer.ChineseScript.RESOURCE),
                    expected, StandardCharsets.UTF_8);
        }
        String shipped;
        try (InputStream in = TextNormalizer.class.getResourceAsStream(TextNormalizer.ChineseScript.RESOURCE)) {
            assertNotNull(in, TextNormalizer.ChineseScript.RESOURCE);
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected.toString(), shipped,
                "traditional-simplified.tsv drifted from ICU; rerun with -Dtraditional.update=true and review the diff");
    }

    /** ICU's conversion is character by character on real text, so a per-character table loses nothing. */
    @Test
    void tableConvertsCorpusLikeIcuDoes() {
        Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
        TextNormalizer.ChineseScript table = TextNormalizer.ChineseScript.load();
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        int converted = 0;
        for (String line : lines("shanxi-2020-cloud-rent/traditional.txt")) {
            String folded = nfkc.normalize(line);
            String ours = table.toSimplified(folded);
            if (!ours.equals(folded)) {
                converted++;
                assertEquals(icu.transliterate(folded).replace('\u7740', '\u8457'), ours.replace('\u7740', '\u8457'));
            }
        }
        assertTrue(converted > 50, "expected most lines of traditional.txt to be converted, got " + converted);
    }

    @Test
    void traditionalTextFileYieldsTheSimplifiedForm() {
        assertSameAfterNormalizing("shanxi-2020-cloud-rent/traditional.txt", "shanxi-2020-cloud-rent/form.txt");
        assertSameAfterNormalizing("shanxi-2020-cloud-rent/traditional-seed.txt", "shanxi-2020-cloud-rent/seed-utf8.txt");
    }

    @Test
    void traditionalHtmlYieldsTheSimplifiedTextOfTheForm() {
        assertEquals(htmlText("shanxi-2020-cloud-rent/form.html"),
                htmlText("shanxi-2020-cloud-rent/traditional.html").stream()
                        .map(line -> line.replace("批覆", "批复")).toList());
    }

    @Test
    void fullWidthDigitsYieldTheHalfWidthForm() {
        assertSameAfterNormalizing("xinzhou-2020-it-build/fullwidth-digits.txt", "xinzhou-2020-it-build/form.txt");
        assertEquals(htmlText("xinzhou-2020-it-build/form.html"), htmlText("xinzhou-2020-it-build/fullwidth-digits.html"));
    }

    /**
     * First use must not load ICU's transliterator (about a second of data). Runs the normalizer in
     * a fresh class loader that records every class it is asked for.
     */
    @Test
    void firstUseDoesNotLoadTheTransliterator() throws Exception {
        URL ours = TextNormalizer.class.getProtectionDomain().getCodeSource().getLocation();
        URL icu = Normalizer2.class.getProtectionDomain().getCodeSource().getLocation();
        Set<String> requested = ConcurrentHashMap.newKeySet();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {ours, icu}, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                requested.add(name);
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> type = loader.loadClass(TextNormalizer.class.getName());
            Object fresh = type.getConstructor().newInstance();
            Method apply = type.getMethod("apply", String.class);
            assertEquals("调整后指标值", apply.invoke(fresh, "調整後指標值"));
            assertEquals("≥98%", apply.invoke(fresh, "≧９８％"));
        }
        assertTrue(requested.contains("com.ibm.icu.text.Normalizer2"), "the probe must see ICU classes load");
        assertFalse(requested.contains("com.ibm.icu.text.Transliterator"), "Transliterator was loaded at first use");
    }

    private void assertSameAfterNormalizing(String variant, String original) {
        List<String> a = lines(variant);
        List<String> b = lines(original);
        assertEquals(b.size(), a.size(), variant + " line count");
        for (int i = 0; i < a.size(); i++) {
            // The one narrative word ICU maps differently: 批覆 keeps 覆, which GB2312 also has.
            String expected = normalizer.apply(b.get(i));
            String actual = normalizer.apply(a.get(i)).replace("批覆", "批复");
            assertEquals(expected, actual, variant + " line " + (i + 1));
        }
    }

    /** The visible text of an HTML fixture, normalized line by line (tags and the style block removed). */
    private List<String> htmlText(String name) {
        String html = String.join("\n", lines(name))
                .replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("(?s)<[^>]*>", "\n");
        List<String> out = new ArrayList<>();
        for (String line : html.split("\n")) {
            String n = normalizer.apply(line);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> lines(String name) {
        try (InputStream in = TextNormalizerTest.class.getResourceAsStream(CORPUS + name)) {
            assertNotNull(in, "missing fixture " + CORPUS + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return List.of(text.split("\r?\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
