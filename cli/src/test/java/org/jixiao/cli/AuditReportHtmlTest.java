package org.jixiao.cli;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --report report.html}: a self-contained page whose every figure equals what the CSV files
 * of the same run say. The figures are recounted here from the CSV files, independently of the
 * code that wrote the report.
 */
class AuditReportHtmlTest {

    @TempDir
    static Path tmp;
    private static Path out;
    private static Document html;
    private static List<CSVRecord> projects;
    private static List<CSVRecord> findings;
    private static List<CSVRecord> errors;

    @BeforeAll
    static void convertTheCorpusWithAReport() throws IOException {
        Path in = BatchConvertTest.mixedFolder(tmp);
        Path copy = Files.createDirectories(in.resolve("copy"));
        Files.copy(in.resolve("000_28d3029d6f3e5f97.txt"), copy.resolve("000.txt"));
        Files.writeString(in.resolve("notes.txt"), "meeting notes, nothing else\n", StandardCharsets.UTF_8);
        out = tmp.resolve("out");
        Path report = tmp.resolve("reports/report.html");
        CommandRun cli = new CommandRun();
        int code = cli.execute("audit", in.toString(), "--out", out.toString(), "--report", report.toString(), "-q",
                "--xlsx");
        assertEquals(1, code, "notes.txt holds no form: " + cli.err);
        html = Jsoup.parse(report.toFile(), "UTF-8");
        projects = RecordKeysTest.table(out, "projects.csv");
        findings = RecordKeysTest.table(out, "findings.csv");
        errors = RecordKeysTest.table(out, "errors.csv");
    }

    private static long figure(Element scope, String name) {
        Element cell = scope.selectFirst("[data-figure=" + name + "]");
        assertNotNull(cell, "no figure " + name + " in " + scope.cssSelector());
        return Long.parseLong(cell.text());
    }

    @Test
    void isOneSelfContainedBilingualPage() {
        assertTrue(html.select("script, link, img, iframe, object").isEmpty(), "nothing to fetch or run");
        for (Element e : html.select("[href], [src]")) {
            String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertTrue(target.startsWith("#"), "only links inside the page: " + target);
        }
        assertTrue(html.selectFirst("style").data().contains("size: A4"), "prints on A4");
        assertEquals("zh-CN", html.selectFirst("html").attr("lang"));
        String h1 = html.selectFirst("h1").text();
        assertTrue(h1.startsWith("绩效自评审核报告") && h1.contains("audit report"), "Chinese first: " + h1);
        assertEquals(3, html.select("svg.chart").size(), "findings by code, totals and grades drawn inline");
    }

    @Test
    void totalsEqualTheCsvFiles() {
        Element totals = html.getElementById("totals");
        Set<String> files = new HashSet<>();
        projects.forEach(p -> files.add(p.get("source_file")));
        errors.forEach(e -> files.add(e.get("source_file")));
        assertEquals(files.size(), figure(totals, "files"));
        assertEquals(projects.size(), figure(totals, "forms"));
        assertEquals(projects.stream().filter(p -> !p.get("duplicate_of").isEmpty()).count(), figure(totals, "copies"));
        assertTrue(figure(totals, "copies") >= 1, "the copy of 000 is counted");
        assertEquals(errors.size(), figure(totals, "error_rows"));
        assertEquals(findings.size(), figure(totals, "findings"));
        for (String s : List.of("error", "warning", "info")) {
            assertEquals(findings.stream().filter(f -> f.get("severity").equals(s)).count(), figure(totals, "findings_" + s), s);
        }
    }

    @Test
    void theWorkbooksSummarySheetHoldsTheSameTotals() throws IOException {
        Map<String, Long> sheet = new HashMap<>();
        try (var in = Files.newInputStream(out.resolve("jixiao.xlsx"));
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            wb.getSheet("summary").forEach(r -> {
                if (r.getLastCellNum() == 2 && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    sheet.put(r.getCell(0).getStringCellValue(), (long) r.getCell(1).getNumericCellValue());
                }
            });
        }
        Element totals = html.getElementById("totals");
        for (Element row : totals.select("tr")) {
            assertEquals(Long.parseLong(row.selectFirst("td").text()), sheet.get(row.selectFirst("th").text()),
                    row.text());
        }
    }

    @Test
    void findingsByCodeAndSeverityEqualTheCsv() {
        Map<String, Long> expected = findings.stream().collect(Collectors.groupingBy(
                f -> f.get("code") + "/" + f.get("severity"), Collectors.counting()));
        Map<String, Long> shown = new HashMap<>();
        for (Element row : html.select("#table-by-code tr[data-code]")) {
            for (String s : List.of("error", "warning", "info")) {
                long n = figure(row, s);
                if (n > 0) {
                    shown.put(row.attr("data-code") + "/" + s, n);
                }
            }
            assertFalse(row.select("td").get(1).text().isEmpty(), "every code has its bilingual title");
        }
        assertEquals(expected, shown);
        // and the chart draws the same numbers
        Map<String, Long> drawn = new HashMap<>();
        for (Element bar : html.select("#chart-by-code rect[data-value]")) {
            drawn.put(bar.attr("data-label") + "/" + bar.attr("data-series").replaceAll(".* ", ""),
                    Long.parseLong(bar.attr("data-value")));
        }
        assertEquals(expected, drawn);
    }

