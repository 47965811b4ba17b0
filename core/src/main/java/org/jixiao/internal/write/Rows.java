package org.jixiao.internal.write;

import org.jixiao.model.AssessedRecord;
import org.jixiao.model.Assessment;
import org.jixiao.model.Failure;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingMessages;
import org.jixiao.model.FundFigures;
import org.jixiao.model.FundLine;
import org.jixiao.model.Goals;
import org.jixiao.model.Indicator;
import org.jixiao.model.IndicatorDetails;
import org.jixiao.model.RegionalGoal;
import org.jixiao.model.IndicatorAssessment;
import org.jixiao.model.Measure;
import org.jixiao.model.ProjectRecord;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Sourced;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders records and failures into the rows of the output contract: one {@code projects} row per
 * form, then its {@code indicators}, {@code funds}, {@code goals} and {@code findings} rows; one {@code errors}
 * row per failure. Stateless and thread-safe.
 */
public final class Rows {

    private Rows() {
    }

    /** The rows of one assessed form, in the order projects, indicators, funds, findings. */
    public static List<TableRow> of(AssessedRecord assessed) {
        ProjectRecord r = assessed.record();
        Assessment a = assessed.assessment();
        FundFigures f = r.funds().summary();
        DepartmentCode department = DepartmentCode.of(value(r.department()));
        List<TableRow> rows = new ArrayList<>();
        rows.add(row(OutputTable.PROJECTS, r.recordId(), Cells.safeText(r.sourceFile()), r.formIndex(),
                Cells.text(r.projectName()), r.year().map(y -> y.value().toString()).orElse(""),
                Cells.text(r.department()), Cells.text(r.implementer()),
                Cells.reported(f.initialBudget()), Cells.reported(f.fullYearBudget()), Cells.reported(f.executed()),
                Cells.reported(f.executionRateReported()), Cells.computed(a.executionRateComputed(), a.rounding()),
                Cells.reported(f.budgetWeight()), Cells.reported(f.budgetScoreReported()),
                Cells.computed(a.budgetScoreComputed(), a.rounding()), r.indicators().size(), Cells.computed(a.weightSum(), a.rounding()),
                Cells.reported(r.totalScoreReported()), Cells.computed(a.totalScoreComputed(), a.rounding()),
                Cells.text(r.gradeReported()), a.gradeComputed().orElse(""), a.findings().size(),
                r.layout().kind().id(), r.layout().template(), r.layout().hasScores(), Cells.text(r.centralDepartment()),
                Cells.reported(r.budgetReviewScore()), Cells.reported(r.totalReviewScore()),
                // analysts' columns (issue 15); duplicate_of is filled in by CopyLinks, in run order
                assessed.contentHash(), "", region(r), Cells.safeText(department.code()),
                Cells.safeText(department.name())));
        for (Indicator i : r.indicators()) {
            Optional<IndicatorAssessment> ia = a.forIndicator(i.index());
            Measure t = i.targetMeasure();
            Measure ac = i.actualMeasure();
            IndicatorDetails d = i.details();
            rows.add(row(OutputTable.INDICATORS, r.recordId(), i.index(), Cells.safeText(i.level1()),
                    Cells.safeText(i.level2()), Cells.safeText(i.level3()), Cells.text(i.target()),
                    Cells.text(i.adjustedTarget()), Cells.text(i.actual()), Cells.reported(i.weight()),
                    Cells.reported(i.scoreReported()),
                    Cells.computed(ia.flatMap(IndicatorAssessment::scoreComputed), a.rounding()), Cells.text(i.deviationReason()),
                    t.comparator().map(c -> c.symbol()).orElse(""), Cells.plain(t.value()), Cells.safeText(t.unit()),
                    Cells.plain(ac.value()), Cells.safeText(ac.unit()),
                    Cells.computed(ia.flatMap(IndicatorAssessment::completionRate), a.rounding()),
                    ia.map(IndicatorAssessment::rule).orElse(""), i.source().describe(),
                    i.parentIndex().map(String::valueOf).orElse(""), Cells.reported(d.level1Weight()),
                    Cells.reported(d.itemScoreReported()), Cells.text(d.task()), Cells.text(d.improvementMeasure()),
                    Cells.text(d.criterion()), Cells.reported(d.reviewScore()), Cells.reported(d.scoreCoefficient()),
                    d.coreIndicator().map(c -> c.value().toString()).orElse("")));
        }
        for (FundLine line : r.funds().lines()) {
            FundFigures lf = line.figures();
            rows.add(row(OutputTable.FUNDS, r.recordId(), Cells.safeText(line.label()),
                    Cells.reported(lf.initialBudget()), Cells.reported(lf.fullYearBudget()),
                    Cells.reported(lf.executed()), Cells.reported(lf.executionRateReported()),
                    Cells.reported(lf.budgetWeight()), Cells.reported(lf.budgetScoreReported())));
        }
        Goals g = r.goals();
        if (g.expected().isPresent() || g.achieved().isPresent()) {
            rows.add(row(OutputTable.GOALS, r.recordId(), "", Cells.text(g.expected()), Cells.text(g.achieved())));
        }
        for (RegionalGoal rg : g.regional()) {
            rows.add(row(OutputTable.GOALS, r.recordId(), Cells.safeText(rg.area().value()), Cells.text(rg.expected()),
                    Cells.text(rg.achieved())));
        }
        for (Finding x : a.findings()) {
            rows.add(row(OutputTable.FINDINGS, r.recordId(), x.code(), x.severity().label(), x.field(),
                    Cells.safeText(x.reported()), Cells.safeText(x.computed()), Cells.safeText(x.message()),
                    x.source().map(SourceRef::describe).orElse(""), Cells.safeText(FindingMessages.chinese(x))));
        }
        return rows;
    }

    /** The province named in the department, the implementer or the title; empty when none is. */
    private static String region(ProjectRecord r) {
        return PlaceNames.instance().province(value(r.department()), value(r.implementer()), value(r.projectName()))
                .orElse("");
    }

    private static String value(Optional<Sourced<String>> text) {
        return text.map(Sourced::value).orElse("");
    }

    /** The {@code errors} row of one failed file. */
    public static TableRow of(Failure failure) {
        return row(OutputTable.ERRORS, Cells.safeText(failure.sourceFile()), failure.stage().label(), failure.code(),
                Cells.safeText(failure.message()), failure.formIndex().map(String::valueOf).orElse(""));
    }

    private static TableRow row(OutputTable table, Object... cells) {
        List<String> text = new ArrayList<>(cells.length);
        for (Object c : cells) {
            text.add(String.valueOf(c));
        }
        return new TableRow(table, text);
    }
}
