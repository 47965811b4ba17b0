package org.jixiao.internal.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a file's container kind from its first bytes, never from its name: a ".doc" that is
 * really HTML, a ".txt" that is HTML and a ".docx" renamed ".zip" are all common in archives.
 *
 * <ul>
 *   <li>{@code PK\3\4} (or the empty-archive {@code PK\5\6}): a zip, i.e. OOXML (.docx, .xlsx)</li>
 *   <li>{@code D0 CF 11 E0 A1 B1 1A E1}: an OLE2 compound file (.doc, .xls, encrypted OOXML)</li>
 *   <li>{@code %PDF-} within the first kilobyte: PDF (so a PDF named ".doc" is read as PDF)</li>
 *   <li>markup near the start ({@code <!DOCTYPE html}, {@code <html}, {@code <table}, {@code <meta},
 *       Word's {@code xmlns:o=}...): HTML</li>
 *   <li>no NUL bytes and few control characters: text</li>
 *   <li>anything else: binary of an unsupported kind</li>
 * </ul>
 */
final class Sniffer {

    enum Kind { ZIP, OLE2, PDF, HTML, TEXT, BINARY }

    private static final int HEAD = 4096;
    /** Bytes {@link #looksBinary} scans per call. */
    private static final int BLOCK = 256;
    private static final String[] HTML_MARKERS = {
        "<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<title",
        "xmlns:o=\"urn:schemas-microsoft-com:office:office\"", "xmlns:o=urn:schemas-microsoft-com:office:office",
    };

    private Sniffer() {
    }

    static Kind sniff(byte[] b) {
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04) || startsWith(b, 0x50, 0x4B, 0x05, 0x06)) {
            return Kind.ZIP;
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Kind.OLE2;
        }
        if (PdfReader.looksLikePdf(b)) {
            return Kind.PDF;
        }
        Optional<TextDecoder.Decoded> bom = TextDecoder.decodeByBom(b.length > HEAD ? java.util.Arrays.copyOf(b, HEAD) : b);
        if (bom.isEmpty() && looksBinary(b)) {
            return Kind.BINARY;
        }
        // Markup is ASCII, so Latin-1 reads it in every ASCII-compatible charset (UTF-8, GBK, ...).
        String head = bom.map(TextDecoder.Decoded::text)
                .orElseGet(() -> new String(b, 0, Math.min(b.length, HEAD), StandardCharsets.ISO_8859_1));
        return looksLikeHtml(head) ? Kind.HTML : Kind.TEXT;
    }

    /** True when the text starts (after whitespace and comments) with markup and holds an HTML marker. */
    static boolean looksLikeHtml(String head) {
        String h = head.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("\uFEFF")) {
            h = h.substring(1).strip();
        }
        if (!h.startsWith("<")) {
            return false;
        }
        for (String marker : HTML_MARKERS) {
            if (h.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** NUL bytes, or more than 1 % C0 controls other than tab, CR, LF, FF and ESC, in the first 8 kB. */
    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 2 * HEAD);
        int controls = 0;
        // A block per call, for the reason TextDecoder.utf8 gives: one 8 kB loop per file stayed
        // interpreted through speed.sh's counted rounds.
        for (int from = 0; from < n; from += BLOCK) {
            int inBlock = controls(b, from, Math.min(n, from + BLOCK));
            if (inBlock < 0) {
                return true;
            }
            controls += inBlock;
        }
        return controls * 100 > n;
    }

    /** The C0 controls other than tab, CR, LF, FF and ESC in {@code b[from, to)}; -1 at a NUL byte. */
    private static int controls(byte[] b, int from, int to) {
        int controls = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return -1;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                controls++;
            }
        }
        return controls;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
