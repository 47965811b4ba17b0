package org.jixiao.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The bilingual labels of the report and the summary sheet, from {@code report.properties}. */
final class ReportLabels {

    private static final String RESOURCE = "report.properties";
    private static final Properties LABELS = load();

    private ReportLabels() {
    }

    /** The Chinese label of {@code key}. */
    static String zh(String key) {
        String s = LABELS.getProperty(key);
        if (s == null) {
            throw new IllegalStateException(RESOURCE + " has no key " + key);
        }
        return s;
    }

    /** The English label of {@code key}. */
    static String en(String key) {
        return zh(key + ".en");
    }

    /** Chinese, a space, English: {@code 文件数 files}. */
    static String both(String key) {
        return zh(key) + " " + en(key);
    }

    private static Properties load() {
        try (InputStream in = ReportLabels.class.getResourceAsStream(RESOURCE)) {
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
