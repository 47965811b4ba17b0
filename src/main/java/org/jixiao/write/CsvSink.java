package org.jixiao.write;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Assessment;
import org.jixiao.model.Failure;
import org.jixiao.model.Finding;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundLine;
import org.jixiao.model.Indicator;
import org.jixiao.model.IndicatorAssessment;
import org.jixiao.model.Measure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.SourceRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the five CSV files of the output contract into a folder: UTF-8, a header row, RFC 4180
 * quoting, CRLF line ends (commons-csv's {@code RFC4180} format), optionally with a byte-order mark
 * for Excel. Rows are written as they come, so memory does not grow with the batch.
 */
public final class CsvSink implements RecordSink {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final List<AtomicFile> files = new ArrayList<>();
    private final CSVPrinter projects;
    private final CSVPrinter indicators;
    private final CSVPrinter funds;
    private final CSVPrinter findings;
    private final CSVPrinter errors;

    /**
     * Opens the five files in {@code dir} (created if missing).
     *
     * @param byteOrderMark write a UTF-8 BOM so Excel opens Chinese text correctly
     */
    public CsvSink(Path dir, boolean byteOrderMark) throws IOException {
        Files.createDirectories(dir);
        try {
            projects = open(dir.resolve("projects.csv"), Columns.PROJECTS, byteOrderMark);
            indicators = open(dir.resolve("indicators.csv"), Columns.INDICATORS, byteOrderMark);
            funds = open(dir.resolve("funds.csv"), Columns.FUNDS, byteOrderMark);
            findings = open(dir.resolve("findings.csv"), Columns.FINDINGS, byteOrderMark);
            errors = open(dir.resolve("errors.csv"), Columns.ERRORS, byteOrderMark);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private CSVPrinter open(Path path, List<String> header, boolean bom) throws IOException {
        AtomicFile f = new AtomicFile(path);
        files.add(f);
        CSVPrinter p = new CSVPrinter(f.writer(bom), FORMAT);
        p.printRecord(header);
        return p;
    }

    @Override
    public void accept(AssessedRecord assessed) throws IOException {
        ProjectRecord r = assessed.record();
        Assessment a = assessed.assessment();
        FundFigures f = r.funds().summary();
        projects.printRecord(r.recordId(), Cells.safeText(r.sourceFile()), r.formIndex(),
                Cells.text(r.projectName()), r.year().map(y -> y.value().toString()).orElse(""),
                Cells.text(r.department()), Cells.text(r.implementer()),
                Cells.reported(f.initialBudget()), Cells.reported(f.fullYearBudget()), Cells.reported(f.executed()),
                Cells.reported(f.executionRateReported()), Cells.computed(a.executionRateComputed()),
                Cells.reported(f.budgetWeight()), Cells.reported(f.budgetScoreReported()),
                Cells.computed(a.budgetScoreComputed()), r.indicators().size(), Cells.computed(a.weightSum()),
                Cells.reported(r.totalScoreReported()), Cells.computed(a.totalScoreComputed()),
                Cells.text(r.gradeReported()), a.gradeComputed().orElse(""), a.findings().size());
        for (Indicator i : r.indicators()) {
            Optional<IndicatorAssessment> ia = a.forIndicator(i.index());
            Measure t = i.targetMeasure();
            Measure ac = i.actualMeasure();
            indicators.printRecord(r.recordId(), i.index(), Cells.safeText(i.level1()), Cells.safeText(i.level2()),
                    Cells.safeText(i.level3()), Cells.text(i.target()), Cells.text(i.adjustedTarget()),
                    Cells.text(i.actual()), Cells.reported(i.weight()), Cells.reported(i.scoreReported()),
                    Cells.computed(ia.flatMap(IndicatorAssessment::scoreComputed)), Cells.text(i.deviationReason()),
                    t.comparator().map(c -> c.symbol()).orElse(""), Cells.plain(t.value()), Cells.safeText(t.unit()),
                    Cells.plain(ac.value()), Cells.safeText(ac.unit()),
                    Cells.computed(ia.flatMap(IndicatorAssessment::completionRate)),
                    ia.map(IndicatorAssessment::rule).orElse(""), i.source().describe());
        }
        for (FundLine line : r.funds().lines()) {
            FundFigures lf = line.figures();
            funds.printRecord(r.recordId(), Cells.safeText(line.label()), Cells.reported(lf.initialBudget()),
                    Cells.reported(lf.fullYearBudget()), Cells.reported(lf.executed()),
                    Cells.reported(lf.executionRateReported()), Cells.reported(lf.budgetWeight()),
                    Cells.reported(lf.budgetScoreReported()));
        }
        for (Finding x : a.findings()) {
            findings.printRecord(r.recordId(), x.code(), x.severity().label(), x.field(), Cells.safeText(x.reported()),
                    Cells.safeText(x.computed()), Cells.safeText(x.message()),
                    x.source().map(SourceRef::describe).orElse(""));
        }
    }

    @Override
    public void accept(Failure failure) throws IOException {
        errors.printRecord(Cells.safeText(failure.sourceFile()), failure.stage().label(), failure.code(),
                Cells.safeText(failure.message()));
    }

    @Override
    public void commit() throws IOException {
        for (CSVPrinter p : List.of(projects, indicators, funds, findings, errors)) {
            p.flush();
        }
        for (AtomicFile f : files) {
            f.commit();
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (AtomicFile f : files) {
            try {
                f.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
