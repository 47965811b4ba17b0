package org.jixiao.internal.write;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn as inline SVG, so the report needs no script, no font and no network. Every bar
 * carries its series, label and value as {@code data-*} attributes and a {@code <title>} tooltip;
 * a chart scales with the page ({@code viewBox}) and prints as vectors.
 */
final class SvgChart {

    /** Colours of the series: reported grey, recomputed blue; severities red, orange, blue. */
    static final List<String> PAIR = List.of("#8c8c8c", "#2b6cb0");
    static final List<String> SEVERITY = List.of("#c53030", "#dd6b20", "#3182ce");

    private static final int WIDTH = 720;

    private SvgChart() {
    }

    /**
     * Vertical bars, one group per label with one bar per series (e.g. reported and recomputed).
     *
     * @param values values[s][i]: series s at label i
     */
    static String columns(String id, List<String> labels, List<String> series, long[][] values) {
        int height = 260;
        int left = 44;
        int bottom = 40;
        int top = 30;
        long max = niceMax(values);
        int plotWidth = WIDTH - left - 10;
        int plotHeight = height - top - bottom;
        double group = (double) plotWidth / Math.max(1, labels.size());
        double bar = group * 0.8 / series.size();
        StringBuilder svg = open(id, height);
        axis(svg, left, top, plotWidth, plotHeight, max);
        for (int i = 0; i < labels.size(); i++) {
            double x0 = left + i * group + group * 0.1;
            for (int s = 0; s < series.size(); s++) {
                long v = values[s][i];
                double h = max == 0 ? 0 : (double) v * plotHeight / max;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" data-series=\"%s\" "
                                + "data-label=\"%s\" data-value=\"%d\"><title>%s %s: %d</title></rect>",
                        x0 + s * bar, top + plotHeight - h, bar, h, PAIR.get(s % PAIR.size()),
                        Html.escape(series.get(s)), Html.escape(labels.get(i)), v, Html.escape(labels.get(i)),
                        Html.escape(series.get(s)), v));
            }
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>",
                    left + i * group + group / 2, top + plotHeight + 16, Html.escape(shorten(labels.get(i), 8))));
        }
        legend(svg, series, PAIR, left, height - 8);
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal stacked bars, one row per label, one segment per series (the severities).
     *
     * @param values values[i][s]: label i, series s
     */
    static String stackedRows(String id, List<String> labels, List<String> series, List<long[]> values) {
        int row = 20;
        int left = 230;
        int top = 10;
        int height = top + labels.size() * row + 40;
        long max = 0;
        for (long[] v : values) {
            long sum = 0;
            for (long x : v) {
                sum += x;
            }
            max = Math.max(max, sum);
        }
        max = niceMax(new long[][] {{max}});
        int plotWidth = WIDTH - left - 50;
        StringBuilder svg = open(id, height);
        for (int i = 0; i < labels.size(); i++) {
            double y = top + i * row + 3;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>",
                    left - 6, y + 11, Html.escape(shorten(labels.get(i), 30))));
            double x = left;
            long total = 0;
            for (int s = 0; s < series.size(); s++) {
                long v = values.get(i)[s];
                total += v;
                double w = max == 0 ? 0 : (double) v * plotWidth / max;
                if (v > 0) {
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" data-series=\"%s\" "
                                    + "data-label=\"%s\" data-value=\"%d\"><title>%s %s: %d</title></rect>",
                            x, y, w, row - 6, SEVERITY.get(s % SEVERITY.size()), Html.escape(series.get(s)),
                            Html.escape(labels.get(i)), v, Html.escape(labels.get(i)), Html.escape(series.get(s)), v));
                }
                x += w;
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">%d</text>", x + 4, y + 11, total));
        }
        legend(svg, series, SEVERITY, left, height - 8);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" class=\"chart\">",
                id, WIDTH, height));
    }

    private static void axis(StringBuilder svg, int left, int top, int width, int height, long max) {
        for (int k = 0; k <= 4; k++) {
            double y = top + height - (double) height * k / 4;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%d</text>",
                    left, y, left + width, y, left - 4, y + 4, max * k / 4));
        }
    }

    private static void legend(StringBuilder svg, List<String> series, List<String> colours, int x, int y) {
        int at = x;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>",
                    at, y - 9, colours.get(s % colours.size()), at + 14, y, Html.escape(series.get(s))));
            at += 24 + 9 * series.get(s).length();
        }
    }

    /** The smallest of 1, 2, 4 or 5 × 10^k at or above the largest value, so the grid has round steps. */
    static long niceMax(long[][] values) {
        long max = 0;
        for (long[] row : values) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        if (max == 0) {
            return 0;
        }
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 4, 5}) {
                if (m * step >= max) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
