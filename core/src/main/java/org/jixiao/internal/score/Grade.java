package org.jixiao.internal.score;

import org.jixiao.RuleProfile;
import org.jixiao.internal.normalize.Field;

import java.math.BigDecimal;
import java.util.List;
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

    /** The grade of a total under a profile: the first band whose lower bound it reaches, else {@link #POOR}. */
    static Grade of(BigDecimal total, RuleProfile profile) {
        List<BigDecimal> bands = profile.gradeBands();
        if (total.compareTo(bands.get(0)) >= 0) {
            return EXCELLENT;
        }
        if (total.compareTo(bands.get(1)) >= 0) {
            return GOOD;
        }
        if (total.compareTo(bands.get(2)) >= 0) {
            return FAIR;
        }
        return POOR;
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
