package org.jixiao.internal.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The aggregates of an audit, taken from the rendered output rows (the same strings the CSV files
 * hold, so every figure of the report can be checked against them): totals, findings by code and
 * severity, by department and by year, the distribution of reported and recomputed totals and
 * grades, and the forms whose recomputed total differs most from the reported one.
 *
 * <p>Rows must come as a batch writes them: each file's rows together, each form's projects row
 * before its findings. Memory is bounded: counters per code, department, year and grade, and at most
 * {@value #LARGEST} forms with their findings. Not thread-safe.
 */
public final class AuditFigures {

    /** Forms listed with their findings in the report; the rest are in findings.csv. */
    public static final int LARGEST = 200;
    /** Width of the bins of the total-score histogram; the last bin holds everything from 100 up. */
    static final int BIN_WIDTH = 10;
    static final int BINS = 11;

    /** Severity labels in findings.csv, most severe first. */
    public static final List<String> SEVERITIES = List.of("error", "warning", "info");

    /** One form of the largest differences: its projects row, its findings rows and the gap. */
    public record Form(TableRow project, List<TableRow> findings, BigDecimal difference, long order) {
    }

    private long files;
    private long forms;
    private long copies;
    private long errorRows;
    private final long[] findingsBySeverity = new long[SEVERITIES.size()];
    private final Map<String, long[]> byCode = new HashMap<>();
    private final Map<String, long[]> byDepartment = new HashMap<>();
    private final Map<String, long[]> byYear = new TreeMap<>();
    private final long[] reportedTotals = new long[BINS];
    private final long[] computedTotals = new long[BINS];
    private long reportedTotalAbsent;
    private long computedTotalAbsent;
    private final Map<String, long[]> grades = new LinkedHashMap<>();
    private final PriorityQueue<Form> largest = new PriorityQueue<>(
            Comparator.comparing((Form f) -> f.difference().abs()).thenComparing(f -> -f.order()));

    private String lastFile;
    private TableRow currentProject;
    private String currentDepartment;
    private String currentYear;
    private List<TableRow> currentFindings = new ArrayList<>();

    /** Adds one output row. */
    public void accept(TableRow row) {
        switch (row.table()) {
            case PROJECTS:
                endForm();
                countFile(row.cell("source_file"));
                project(row);
                break;
            case FINDINGS:
                finding(row);
                break;
            case ERRORS:
                endForm();
                countFile(row.cell("source_file"));
                errorRows++;
                break;
            default:
                break;
        }
    }

    private void countFile(String sourceFile) {
        if (!sourceFile.equals(lastFile)) {
            files++;
            lastFile = sourceFile;
        }
    }

    private void project(TableRow row) {
        forms++;
        if (!row.cell("duplicate_of").isEmpty()) {
            copies++;
        }
        currentProject = row;
        currentDepartment = row.cell("department_name");
        currentYear = row.cell("year");
        byDepartment.computeIfAbsent(currentDepartment, k -> new long[2])[0]++;
        byYear.computeIfAbsent(currentYear, k -> new long[2])[0]++;
        Integer reported = bin(row.cell("total_score_reported"));
        Integer computed = bin(row.cell("total_score_computed"));
        if (reported == null) {
            reportedTotalAbsent++;
        } else {
            reportedTotals[reported]++;
        }
        if (computed == null) {
            computedTotalAbsent++;
        } else {
            computedTotals[computed]++;
        }
        grades.computeIfAbsent(row.cell("grade_reported"), k -> new long[2])[0]++;
        grades.computeIfAbsent(row.cell("grade_computed"), k -> new long[2])[1]++;
    }

    private void finding(TableRow row) {
        int severity = SEVERITIES.indexOf(row.cell("severity"));
        if (severity < 0) {
            throw new IllegalArgumentException("unknown severity " + row.cell("severity"));
        }
        findingsBySeverity[severity]++;
        byCode.computeIfAbsent(row.cell("code"), k -> new long[SEVERITIES.size()])[severity]++;
        if (currentProject != null && row.cell("record_id").equals(currentProject.cell("record_id"))) {
            byDepartment.get(currentDepartment)[1]++;
            byYear.get(currentYear)[1]++;
            currentFindings.add(row);
        }
    }

    /** Closes the form whose rows came last: a candidate of the largest differences. */
    private void endForm() {
        if (currentProject == null) {
            return;
        }
        BigDecimal reported = number(currentProject.cell("total_score_reported"));
        BigDecimal computed = number(currentProject.cell("total_score_computed"));
        if (reported != null && computed != null) {
            Form f = new Form(currentProject, List.copyOf(currentFindings), computed.subtract(reported), forms);
            largest.add(f);
            if (largest.size() > LARGEST) {
                largest.poll();
            }
        }
        currentProject = null;
        currentFindings = new ArrayList<>();
    }

    /** Ends the input: call once after the last row, before reading the figures. */
    public void finish() {
        endForm();
    }

    /** The histogram bin of a total: [0,10) … [90,100), then 100 and above; negatives count in the first. */
    private static Integer bin(String cell) {
        BigDecimal v = number(cell);
        if (v == null) {
            return null;
        }
        int b = v.signum() < 0 ? 0 : v.divideToIntegralValue(BigDecimal.valueOf(BIN_WIDTH)).intValue();
        return Math.min(b, BINS - 1);
    }

    private static BigDecimal number(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public long files() {
        return files;
    }

    public long forms() {
        return forms;
    }

    /** Forms whose projects row has a {@code duplicate_of}: copies of a form seen earlier. */
    public long copies() {
        return copies;
    }

    public long errorRows() {
        return errorRows;
    }

    public long findings() {
        long n = 0;
        for (long c : findingsBySeverity) {
            n += c;
        }
        return n;
    }

    /** Findings of severity {@code label} ({@code error}, {@code warning}, {@code info}). */
    public long findings(String label) {
        return findingsBySeverity[SEVERITIES.indexOf(label)];
    }

    /** Code → counts by severity (error, warning, info), most frequent code first, ties by code. */
    public Map<String, long[]> byCode() {
        return sorted(byCode, c -> -sum(c));
    }

    /** Department name (code stripped; empty when none) → {forms, findings}, most findings first. */
    public Map<String, long[]> byDepartment() {
        return sorted(byDepartment, c -> -c[1] * 1_000_000_000L - c[0]);
    }

    /** Year (empty when none) → {forms, findings}, in year order. */
    public Map<String, long[]> byYear() {
        return new LinkedHashMap<>(byYear);
    }

    /** Forms per bin of the reported total; see {@link #binLabel(int)}. */
    public long[] reportedTotals() {
        return reportedTotals.clone();
    }

    public long[] computedTotals() {
        return computedTotals.clone();
    }

    public long reportedTotalAbsent() {
        return reportedTotalAbsent;
    }

    public long computedTotalAbsent() {
        return computedTotalAbsent;
    }

    /** {@code 0–10}, …, {@code 90–100}, {@code ≥100}. */
    public static String binLabel(int bin) {
        return bin == BINS - 1 ? "≥100" : String.format(Locale.ROOT, "%d–%d", bin * BIN_WIDTH, (bin + 1) * BIN_WIDTH);
    }

    /** Grade as written (empty when none) → {forms reporting it, forms recomputed to it}, by count. */
    public Map<String, long[]> grades() {
        return sorted(grades, c -> -(c[0] + c[1]));
    }

    /** The forms with the largest |computed − reported| total, largest first, at most {@value #LARGEST}. */
    public List<Form> largestDifferences() {
        List<Form> list = new ArrayList<>(largest);
        list.sort(largest.comparator().reversed());
        return list;
    }

    private static long sum(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    private static Map<String, long[]> sorted(Map<String, long[]> map, java.util.function.ToLongFunction<long[]> key) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> key.applyAsLong(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, long[]> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue().clone()));
        return out;
    }
}
