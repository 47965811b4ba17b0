package org.jixiao.internal.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text against binary: a NUL byte or more than 1 % stray control bytes in the first 8 kB, wherever they fall. */
class SnifferTest {

    /** {@code length} bytes of a plain Chinese text file. */
    private static byte[] text(int length) {
        byte[] line = "项目名称：智慧政务云平台租赁\t预算执行率 98.5%\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = line[i % line.length];
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0} bytes, NUL at {1}: {2}")
    @CsvSource(textBlock = """
            20000, 0,     BINARY
            20000, 255,   BINARY
            20000, 256,   BINARY
            20000, 8191,  BINARY
            20000, 8192,  TEXT
            300,   299,   BINARY
            """)
    void aNulByteInTheFirst8kBMakesAFileBinary(int length, int at, Sniffer.Kind kind) {
        byte[] bytes = text(length);
        bytes[at] = 0;
        assertEquals(kind, Sniffer.sniff(bytes));
    }

    @ParameterizedTest(name = "{0} bytes, {1} controls: {2}")
    @CsvSource(textBlock = """
            20000, 81, TEXT
            20000, 82, BINARY
            8192,  82, BINARY
            1000,  10, TEXT
            1000,  11, BINARY
            """)
    void moreThanOnePercentStrayControlsMakeAFileBinary(int length, int controls, Sniffer.Kind kind) {
        byte[] bytes = text(length);
        int scanned = Math.min(length, 8192);
        // Spread over the scanned bytes, so they fall in many blocks of the scan; tab, CR, LF, FF and ESC do not count.
        for (int i = 0; i < controls; i++) {
            bytes[(int) ((long) i * scanned / controls)] = 0x01;
        }
        Arrays.fill(bytes, scanned - 5, scanned, (byte) 0x1B);
        assertEquals(kind, Sniffer.sniff(bytes));
    }
}
