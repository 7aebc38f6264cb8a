package io.haat.identity.support;

import java.util.ArrayList;
import java.util.List;

import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.Problems;

/**
 * Checks {@code page} and {@code size} inside admin handlers, after the role check (annotated parameters would
 * be validated before it, answering a 400 where a 403 is due).
 */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static void check(int page, int size) {
        List<FieldProblem> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldProblem("page", "must be greater than or equal to 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** A 400 validation problem with these field errors. */
    public static BadRequestException invalid(List<FieldProblem> errors) {
        BadRequestException problem = new BadRequestException("validation", "Validation failed",
                "The request has invalid values.");
        problem.with(Problems.ERRORS, errors);
        return problem;
    }
}
