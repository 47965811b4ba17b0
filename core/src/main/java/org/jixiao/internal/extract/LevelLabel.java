package org.jixiao.internal.extract;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A level label (一级指标 or 二级指标 cell) with its decoration taken off: the numbering in front,
 * the weight printed after it and any spacing inside.
 *
 * <pre>
 * 产出指标（50分）   -> 产出指标, weight 50
 * 一、产出指标(50分) -> 产出指标, weight 50
 * (一)数量指标       -> 数量指标
 * 产 出 指 标        -> 产出指标
 * (50分)             -> (no label), weight 50: the label was lost, only its weight survives
 * </pre>
 *
 * @param label  the clean label; empty where only the weight was printed
 * @param weight the printed weight, if any
 */
record LevelLabel(String label, Optional<BigDecimal> weight) {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    static LevelLabel of(String text, Prose prose) {
        String s = text.strip();
        Optional<BigDecimal> weight = Optional.empty();
        Optional<Matcher> w = prose.levelWeight(s);
        if (w.isPresent()) {
            Matcher m = w.get();
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            weight = Optional.of(new BigDecimal(digits));
            s = s.substring(0, m.start());
        }
        s = s.substring(prose.levelEnumeratorLength(s));
        // Letter-spaced and wrapped labels (产 出 指 标, 经济效益 / 指标) are one word.
        s = SPACES.matcher(s).replaceAll("");
        return new LevelLabel(s, weight);
    }

    boolean isLost() {
        return label.isEmpty();
    }
}
