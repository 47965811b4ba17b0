package org.jixiao.score;

import org.jixiao.normalize.Field;

import java.util.Optional;

/** The four grades of the national scheme; bands come from {@link RuleProfile#gradeBands()}. */
enum Grade {
    EXCELLENT(Field.GRADE_EXCELLENT, "grade.excellent"),
    GOOD(Field.GRADE_GOOD, "grade.good"),
    FAIR(Field.GRADE_FAIR, "grade.fair"),
    POOR(Field.GRADE_POOR, "grade.poor");

    private final Field field;
    private final String labelKey;

    Grade(Field field, String labelKey) {
        this.field = field;
        this.labelKey = labelKey;
    }

    /** The key of the canonical label in {@code vocabulary.properties}. */
    String labelKey() {
        return labelKey;
    }

    /** The grade a dictionary field names ({@code GRADE_GOOD} for 良好); empty for other fields. */
    static Optional<Grade> of(Field field) {
        for (Grade g : values()) {
            if (g.field == field) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
