package org.jixiao.internal.write;

/** Escaping of text for HTML element content and quoted attribute values. */
final class Html {

    private Html() {
    }

    /** {@code <a & "b">} → {@code &lt;a &amp; &quot;b&quot;&gt;}. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
