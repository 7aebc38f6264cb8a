package io.haat.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@code ?page=&size=} pair: page from 0, size 1..100. Out-of-range values are a 400 {@code validation}
 * problem naming the parameters, the same body in every service; a value that is not a number is turned into
 * the same kind of problem by the handler, when the controller takes {@code Integer page, Integer size}.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public Paging {
        List<FieldProblem> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldProblem("page", "must be greater than or equal to 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        InvalidRequestException.throwIfAny(errors);
    }

    /** From optional request parameters: page 0 and size {@value #DEFAULT_SIZE} when absent. */
    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
