package org.jixiao.internal.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextDecoder} decodes a slice at a time (so the JIT compiles the JDK's decoding loop); the
 * text must be what one call over the whole file gives, valid or not, whatever the slice cuts.
 */
class TextDecoderTest {

    /** Characters of one, two, three and four UTF-8 bytes, and a replacement character of the text's own. */
    private static final String[] PIECES = {"a", " ", "7", "é", "§", "项", "目", "绩", "效", "𠀋", "😀", "\uFFFD", "\n"};

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @Test
    void utf8OfValidTextIsTheOneCallDecodeAroundEverySliceEdge() {
        Random random = new Random(17);
        for (int length = 0; length < 1200; length += 1 + random.nextInt(9)) {
            byte[] bytes = randomText(random, length).getBytes(StandardCharsets.UTF_8);
            for (int offset : new int[] {0, Math.min(3, bytes.length)}) {
                assertEquals(new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8),
                        TextDecoder.utf8(bytes, offset), "length " + length + ", offset " + offset);
            }
        }
    }

    @Test
    void utf8OfMalformedBytesHasTheOneCallDecodesReplacementCharacters() {
        Random random = new Random(4);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = randomText(random, 200 + random.nextInt(900)).getBytes(StandardCharsets.UTF_8);
            // Damage a few bytes: stray continuation bytes, lead bytes cut short, bytes no UTF-8 has.
            for (int hit = random.nextInt(6); hit >= 0; hit--) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            assertEquals(new String(bytes, StandardCharsets.UTF_8), TextDecoder.utf8(bytes, 0), "case " + i);
        }
    }

    @Test
    void aLongUtf8FormDecodesWithItsCharset() {
        String form = "项目支出绩效自评表 预算执行率 100% ".repeat(400);
        TextDecoder.Decoded decoded = TextDecoder.decode(form.getBytes(StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
        assertEquals(form, decoded.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB18030", "GBK", "Big5", "UTF-16LE"})
    void aDeclaredCharsetDecodesTextLongerThanManySlices(String name) {
        Charset charset = Charset.forName(name);
        String form = "項目支出績效自評表，年度預算數 120.5 萬元；".repeat(500) + "完";
        assertEquals(Optional.of(form), TextDecoder.decodeDeclared(form.getBytes(charset), charset));
    }

    @Test
    void bytesTheDeclaredCharsetCannotDecodeGiveNoText() {
        byte[] gbk = "绩效自评".repeat(3000).getBytes(Charset.forName("GBK"));
        byte[] damaged = Arrays.copyOf(gbk, gbk.length + 1);
        damaged[damaged.length - 1] = (byte) 0x81; // a lead byte with no trail byte at the end
        assertTrue(TextDecoder.decodeDeclared(gbk, Charset.forName("GBK")).isPresent());
        assertFalse(TextDecoder.decodeDeclared(damaged, Charset.forName("GBK")).isPresent());
        assertFalse(TextDecoder.decodeDeclared(gbk, StandardCharsets.UTF_8).isPresent());
    }
}
