package org.jixiao.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jixiao.write.OutputTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
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
        errorsByCode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errorsByCode));
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
        int codeIndex = OutputTable.FINDINGS.columns().indexOf("code");
        int severityIndex = OutputTable.FINDINGS.columns().indexOf("severity");
        int errorCodeIndex = OutputTable.ERRORS.columns().indexOf("code");
        int errorFileIndex = OutputTable.ERRORS.columns().indexOf("source_file");

        Dataset<Row> errors = staged.filter(table.equalTo(OutputTable.ERRORS.label()));
        long failed = errors.agg(countDistinct(cells.getItem(errorFileIndex))).first().getLong(0);
        Map<String, Long> byCode = new LinkedHashMap<>();
        for (Row r : errors.groupBy(cells.getItem(errorCodeIndex).as("code")).count()
                .orderBy(col("count").desc(), col("code")).collectAsList()) {
            byCode.put(r.getString(0), r.getLong(1));
        }

        List<FindingCount> findings = new ArrayList<>();
        for (Row r : staged.filter(table.equalTo(OutputTable.FINDINGS.label()))
                .groupBy(cells.getItem(codeIndex).as("code"), cells.getItem(severityIndex).as("severity")).count()
                .orderBy(col("count").desc(), col("code"), col("severity")).collectAsList()) {
            findings.add(new FindingCount(r.getString(0), r.getString(1), r.getLong(2)));
        }

        Column isForm = table.equalTo(OutputTable.PROJECTS.label());
        Column isFinding = table.equalTo(OutputTable.FINDINGS.label());
        Column isError = isFinding.and(cells.getItem(severityIndex).equalTo("error"));
        List<YearCount> years = new ArrayList<>();
        long forms = 0;
        for (Row r : staged.filter(isForm.or(isFinding))
                .groupBy(col(Staged.FORM_YEAR))
                .agg(sum(when(isForm, lit(1L)).otherwise(lit(0L))), sum(when(isFinding, lit(1L)).otherwise(lit(0L))),
                        sum(when(isError, lit(1L)).otherwise(lit(0L))))
                .orderBy(col(Staged.FORM_YEAR).asc_nulls_last()).collectAsList()) {
            years.add(new YearCount(r.isNullAt(0) ? "none" : r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
            forms += r.getLong(1);
        }
        return new AuditSummary(files, forms, failed, byCode, findings, years, seconds);
    }

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
