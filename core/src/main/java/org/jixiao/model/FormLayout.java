package org.jixiao.model;

import java.util.Objects;

/**
 * Which template a form was read with.
 *
 * @param kind      what the form evaluates
 * @param template  the id of the template family that explained its headers ({@code national-2020},
 *                  {@code split-target}, …), as the template resources name them
 * @param hasScores false for forms without 分值/得分 columns (绩效目标 tables): their weights and
 *                  scores are blank and nothing is recomputed
 */
public record FormLayout(FormKind kind, String template, boolean hasScores) {
    public FormLayout {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
    }

    /** The national project form with scores: what a record built by hand (tests, library users) defaults to. */
    public static FormLayout nationalProject() {
        return new FormLayout(FormKind.PROJECT, "national-2020", true);
    }
}
