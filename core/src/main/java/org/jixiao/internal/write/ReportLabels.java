package org.jixiao.internal.write;

import java.util.Properties;

/** The bilingual labels of the report and the summary sheet, from {@code report.properties}. */
final class ReportLabels {

    private static final String RESOURCE = "report.properties";
    private static final Properties LABELS = PropertiesResource.load(RESOURCE);

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

}
