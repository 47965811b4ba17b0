package org.jixiao.internal.normalize;

import com.ibm.icu.text.Normalizer2;
import org.jixiao.model.Document;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the many spellings of the same text into one, so a form in traditional characters or
 * full-width digits yields the same record as its simplified, half-width twin.
 *
 * <pre>
 * "１２３．５％"                  -> "123.5%"
 * "Ａ\u3000Ｂ"                    -> "A B"
 * "產 出 指 標"                   -> "产出指标"
 * "≧735人次"                     -> "≥735人次"
 * "項目名稱"                      -> "项目名称"
 * "乾隆"                          -> "乾隆"  (no traditional-only character: left as written)
 * "顯著"                          -> "显著"  (著 is kept, see below)
 * "[bookmark: _Toc123]项目名称"    -> "项目名称"
 * </pre>
 *
 * <p>Steps, in order: Word bookmark markers removed; NFKC (full-width to half-width, U+3000 to a
 * space, CJK compatibility ideographs to unified ones); look-alike comparison signs unified
 * ({@code ≧ ⩾} to {@code ≥}, {@code ≦ ⩽} to {@code ≤}, {@code ═} to {@code =}); traditional to
 * simplified; C0 control characters other than TAB, LF, VT, FF and CR (NUL, ESC …) and DEL
 * removed; line breaks and runs of blanks to one space; spaces between two Han characters removed;
 * trimmed.
 *
 * <p>Traditional to simplified uses the table {@code traditional-simplified.tsv}, generated from
 * ICU4J's {@code Traditional-Simplified} transliterator (which maps character by character) and
 * kept equal to it by a test. Loading the table costs a few milliseconds, where the transliterator
 * costs about a second. A text is converted only if it holds a traditional-only character
 * ({@code only}: one the transliterator changes and GB2312 cannot encode). Of the 18 characters
 * that GB2312 also has, those marked {@code shared} ({@code 後 於 麽 …}) are converted only inside
 * such text, so {@code 調整後} becomes {@code 调整后} while a lone {@code 後} stays; those marked
 * {@code keep} are never converted, because their simplified reading is the common one in these
 * forms and ICU's mapping would break it: {@code 顯著} must become {@code 显著}, not {@code 显着};
 * likewise {@code 乾隆}, {@code 俱乐部}, {@code 慰藉}, {@code 摔跤}.
 *
 * <p>Thread-safe; one instance can serve every worker. Never throws for any string.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    /** Word's text export writes heading anchors as {@code [bookmark: _Toc58412345]}. */
    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");

    /** A syllable in parentheses after a Han character: initial, vowels (tone-marked or not), final. */
    private static final Pattern PINYIN_READING = Pattern.compile(
            "(?<=\\p{IsHan})\\(((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv\u00FC\u00E0-\u00FC\u0101-\u01DC]{1,4}(?:ng|n|r)?)\\)");
    /** The tone-marked vowels of pinyin (ā á ǎ à …, ǖ ǘ ǚ ǜ). */
    private static final Pattern TONE_MARK = Pattern.compile("[\u00E0-\u00FC\u0101-\u01DC&&[^\u00FC]]");

    /** Loaded on first use of {@link #apply(String)}, not when the class is loaded. */
    private static final class Chinese {
        static final ChineseScript TABLE = ChineseScript.load();
    }

    /**
     * Folds one string as described above. Newlines inside a cell become single spaces.
     * {@code null} is a bad call.
     */
    public String apply(String text) {
        // Most cells (numbers, plain labels) are already folded: one scan tells, where the steps
        // below scan each string five times and run ICU's normalizer over it.
        if (isFolded(text)) {
            return text;
        }
        return fold(text);
    }

    /** Every step of {@link #apply(String)}, whatever the text. */
    String fold(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String s = dropControls(text);
        if (s.indexOf('[') >= 0) {
            s = BOOKMARK.matcher(s).replaceAll("");
        }
        s = NFKC.normalize(s);
        if (s.indexOf('(') >= 0) {
            s = withoutPinyin(s);
        }
        s = foldSymbols(s);
        s = Chinese.TABLE.toSimplified(s);
        return foldSpaces(s);
    }

    /**
     * True when no step of {@link #apply(String)} would change {@code s}: it holds only printable
     * ASCII other than the space, {@code [} and {@code (} (where bookmarks and readings open), and
     * CJK unified ideographs (U+4E00–U+9FFF) that are not traditional-only. NFKC keeps all of
     * those, none is a control, a space or a sign to unify, and there is nothing to simplify.
     * The empty string is folded too.
     */
    static boolean isFolded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '!' && c <= '~') {
                if (c == '[' || c == '(') {
                    return false;
                }
            } else if (c < '\u4E00' || c > '\u9FFF' || Chinese.TABLE.isTraditionalOnly(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes pinyin readings that some web mirrors insert after characters ({@code 項(xiàng)目},
     * {@code 執(zhí)行}) while real parentheses stay ({@code (萬元)}, {@code 里程(km)}). A group is a
     * reading when it follows a Han character and is one pinyin syllable of lower-case Latin
     * letters; it is removed only if the text holds at least one such group with a tone mark, so a
     * toneless {@code (de)} counts only in text that is visibly annotated.
     * <pre>
     * 項(xiàng)目(萬元)    -> 項目(萬元)
     * 的(de)執(zhí)行      -> 的執行
     * 面积(ha)           -> 面积(ha)
     * </pre>
     */
    static String withoutPinyin(String s) {
        if (!mayHoldReading(s)) {
            return s;
        }
        Matcher m = PINYIN_READING.matcher(s);
        boolean toned = false;
        while (m.find()) {
            if (TONE_MARK.matcher(m.group(1)).find()) {
                toned = true;
                break;
            }
        }
        return toned ? PINYIN_READING.matcher(s).replaceAll("") : s;
    }

    /**
     * False when no {@code (} both follows a Han character and opens on a letter a syllable can
     * start with (lower-case ASCII, or a tone-marked or umlauted vowel): then
     * {@link #PINYIN_READING} cannot match. A scan, because most cells with a parenthesis hold
     * none ({@code (万元)}) and the look-behind search costs more than the rest of the folding.
     */
    private static boolean mayHoldReading(String s) {
        for (int i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
            if (i > 0 && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (((next >= 'a' && next <= 'z') || (next >= '\u00E0' && next <= '\u01DC'))
                        && isHan(s.codePointBefore(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One pass instead of three regular expressions (this runs on every cell): runs of white space,
     * line breaks included, become one space; a run between two Han characters disappears
     * (letter-spaced labels such as {@code 产 出 指 标}); the ends are trimmed.
     */
    static String foldSpaces(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && isSpace(s.charAt(end))) {
                end++;
            }
            boolean keep = i > 0 && end < n
                    && !(isHan(s.codePointBefore(i)) && isHan(s.codePointAt(end)));
            boolean unchanged = keep && end - i == 1 && c == ' ';
            if (out == null && !unchanged) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null && keep) {
                out.append(' ');
            }
            i = end;
        }
        return out == null ? s : out.toString();
    }

    /**
     * White space after NFKC (which already turns U+00A0, U+3000 and U+2002–U+200A into a space):
     * ASCII controls TAB to CR (form feed and vertical tab included), NEL, the line and paragraph
     * separators, and the zero-width space Word leaves in exports.
     */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029'
                || c == '\u200B';
    }

    /**
     * Without the C0 control characters other than the white space TAB to CR (NUL, ESC …) and DEL:
     * they mean nothing in a form, and CSV loaders (PostgreSQL {@code COPY}) reject them.
     */
    static String dropControls(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** C0 controls other than the white space TAB to CR, and DEL: removed. */
    private static boolean isControl(char c) {
        return (c < ' ' && !isSpace(c)) || c == '\u007F';
    }

    public static boolean isHan(int codePoint) {
        // UnicodeScript.of is a binary search over ~2,000 ranges; it runs for every character of
        // every cell, so the common cases are answered first: nothing below the CJK radicals
        // (U+2E80) is Han, and the whole unified ideographs block U+4E00–U+9FFC is (a test checks
        // both against UnicodeScript for every code point).
        if (codePoint < 0x2E80) {
            return false;
        }
        if (codePoint >= 0x4E00 && codePoint <= 0x9FFC) {
            return true;
        }
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** True if {@code s} holds at least one Han character. */
    public static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** True if {@code s} is not empty and holds Han characters only. */
    public static boolean allHan(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!isHan(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The document with every paragraph and cell folded by {@link #apply(String)}. */
    public Document apply(Document document) {
        return document.mapText(this::apply);
    }

    /** NFKC keeps these comparison signs as they are; the forms use them as ≥, ≤ and =. */
    private static String foldSymbols(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = switch (c) {
                case '\u2267', '\u2A7E' -> '\u2265'; // ≧ ⩾ -> ≥
                case '\u2266', '\u2A7D' -> '\u2264'; // ≦ ⩽ -> ≤
                case '\u2550' -> '=';                // ═ box drawing used as an equals sign
                default -> c;
            };
            if (r != c && out == null) {
                out = new StringBuilder(s);
            }
            if (out != null) {
                out.setCharAt(i, r);
            }
        }
        return out == null ? s : out.toString();
    }

    /** The traditional-to-simplified table of {@code traditional-simplified.tsv}. */
    static final class ChineseScript {
        static final String RESOURCE = "traditional-simplified.tsv";
        static final String HEADER = "traditional\tsimplified\tuse";

        private final Map<Integer, String> simplified;
        /** Code points whose presence marks a text as traditional: a bit set, as it is tested per character. */
        private final BitSet traditionalOnly;

        private ChineseScript(Map<Integer, String> simplified, BitSet traditionalOnly) {
            this.simplified = simplified;
            this.traditionalOnly = traditionalOnly;
        }

        static ChineseScript load() {
            Map<Integer, String> simplified = new HashMap<>(4096);
            BitSet only = new BitSet();
            for (TsvResource.Line line : TsvResource.read(RESOURCE, HEADER)) {
                String traditional = line.field(0);
                String kind = line.field(2);
                if (traditional.codePointCount(0, traditional.length()) != 1
                        || !(kind.equals("only") || kind.equals("shared") || kind.equals("keep"))) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: expected 'char<TAB>char<TAB>only|shared|keep', got %s",
                            RESOURCE, line.number(), line.fields()));
                }
                if (!kind.equals("keep")) {
                    int cp = traditional.codePointAt(0);
                    simplified.put(cp, line.field(1));
                    if (kind.equals("only")) {
                        only.set(cp);
                    }
                }
            }
            return new ChineseScript(Map.copyOf(simplified), only);
        }

        /** {@code s} with every listed character replaced, if it holds a traditional-only one; else {@code s}. */
        String toSimplified(String s) {
            if (!hasTraditionalOnly(s)) {
                return s;
            }
            // A loop, not codePoints().forEach: this runs on every cell of a traditional-script form.
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String r = simplified.get(cp);
                if (r == null) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(r);
                }
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        boolean isTraditionalOnly(int codePoint) {
            return traditionalOnly.get(codePoint);
        }

        private boolean hasTraditionalOnly(String s) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                // Below U+2E80 (CJK radicals) nothing is listed: skip the map for ASCII and punctuation.
                if (cp >= 0x2E80 && traditionalOnly.get(cp)) {
                    return true;
                }
                i += Character.charCount(cp);
            }
            return false;
        }
    }
}
