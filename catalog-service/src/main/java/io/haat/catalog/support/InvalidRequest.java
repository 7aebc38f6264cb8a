package io.haat.catalog.support;

import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.Problems;
import java.util.List;

/** 400 validation problem for rules bean validation cannot express (cross-field, lookups), with field errors. */
public class InvalidRequest extends BadRequestException {

    public InvalidRequest(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequest(List<FieldProblem> errors) {
        super("validation", "Validation failed", errors.size() == 1 && errors.getFirst().field() != null
                ? errors.getFirst().field() + " " + errors.getFirst().message() + "."
                : "The request has invalid values.");
        with(Problems.ERRORS, List.copyOf(errors));
    }
}
