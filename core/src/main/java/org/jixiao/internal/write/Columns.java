package org.jixiao.internal.write;

import java.util.List;

/** The column names of the output contract (DESIGN.md). Fixed: new columns go at the end only. */
final class Columns {

    private Columns() {
    }

    static final List<String> PROJECTS = List.of("record_id", "source_file", "form_index", "project_name", "year",
            "department", "implementer", "initial_budget", "full_year_budget", "executed", "execution_rate_reported",
            "execution_rate_computed", "budget_weight", "budget_score_reported", "budget_score_computed",
            "indicator_count", "weight_sum", "total_score_reported", "total_score_computed", "grade_reported",
            "grade_computed", "finding_count",
            // template additions (DESIGN "Planned additions")
            "form_kind", "template", "has_scores", "central_department", "budget_review_score",
            "total_review_score",
            // keys and tidy columns for analysts (issue 15)
            "content_hash", "duplicate_of", "region", "department_code", "department_name");

    static final List<String> INDICATORS = List.of("record_id", "indicator_index", "level1", "level2", "level3",
            "target", "adjusted_target", "actual", "weight", "score_reported", "score_computed", "deviation_reason",
            "target_comparator", "target_value", "target_unit", "actual_value", "actual_unit", "completion_rate",
            "rule", "source_ref",
            // template additions (DESIGN "Planned additions")
            "parent_index", "level1_weight", "item_score_reported", "task", "improvement_measure", "criterion",
            "review_score", "score_coefficient", "core_indicator");

    static final List<String> FUNDS = List.of("record_id", "line", "initial_budget", "full_year_budget", "executed",
            "execution_rate_reported", "budget_weight", "budget_score_reported");

    static final List<String> FINDINGS = List.of("record_id", "code", "severity", "field", "reported", "computed",
            "message", "source_ref",
            // the Chinese message (issue 15)
            "message_zh");

    static final List<String> ERRORS = List.of("source_file", "stage", "code", "message", "form_index");

    /** 年度总体目标 (area blank) and the per-region goals of transfer-payment forms. */
    static final List<String> GOALS = List.of("record_id", "area", "target", "actual");
}