    @Test
    void findingsByDepartmentAndYearEqualTheCsv() {
        Map<String, CSVRecord> byId = projects.stream().collect(Collectors.toMap(p -> p.get("record_id"), Function.identity()));
        checkGrouping("#table-by-department tr[data-department]", "data-department", "department_name", byId);
        checkGrouping("#table-by-year tr[data-year]", "data-year", "year", byId);
    }

    private static void checkGrouping(String rows, String attribute, String column, Map<String, CSVRecord> byId) {
        Map<String, Long> forms = projects.stream().collect(Collectors.groupingBy(p -> p.get(column), Collectors.counting()));
        Map<String, Long> found = findings.stream().collect(Collectors.groupingBy(
                f -> byId.get(f.get("record_id")).get(column), Collectors.counting()));
        List<Element> shown = html.select(rows);
        assertEquals(forms.size(), shown.size(), column);
        for (Element row : shown) {
            String key = row.attr(attribute);
            assertEquals(forms.get(key), figure(row, "forms"), column + " " + key);
            assertEquals(found.getOrDefault(key, 0L), figure(row, "findings"), column + " " + key);
        }
    }

    @Test
    void distributionsOfTotalsAndGradesEqualTheCsv() {
        for (String side : List.of("reported", "computed")) {
            long[] bins = new long[11];
            long absent = 0;
            for (CSVRecord p : projects) {
                String v = p.get("total_score_" + side);
                if (v.isEmpty()) {
                    absent++;
                } else {
                    BigDecimal d = new BigDecimal(v);
                    bins[Math.min(10, Math.max(0, d.intValue() / 10))]++;
                }
            }
            for (int b = 0; b < 11; b++) {
                Element row = html.selectFirst("#table-totals tr[data-bin=" + b + "]");
                assertEquals(bins[b], figure(row, side), side + " bin " + b);
            }
            assertEquals(absent, figure(html.selectFirst("#table-totals tr[data-bin=absent]"), side));

            Map<String, Long> grades = projects.stream().collect(Collectors.groupingBy(p -> p.get("grade_" + side),
                    Collectors.counting()));
            for (Element row : html.select("#table-grades tr[data-grade]")) {
                assertEquals(grades.getOrDefault(row.attr("data-grade"), 0L), figure(row, side), side + " grade " + row.attr("data-grade"));
            }
        }
        long drawn = html.select("#chart-totals rect[data-value]").stream().mapToLong(r -> Long.parseLong(r.attr("data-value"))).sum();
        long withTotals = projects.stream().mapToLong(p -> (p.get("total_score_reported").isEmpty() ? 0 : 1)
                + (p.get("total_score_computed").isEmpty() ? 0 : 1)).sum();
        assertEquals(withTotals, drawn, "every form with a total is drawn once per side");
    }

    @Test
    void largestDifferencesAreSortedAndLinkedToTheirFindings() {
        List<CSVRecord> both = new ArrayList<>();
        for (CSVRecord p : projects) {
            if (!p.get("total_score_reported").isEmpty() && !p.get("total_score_computed").isEmpty()) {
                both.add(p);
            }
        }
        List<Element> rows = html.select("#table-largest tr[data-record]");
        assertEquals(Math.min(200, both.size()), rows.size());
        BigDecimal previous = null;
        Map<String, Long> findingsPerForm = findings.stream().collect(Collectors.groupingBy(f -> f.get("record_id"), Collectors.counting()));
        Map<String, CSVRecord> byId = projects.stream().collect(Collectors.toMap(p -> p.get("record_id"), Function.identity()));
        for (Element row : rows) {
            CSVRecord p = byId.get(row.attr("data-record"));
            BigDecimal difference = new BigDecimal(p.get("total_score_computed")).subtract(new BigDecimal(p.get("total_score_reported")));
            assertEquals(0, difference.compareTo(new BigDecimal(row.selectFirst("[data-figure=difference]").text())));
            assertEquals(p.get("total_score_reported"), row.selectFirst("[data-figure=total_score_reported]").text());
            assertTrue(previous == null || previous.compareTo(difference.abs()) >= 0, "sorted by |difference|");
            previous = difference.abs();
            long count = findingsPerForm.getOrDefault(p.get("record_id"), 0L);
            assertEquals(count, figure(row, "finding_count"));

            String target = row.selectFirst("a").attr("href").substring(1);
            Element block = html.getElementById(target);
            assertNotNull(block, "the link leads to the form's findings: " + target);
            assertEquals(count, block.select("tr[data-code]").size());
        }
        BigDecimal largest = both.stream().map(p -> new BigDecimal(p.get("total_score_computed"))
                .subtract(new BigDecimal(p.get("total_score_reported"))).abs()).max(Comparator.naturalOrder()).orElseThrow();
        assertEquals(0, largest.compareTo(new BigDecimal(rows.get(0).selectFirst("[data-figure=difference]").text()).abs()));
    }
}
