package org.jixiao.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jixiao.internal.write.OutputTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

/**
 * What a run gave, aggregated by Spark over the staged rows: forms, failed files by error code,
 * findings by code and severity, and forms and findings by year. Printed at the end of the job.
 *
 * @param files          files listed, plus inputs that could not be listed (as the CLI counts)
 * @param forms          rows of {@code projects}
 * @param failedFiles    files with at least one {@code errors} row
 * @param errorsByCode   {@code errors} rows by code, most frequent first
 * @param findings       findings by code and severity, most frequent first
 * @param byYear         forms and findings by the form's year ({@code none} when a form has none), in year order
 * @param seconds        the job's wall time, listing to the last write
 */
public record AuditSummary(long files, long forms, long failedFiles, Map<String, Long> errorsByCode,
                           List<FindingCount> findings, List<YearCount> byYear, double seconds) {

    public AuditSummary {
        errorsByCode = Collections.unmodifiableMap(new LinkedHashMap<>(errorsByCode));
        findings = List.copyOf(findings);
        byYear = List.copyOf(byYear);
    }

    /** How often one finding code was raised at one severity. */
    public record FindingCount(String code, String severity, long count) {
    }

    /** Forms of one year and the findings and error-severity findings on them. */
    public record YearCount(String year, long forms, long findings, long errorFindings) {
    }

    /** Files per second over the whole job. */
    public double filesPerSecond() {
        return seconds > 0 ? files / seconds : 0;
    }

    static AuditSummary of(Dataset<Row> staged, long files, double seconds) {
        Column cells = col(Staged.CELLS);
        Column table = col(Staged.TABLE);
        Column isForm = table.equalTo(OutputTable.PROJECTS.label());
        Column isFinding = table.equalTo(OutputTable.FINDINGS.label());
        Column isError = table.equalTo(OutputTable.ERRORS.label());
        Column code = when(isFinding, cells.getItem(OutputTable.FINDINGS.columns().indexOf("code")))
                .when(isError, cells.getItem(OutputTable.ERRORS.columns().indexOf("code")));
        Column severity = when(isFinding, cells.getItem(OutputTable.FINDINGS.columns().indexOf("severity")));

        // One aggregation for every count but the failed files: a few hundred rows reach the driver.
        List<Row> counts = staged.filter(isForm.or(isFinding).or(isError))
                .groupBy(table, col(Staged.FORM_YEAR), code.as("code"), severity.as("severity"))
                .count().collectAsList();
        Map<String, Long> byCode = new HashMap<>();
        Map<List<String>, Long> findingCounts = new HashMap<>();
        Map<String, long[]> years = new TreeMap<>();
        long forms = 0;
        for (Row r : counts) {
            String t = r.getString(0);
            String year = r.isNullAt(1) ? NO_YEAR : r.getString(1);
            long n = r.getLong(4);
            if (t.equals(OutputTable.ERRORS.label())) {
                byCode.merge(r.getString(2), n, Long::sum);
                continue;
            }
            long[] y = years.computeIfAbsent(year, k -> new long[3]);
            if (t.equals(OutputTable.PROJECTS.label())) {
                y[0] += n;
                forms += n;
            } else {
                y[1] += n;
                if ("error".equals(r.getString(3))) {
                    y[2] += n;
                }
                findingCounts.merge(List.of(r.getString(2), r.getString(3)), n, Long::sum);
            }
        }
        int fileIndex = OutputTable.ERRORS.columns().indexOf("source_file");
        long failed = staged.filter(isError).select(cells.getItem(fileIndex)).distinct().count();

        Map<String, Long> sortedCodes = new LinkedHashMap<>();
        byCode.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sortedCodes.put(e.getKey(), e.getValue()));
        List<FindingCount> findings = new ArrayList<>();
        findingCounts.forEach((k, n) -> findings.add(new FindingCount(k.get(0), k.get(1), n)));
        findings.sort(Comparator.comparingLong(FindingCount::count).reversed()
                .thenComparing(FindingCount::code).thenComparing(FindingCount::severity));
        List<YearCount> byYear = new ArrayList<>();
        // Years in order, the forms without one last.
        years.forEach((year, y) -> {
            if (!year.equals(NO_YEAR)) {
                byYear.add(new YearCount(year, y[0], y[1], y[2]));
            }
        });
        if (years.containsKey(NO_YEAR)) {
            long[] y = years.get(NO_YEAR);
            byYear.add(new YearCount(NO_YEAR, y[0], y[1], y[2]));
        }
        return new AuditSummary(files, forms, failed, sortedCodes, findings, byYear, seconds);
    }

    /** The year column of the forms that have none. */
    static final String NO_YEAR = "none";

    /** The summary as the job prints it: a few lines an operator reads in the driver's log. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "jixiao-spark: %d file(s), %d form(s), %d failed; %.1f s, %.0f files/s%n",
                files, forms, failedFiles, seconds, filesPerSecond()));
        if (!errorsByCode.isEmpty()) {
            s.append("errors by code:");
            errorsByCode.forEach((code, n) -> s.append(String.format(Locale.ROOT, " %s %d;", code, n)));
            s.setLength(s.length() - 1);
            s.append(System.lineSeparator());
        }
        s.append("findings by code and severity:").append(System.lineSeparator());
        for (FindingCount f : findings) {
            s.append(String.format(Locale.ROOT, "  %-36s %-8s %8d%n", f.code(), f.severity(), f.count()));
        }
        s.append(String.format(Locale.ROOT, "by year:%n  %-6s %8s %9s %7s%n", "year", "forms", "findings", "errors"));
        for (YearCount y : byYear) {
            s.append(String.format(Locale.ROOT, "  %-6s %8d %9d %7d%n", y.year(), y.forms(), y.findings(), y.errorFindings()));
        }
        return s.toString();
    }
}
