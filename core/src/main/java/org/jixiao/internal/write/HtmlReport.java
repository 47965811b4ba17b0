package org.jixiao.internal.write;

import org.jixiao.model.FindingMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link AuditFigures} as one self-contained HTML page: inline CSS and SVG, no script, no
 * font or image to fetch, so it opens from disk offline and prints on A4. Bilingual, Chinese first.
 *
 * <p>Every figure sits in a table cell or an SVG bar with a {@code data-*} attribute naming it, so
 * a test (or an auditor's script) can check it against the CSV files.
 */
final class HtmlReport {

    /** Departments listed one by one; the rest are summed in one row. */
    static final int DEPARTMENTS = 30;

    private static final String CSS = """
            @page { size: A4; margin: 14mm 12mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
                   color: #1a202c; max-width: 1100px; margin: 0 auto; padding: 16px; font-size: 14px; line-height: 1.45; }
            h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 26px 0 8px; border-bottom: 2px solid #2b6cb0; }
            h3 { font-size: 14px; margin: 14px 0 4px; }
            .en { color: #4a5568; font-weight: normal; font-size: 0.9em; }
            p.note { color: #4a5568; margin: 4px 0 8px; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12.5px; }
            th, td { border: 1px solid #cbd5e0; padding: 3px 6px; vertical-align: top; text-align: left; }
            th { background: #edf2f7; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.totals { width: auto; } table.totals td.n { min-width: 70px; font-weight: bold; }
            .sev-error { color: #c53030; } .sev-warning { color: #c05621; } .sev-info { color: #2c5282; }
            svg.chart { width: 100%; height: auto; max-width: 760px; display: block; margin: 6px 0; }
            svg .tick { font-size: 11px; fill: #2d3748; } svg .grid { stroke: #e2e8f0; stroke-width: 1; }
            a { color: #2b6cb0; text-decoration: none; } .id { font-family: monospace; font-size: 11px; color: #4a5568; }
            @media print { body { padding: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; }
                           tr, svg.chart { break-inside: avoid; } thead { display: table-header-group; } a { color: inherit; } }
            """;

    private HtmlReport() {
    }

    static String render(AuditFigures f, String profileName) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(ReportLabels.both("title"))).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(ReportLabels.zh("title")).append(" <span class=\"en\">")
                .append(ReportLabels.en("title")).append("</span></h1>\n<p class=\"note\">")
                .append(Html.escape(ReportLabels.zh("subtitle").replace("{profile}", profileName))).append("<br>")
                .append(Html.escape(ReportLabels.en("subtitle").replace("{profile}", profileName))).append("</p>\n");
        totals(h, f);
        byCode(h, f);
        byDepartment(h, f);
        byYear(h, f);
        distribution(h, f);
        largest(h, f);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void heading(StringBuilder h, String id, String key) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(ReportLabels.zh(key))
                .append(" <span class=\"en\">").append(ReportLabels.en(key)).append("</span></h2>\n");
    }

    private static String th(String key) {
        return "<th>" + ReportLabels.zh(key) + " <span class=\"en\">" + ReportLabels.en(key) + "</span></th>";
    }

    private static String num(String figure, long value) {
        return String.format(Locale.ROOT, "<td class=\"n\" data-figure=\"%s\">%d</td>", figure, value);
    }

    private static void totals(StringBuilder h, AuditFigures f) {
        heading(h, "totals", "totals");
        h.append("<table class=\"totals\">\n");
        row(h, "files", f.files());
        row(h, "forms", f.forms());
        row(h, "copies", f.copies());
        row(h, "error_rows", f.errorRows());
        row(h, "findings", f.findings());
        for (String s : AuditFigures.SEVERITIES) {
            h.append("<tr><th class=\"sev-").append(s).append("\">").append(ReportLabels.zh("findings")).append(" <span class=\"en\">").append(ReportLabels.en("findings"))
                    .append("</span> · ")
                    .append(ReportLabels.zh("severity." + s)).append(" <span class=\"en\">")
                    .append(ReportLabels.en("severity." + s)).append("</span></th>")
                    .append(num("findings_" + s, f.findings(s))).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder h, String key, long value) {
        h.append("<tr>").append(th(key)).append(num(key, value)).append("</tr>\n");
    }

    private static List<String> severityNames() {
        List<String> names = new ArrayList<>();
        for (String s : AuditFigures.SEVERITIES) {
            names.add(ReportLabels.zh("severity." + s) + " " + s);
        }
        return names;
    }

    private static void byCode(StringBuilder h, AuditFigures f) {
        heading(h, "by-code", "by_code");
        Map<String, long[]> codes = f.byCode();
        List<String> labels = new ArrayList<>(codes.keySet());
        h.append(SvgChart.stackedRows("chart-by-code", labels, severityNames(), new ArrayList<>(codes.values())));
        h.append("<table id=\"table-by-code\">\n<thead><tr>").append(th("code")).append(th("meaning"));
        for (String s : AuditFigures.SEVERITIES) {
            h.append(th("severity." + s));
        }
        h.append(th("total")).append("</tr></thead>\n");
        for (Map.Entry<String, long[]> e : codes.entrySet()) {
            h.append("<tr data-code=\"").append(Html.escape(e.getKey())).append("\"><td><code>")
                    .append(Html.escape(e.getKey())).append("</code></td><td>")
                    .append(Html.escape(FindingMessages.title(e.getKey()))).append("</td>");
            long total = 0;
            for (int s = 0; s < AuditFigures.SEVERITIES.size(); s++) {
                h.append(num(AuditFigures.SEVERITIES.get(s), e.getValue()[s]));
                total += e.getValue()[s];
            }
            h.append(num("total", total)).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void byDepartment(StringBuilder h, AuditFigures f) {
        heading(h, "by-department", "by_department");
        h.append("<table id=\"table-by-department\">\n<thead><tr>").append(th("department")).append(th("forms"))
                .append(th("findings")).append("</tr></thead>\n");
        int shown = 0;
        long otherForms = 0;
        long otherFindings = 0;
        int others = 0;
        for (Map.Entry<String, long[]> e : f.byDepartment().entrySet()) {
            if (shown++ < DEPARTMENTS) {
                h.append("<tr data-department=\"").append(Html.escape(e.getKey())).append("\"><td>")
                        .append(e.getKey().isEmpty() ? ReportLabels.both("none") : Html.escape(e.getKey()))
                        .append("</td>").append(num("forms", e.getValue()[0])).append(num("findings", e.getValue()[1]))
                        .append("</tr>\n");
            } else {
                others++;
                otherForms += e.getValue()[0];
                otherFindings += e.getValue()[1];
            }
        }
        if (others > 0) {
            String n = String.valueOf(others);
            h.append("<tr data-department-others=\"").append(others).append("\"><td>")
                    .append(ReportLabels.zh("others").replace("{n}", n)).append(" <span class=\"en\">")
                    .append(ReportLabels.en("others").replace("{n}", n)).append("</span></td>")
                    .append(num("forms", otherForms)).append(num("findings", otherFindings)).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void byYear(StringBuilder h, AuditFigures f) {
        heading(h, "by-year", "by_year");
        h.append("<table id=\"table-by-year\">\n<thead><tr>").append(th("year")).append(th("forms")).append(th("findings"))
                .append("</tr></thead>\n");
        for (Map.Entry<String, long[]> e : f.byYear().entrySet()) {
            h.append("<tr data-year=\"").append(Html.escape(e.getKey())).append("\"><td>")
                    .append(e.getKey().isEmpty() ? ReportLabels.both("none") : Html.escape(e.getKey())).append("</td>")
                    .append(num("forms", e.getValue()[0])).append(num("findings", e.getValue()[1])).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void distribution(StringBuilder h, AuditFigures f) {
        heading(h, "distribution", "distribution");
        List<String> series = List.of(ReportLabels.both("reported"), ReportLabels.both("computed"));
        List<String> bins = new ArrayList<>();
        for (int b = 0; b < AuditFigures.BINS; b++) {
            bins.add(AuditFigures.binLabel(b));
        }
        h.append("<h3>").append(ReportLabels.both("total_bins")).append("</h3>\n");
        h.append(SvgChart.columns("chart-totals", bins, series, new long[][] {f.reportedTotals(), f.computedTotals()}));
        h.append("<table id=\"table-totals\">\n<thead><tr>").append(th("score_range")).append(th("reported"))
                .append(th("computed")).append("</tr></thead>\n");
        for (int b = 0; b < AuditFigures.BINS; b++) {
            h.append("<tr data-bin=\"").append(b).append("\"><td>").append(bins.get(b)).append("</td>")
                    .append(num("reported", f.reportedTotals()[b])).append(num("computed", f.computedTotals()[b]))
                    .append("</tr>\n");
        }
        h.append("<tr data-bin=\"absent\"><td>").append(ReportLabels.both("absent")).append("</td>")
                .append(num("reported", f.reportedTotalAbsent())).append(num("computed", f.computedTotalAbsent()))
                .append("</tr>\n</table>\n");

        Map<String, long[]> grades = f.grades();
        List<String> labels = new ArrayList<>();
        long[][] values = new long[2][grades.size()];
        int i = 0;
        for (Map.Entry<String, long[]> e : grades.entrySet()) {
            labels.add(e.getKey().isEmpty() ? ReportLabels.zh("none") : e.getKey());
            values[0][i] = e.getValue()[0];
            values[1][i] = e.getValue()[1];
            i++;
        }
        h.append("<h3>").append(ReportLabels.both("grade_counts")).append("</h3>\n");
        h.append(SvgChart.columns("chart-grades", labels, series, values));
        h.append("<table id=\"table-grades\">\n<thead><tr>").append(th("grade")).append(th("reported")).append(th("computed"))
                .append("</tr></thead>\n");
        for (Map.Entry<String, long[]> e : grades.entrySet()) {
            h.append("<tr data-grade=\"").append(Html.escape(e.getKey())).append("\"><td>")
                    .append(e.getKey().isEmpty() ? ReportLabels.both("none") : Html.escape(e.getKey())).append("</td>")
                    .append(num("reported", e.getValue()[0])).append(num("computed", e.getValue()[1])).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void largest(StringBuilder h, AuditFigures f) {
        heading(h, "largest", "largest");
        String max = String.valueOf(AuditFigures.LARGEST);
        h.append("<p class=\"note\">").append(Html.escape(ReportLabels.zh("largest.note").replace("{max}", max)))
                .append("<br>").append(Html.escape(ReportLabels.en("largest.note").replace("{max}", max))).append("</p>\n");
        List<AuditFigures.Form> forms = f.largestDifferences();
        if (forms.isEmpty()) {
            h.append("<p>").append(ReportLabels.both("no_forms")).append("</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"table-largest\">\n<thead><tr>").append(th("rank")).append(th("project")).append(th("department"))
                .append(th("year")).append(th("reported")).append(th("computed")).append(th("difference"))
                .append(th("grade")).append(th("findings")).append("</tr></thead>\n");
        int rank = 0;
        for (AuditFigures.Form form : forms) {
            TableRow p = form.project();
            String id = p.cell("record_id");
            h.append("<tr data-record=\"").append(Html.escape(id)).append("\">")
                    .append(num("rank", ++rank))
                    .append("<td><a href=\"#r-").append(Html.escape(id)).append("\">")
                    .append(Html.escape(p.cell("project_name").isEmpty() ? id : p.cell("project_name")))
                    .append("</a><br><span class=\"id\">").append(Html.escape(p.cell("source_file"))).append(" #")
                    .append(p.cell("form_index")).append("</span></td><td>").append(Html.escape(p.cell("department_name")))
                    .append("</td><td>").append(Html.escape(p.cell("year"))).append("</td>")
                    .append(text("total_score_reported", p.cell("total_score_reported")))
                    .append(text("total_score_computed", p.cell("total_score_computed")))
                    .append(text("difference", form.difference().toPlainString()))
                    .append("<td>").append(Html.escape(p.cell("grade_reported").isEmpty() ? "—" : p.cell("grade_reported")))
                    .append(" → ").append(Html.escape(p.cell("grade_computed"))).append("</td>")
                    .append(num("finding_count", form.findings().size())).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");

        heading(h, "details", "details");
        for (AuditFigures.Form form : forms) {
            TableRow p = form.project();
            h.append("<div class=\"form\" id=\"r-").append(Html.escape(p.cell("record_id"))).append("\">\n<h3>")
                    .append(Html.escape(p.cell("project_name"))).append(" <span class=\"id\">")
                    .append(Html.escape(p.cell("record_id"))).append(" · ").append(Html.escape(p.cell("source_file")))
                    .append("</span></h3>\n");
            if (form.findings().isEmpty()) {
                h.append("<p>").append(ReportLabels.both("no_findings")).append("</p>\n</div>\n");
                continue;
            }
            h.append("<table class=\"findings\">\n<thead><tr>").append(th("code")).append(th("field")).append(th("reported"))
                    .append(th("computed")).append(th("message")).append(th("where")).append("</tr></thead>\n");
            for (TableRow x : form.findings()) {
                String sev = x.cell("severity");
                h.append("<tr data-code=\"").append(Html.escape(x.cell("code"))).append("\"><td class=\"sev-")
                        .append(Html.escape(sev)).append("\">").append(Html.escape(FindingMessages.title(x.cell("code"))))
                        .append("<br><span class=\"id\">").append(Html.escape(sev)).append("</span></td><td>")
                        .append(Html.escape(x.cell("field"))).append("</td>")
                        .append(text("reported", x.cell("reported"))).append(text("computed", x.cell("computed")))
                        .append("<td>").append(Html.escape(x.cell("message_zh"))).append("<br><span class=\"en\">")
                        .append(Html.escape(x.cell("message"))).append("</span></td><td>")
                        .append(Html.escape(x.cell("source_ref"))).append("</td></tr>\n");
            }
            h.append("</table>\n</div>\n");
        }
        h.append("</section>\n");
    }

    private static String text(String figure, String value) {
        return "<td class=\"n\" data-figure=\"" + figure + "\">" + Html.escape(value) + "</td>";
    }
}
