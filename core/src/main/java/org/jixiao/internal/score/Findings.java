package org.jixiao.internal.score;

import org.jixiao.model.FindingCode;
import org.jixiao.model.Finding;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceRef;
import org.jixiao.model.Sourced;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The findings of one assessment as they are raised; one instance per {@code assess} call. */
final class Findings {

    private final List<Finding> list = new ArrayList<>();

    void add(FindingCode code, Severity severity, String field, String reported, String computed,
             String message, Optional<SourceRef> source) {
        list.add(new Finding(code.id(), severity, field, reported, computed, message, source));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }

    static Optional<SourceRef> sourceOf(Optional<? extends Sourced<?>> value) {
        return value.map(Sourced::source);
    }
}
