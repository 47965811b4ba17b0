package org.jixiao.internal.extract;

import org.jixiao.model.FormKind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One template family, as its resource {@code templates/<id>.properties} declares it: how it is
 * recognised, what kind of form it is and how it scores. The reading itself is the same for every
 * family (header-driven columns, one row grammar); a template says which reading of the form is
 * meant where families differ, and names the family in the output.
 *
 * @param id             the family id ({@code split-target}), written to {@code template}
 * @param kind           the kind of form
 * @param requires       every group must be met; a group is met when one of its alternatives is
 *                       among the form's traits (a header role such as {@code target.comparator},
 *                       or a trait of the body such as {@code rows.sub})
 * @param optional       the column roles the family may have besides the required ones (documentation,
 *                       checked by the template-matrix test)
 * @param scoreReported  the column that holds the reported score ({@code score.converted} for
 *                       Hebei-style forms); empty where the family has no scores
 * @param nameFromDepartment the form names no project: the department stands for it
 */
record Template(String id, FormKind kind, List<Set<String>> requires, Set<String> optional,
                Optional<ColumnRole> scoreReported, boolean nameFromDepartment) {
    Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        requires = requires.stream().map(Set::copyOf).toList();
        optional = Set.copyOf(optional);
        Objects.requireNonNull(scoreReported, "scoreReported");
    }

    /** True if every requirement group has one alternative among {@code traits}. */
    boolean explains(Set<String> traits) {
        for (Set<String> group : requires) {
            if (group.stream().noneMatch(traits::contains)) {
                return false;
            }
        }
        return true;
    }

    /** How much of a form the family explains: the more groups it requires, the more specific it is. */
    int specificity() {
        return requires.size();
    }

    boolean hasScores() {
        return scoreReported.isPresent();
    }
}
