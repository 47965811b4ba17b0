package org.jixiao.internal.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link HtmlReader#metaCharset} finds what the regex it replaced found, on the first 8 kB of a page. */
class MetaCharsetTest {

    /** The regex HtmlReader used before the scan, kept here as the reference. */
    private static final Pattern REFERENCE = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private static Optional<String> reference(String head) {
        Matcher m = REFERENCE.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            '<meta charset=gbk>'                                                        | gbk
            '<META CHARSET="UTF-8">'                                                    | UTF-8
            '<meta http-equiv=Content-Type content="text/html; charset=gb2312">'        | gb2312
            '<Meta Http-Equiv="content-type" Content="text/html;CharSet = \t x-gbk ">'  | x-gbk
            '<meta charset= \" windows-1252\">'                                         | windows-1252
            '<meta name=x><p>charset=utf-8</p>'                                         | NONE
            '<meta charset><meta charset=big5>'                                         | big5
            '<meta data-charset-x="1" charset=koi8-r>'                                  | koi8-r
            '<meta charset=>'                                                           | NONE
            '<meta charset=""utf-8>'                                                    | NONE
            '<metacharset=ascii'                                                        | ascii
            '<meta <meta charset=iso-8859-1>'                                           | iso-8859-1
            '<meta charsetcharset=utf-8>'                                               | utf-8
            '<meta charset=\u017Fjis>'                                                  | NONE
            ''                                                                          | NONE
            """)
    void findsTheDeclaredLabel(String head, String label) {
        assertEquals(Optional.ofNullable(label), HtmlReader.metaCharset(head));
        assertEquals(reference(head), HtmlReader.metaCharset(head), "the scan and the regex differ");
    }

    @Test
    void agreesWithTheRegexOnRandomHeads() {
        // Pieces that the regex's parts turn on, in random order and case, with random filler.
        String[] pieces = {"<meta", "<META", "<MeTa", "charset", "CHARSET", "chArSet", "=", " ", "\t", "\n", "\u000B",
                "\f", "\r", "\"", "'", ">", "<", "utf-8", "GBK", "x_y:z.1", "-", "\u00A0", "\u017F", "\u212A", "\u001C",
                "content=\"text/html; ", "http-equiv", "ü", "é", "a", "Z"};
        Random random = new Random(17);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder head = new StringBuilder();
            int parts = random.nextInt(14);
            for (int i = 0; i < parts; i++) {
                head.append(pieces[random.nextInt(pieces.length)]);
            }
            String h = head.toString();
            assertEquals(reference(h), HtmlReader.metaCharset(h), () -> "for " + h.replace("\n", "\\n"));
        }
    }
}
