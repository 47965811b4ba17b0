package org.jixiao.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a stage for one file: a value, or a {@link Failure} that says why there is none.
 * A file fails whole or passes whole; there is no partial value.
 */
public sealed interface Result<T> permits Result.Ok, Result.Failed {

    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(Failure failure) implements Result<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> failed(String sourceFile, Stage stage, String code, String message) {
        return new Failed<>(new Failure(sourceFile, stage, code, message));
    }

    /** Applies {@code f} to an {@link Ok} value; passes a {@link Failed} through unchanged. */
    default <U> Result<U> then(Function<? super T, Result<U>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        return new Failed<>(((Failed<T>) this).failure());
    }
}
