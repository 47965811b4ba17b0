package org.jixiao.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Chinese and English messages of every finding code, from the resource
 * {@code finding-messages.properties} beside this class: the Chinese message of a finding
 * ({@code findings.csv}'s {@code message_zh}), the English meaning of a code, and a short bilingual
 * title for reports. A code the resource does not know (a bug that a test guards against) falls
 * back to the finding's English message and to the code itself. Thread-safe.
 */
public final class FindingMessages {

    private static final String RESOURCE = "finding-messages.properties";
    private static final String ABSENT = "—";
    private static final Properties MESSAGES = load();

    private FindingMessages() {
    }

    /**
     * The finding in Chinese, with its field, reported and computed figures filled in (— when empty):
     * {@code 预算执行得分与计算不符：填报 8.95，按分值×min(执行率,100%)计算为 6.80。}
     */
    public static String chinese(Finding finding) {
        String template = MESSAGES.getProperty(finding.code() + ".zh");
        if (template == null) {
            return finding.message();
        }
        return template.replace("{field}", orAbsent(finding.field()))
                .replace("{reported}", orAbsent(finding.reported()))
                .replace("{computed}", orAbsent(finding.computed()));
    }

    /** What {@code code} means, in English; the code itself if unknown. */
    public static String english(String code) {
        return MESSAGES.getProperty(code + ".en", code);
    }

    /** A short name of {@code code}, Chinese then English: {@code 预算执行得分不符 budget score mismatch}. */
    public static String title(String code) {
        return MESSAGES.getProperty(code + ".title", code);
    }

    /** Whether the resource has all three messages of {@code code}. */
    public static boolean knows(String code) {
        return MESSAGES.containsKey(code + ".zh") && MESSAGES.containsKey(code + ".en")
                && MESSAGES.containsKey(code + ".title");
    }

    private static String orAbsent(String s) {
        return s.isEmpty() ? ABSENT : s;
    }

    private static Properties load() {
        try (InputStream in = FindingMessages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
