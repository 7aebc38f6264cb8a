package io.haat.platform.web;

import java.net.URI;
import java.util.List;

/**
 * 400 {@code validation} with field errors, for rules Bean Validation cannot express (cross-field rules,
 * lookups, query parameters checked in code): the same body as a failed {@code @Valid},
 * {@code {type, title: "Validation failed", status, detail, instance, errors: [{field, message}]}}.
 */
public class InvalidRequestException extends BadRequestException {

    private static final String TITLE = "Validation failed";

    private final List<FieldProblem> errors;

    /** One field error; the detail repeats it ({@code "endsAt must be after startsAt."}). */
    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestException(List<FieldProblem> errors) {
        this(detailOf(errors), errors);
    }

    /** Field errors with a detail of one's own, e.g. to say why a field the client did not send is missing. */
    public InvalidRequestException(String detail, List<FieldProblem> errors) {
        this(ProblemTypes.VALIDATION, TITLE, detail, errors);
    }

    /** A more specific kind of field error (e.g. {@code password-policy}) with the same body shape. */
    protected InvalidRequestException(URI type, String title, String detail, List<FieldProblem> errors) {
        super(type, title, detail, null);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid request names at least one field error");
        }
        this.errors = List.copyOf(errors);
        with(Problems.ERRORS, this.errors);
    }

    /** Throws when {@code errors} is not empty: collect every field error first, then report them together. */
    public static void throwIfAny(List<FieldProblem> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static String detailOf(List<FieldProblem> errors) {
        return errors.size() == 1 && errors.getFirst().field() != null
                ? errors.getFirst().field() + " " + errors.getFirst().message() + "."
                : "The request has invalid values.";
    }
}
