package org.jixiao.internal.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cell's text as every reader builds it: lines stripped as {@link String#strip} does, blank lines gone. */
class GridTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            信息化运行维护费                          | 信息化运行维护费
            "  预算执行率 \\n\\n  100% "              | "预算执行率\\n100%"
            "\\n\\n"                                  | ""
            ""                                        | ""
            "\\u3000\\u3000全年预算数\\u3000"         | 全年预算数
            "\\u00a0kept\\u00a0"                      | "\\u00a0kept\\u00a0"
            "一级指标\\t\\n\\t二级指标\\r\\n三级指标" | "一级指标\\n二级指标\\n三级指标"
            "\\uD840\\uDC00 \\n "                      | "\\uD840\\uDC00"
            """)
    void stripsEachLineAndDropsBlankOnes(String raw, String expected) {
        String input = unescape(raw);
        assertEquals(unescape(expected), Grid.cellText(input));
        assertEquals(splitAndStrip(input), Grid.cellText(input), "the same as splitting and stripping");
    }

    /** What cellText did before it became one pass, kept as the reference it must agree with. */
    private static String splitAndStrip(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            String s = line.strip();
            if (!s.isEmpty()) {
                out.append(out.length() > 0 ? "\n" : "").append(s);
            }
        }
        return out.toString();
    }

    /** {@code \n}, {@code \t}, {@code \r} and {@code \}{@code uXXXX} escapes, so invisible characters read in the table. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
