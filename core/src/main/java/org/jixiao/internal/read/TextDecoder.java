package org.jixiao.internal.read;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the bytes of a text or HTML file by content, never by the platform default.
 *
 * <p>Order (measured in LIBRARIES.md): a byte-order mark decides; else strict UTF-8 (which almost
 * never accepts GBK bytes by accident); else ICU's detector over the whole file with a confidence
 * floor, since it is unreliable on short strings; else GB18030, the superset of GBK/GB2312 that
 * Chinese Windows writes by default.
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int MIN_CONFIDENCE = 50;
    /** Bytes (UTF-8) or characters (other charsets) decoded at a time, see {@link #utf8}. */
    private static final int SLICE = 256;

    private TextDecoder() {
    }

    /** A decoded text and the charset it was decoded with. */
    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] bytes) {
        Optional<Decoded> bom = decodeByBom(bytes);
        if (bom.isPresent()) {
            return bom.get();
        }
        Optional<String> utf8 = decodeStrictly(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8);
        }
        Charset detected = detect(bytes).orElse(GB18030);
        Optional<String> strict = decodeStrictly(bytes, 0, detected);
        if (strict.isPresent()) {
            return new Decoded(strict.get(), detected);
        }
        // Detection can be wrong on mixed content; GB18030 maps every byte sequence, so fall back to it.
        return new Decoded(new String(bytes, GB18030), GB18030);
    }

    /** Decodes with a charset a document declared (HTML {@code <meta charset>}), strictly. */
    static Optional<String> decodeDeclared(byte[] bytes, Charset charset) {
        return decodeStrictly(bytes, 0, charset);
    }

    static Optional<Decoded> decodeByBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(new Decoded(utf8(b, 3), StandardCharsets.UTF_8));
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE));
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE));
        }
        return Optional.empty();
    }

    /**
     * The charsets worth telling apart in a Chinese form: Unicode and the East Asian multi-byte
     * encodings. ICU's single-byte recognisers (Latin, Cyrillic, Arabic …) each run an n-gram model
     * over the whole text and cost most of the detection time, yet can only name a wrong charset
     * for Chinese bytes, so they are switched off.
     */
    private static final List<String> CANDIDATES = List.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE",
            "UTF-32LE", "GB18030", "Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022-CN", "ISO-2022-JP",
            "ISO-2022-KR");

    // setDetectableCharset is public but marked deprecated ("ICU internal"); it is the only way to
    // leave out recognisers, and without it detection costs a third of a text batch.
    @SuppressWarnings("deprecation")
    private static Optional<Charset> detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        for (String name : CharsetDetector.getAllDetectableCharsets()) {
            detector.setDetectableCharset(name, CANDIDATES.contains(name));
        }
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        if (match == null || match.getConfidence() < MIN_CONFIDENCE || !Charset.isSupported(match.getName())) {
            return Optional.empty();
        }
        return Optional.of(Charset.forName(match.getName()));
    }

    private static Optional<String> decodeStrictly(byte[] bytes, int offset, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // The String constructor's UTF-8 path is several times faster than a CharsetDecoder and
            // turns every malformed sequence into U+FFFD: without one, the bytes were valid UTF-8.
            String fast = utf8(bytes, offset);
            if (fast.indexOf('\uFFFD') < 0) {
                return Optional.of(fast);
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(SLICE);
        StringBuilder text = new StringBuilder(bytes.length - offset);
        // A slice of output at a time, for the reason utf8 gives.
        for (boolean flushed = false; ; ) {
            CoderResult result = flushed ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isError()) {
                return Optional.empty();
            }
            text.append(out.flip());
            out.clear();
            if (result.isUnderflow()) {
                if (flushed) {
                    return Optional.of(text.toString());
                }
                flushed = true;
            }
        }
    }

    /**
     * {@code bytes} from {@code offset} as UTF-8, each malformed sequence as U+FFFD.
     *
     * <p>Decoded a slice at a time, each slice cut before a byte that starts a character, so no
     * character is split and the text is the same as one call would give. Why: one call per file
     * runs the JDK's decoding loop once per file, and HotSpot then compiles that loop only by
     * on-stack replacement, a request a busy compiler queue can drop. In speed.sh's counted rounds
     * the decoder was still interpreted, at 44 % of an HTML batch's CPU samples (bench/README.md);
     * called once per slice it is compiled like any other hot method.
     */
    static String utf8(byte[] bytes, int offset) {
        if (bytes.length - offset <= SLICE) {
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(bytes.length - offset);
        for (int from = offset; from < bytes.length; ) {
            int to = Math.min(from + SLICE, bytes.length);
            while (to < bytes.length && (bytes[to] & 0xC0) == 0x80) {
                to++; // a continuation byte: the character began before it
            }
            text.append(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            from = to;
        }
        return text.toString();
    }
}
