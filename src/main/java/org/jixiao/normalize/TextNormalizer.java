package org.jixiao.normalize;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import org.jixiao.model.Document;

import java.util.regex.Pattern;

/**
 * Folds the many spellings of the same text into one, so a form in traditional characters or
 * full-width digits yields the same record as its simplified, half-width twin.
 *
 * <pre>
 * "１２３．５％"        -> "123.5%"
 * "Ａ\u3000Ｂ"          -> "A B"
 * "產 出 指 標"         -> "产出指标"
 * "≧735人次"           -> "≥735人次"
 * "項目名稱"            -> "项目名称"
 * </pre>
 *
 * <p>Thread-safe; one instance can serve every worker.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    /**
     * Characters that exist only in traditional writing. Converting is slow (LIBRARIES.md: ~7 ms per
     * form), so only text that holds one of these is converted.
     */
    private static final UnicodeSet TRADITIONAL_ONLY = buildTraditionalOnly();

    // The transliterator loads ~1 s of data on first use: load it only when traditional text appears.
    private static final class Hant {
        static final Transliterator TO_HANS = Transliterator.getInstance("Traditional-Simplified");
    }

    /** Letter-spaced CJK labels: a space between two Han characters carries no meaning. */
    private static final Pattern SPACE_BETWEEN_HAN =
            Pattern.compile("(?<=\\p{IsHan}) +(?=\\p{IsHan})");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2002-\\u200B\\u3000]+");

    /**
     * Folds one string: NFKC, look-alike symbols, traditional to simplified, whitespace collapsed
     * and removed between Han characters, trimmed. Newlines inside a cell are kept as single spaces.
     */
    public String apply(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String s = NFKC.normalize(text);
        s = foldSymbols(s);
        if (TRADITIONAL_ONLY.containsSome(s)) {
            synchronized (Hant.TO_HANS) {
                s = Hant.TO_HANS.transliterate(s);
            }
        }
        s = s.replace('\r', ' ').replace('\n', ' ');
        s = SPACES.matcher(s).replaceAll(" ");
        s = SPACE_BETWEEN_HAN.matcher(s).replaceAll("");
        return s.strip();
    }

    /** The document with every paragraph and cell folded by {@link #apply(String)}. */
    public Document apply(Document document) {
        return document.mapText(this::apply);
    }

    /** NFKC keeps these comparison signs as they are; the forms use them as ≥, ≤, =, >, <. */
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

    private static UnicodeSet buildTraditionalOnly() {
        // Characters that the simplified conversion would change are traditional-only.
        Transliterator t = null;
        UnicodeSet set = new UnicodeSet();
        // The set is derived from the transliterator's own source set lazily would cost the 1 s
        // load at start; a fixed range test is cheaper: ICU exposes the set of characters a
        // transliterator may change.
        try {
            t = Transliterator.getInstance("Traditional-Simplified");
            set.addAll(t.getSourceSet());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ICU has no Traditional-Simplified transliterator", e);
        }
        return set.freeze();
    }
}
