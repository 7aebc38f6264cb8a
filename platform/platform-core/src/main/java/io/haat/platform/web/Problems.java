package io.haat.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the {@link ProblemDetail}s every Haat error response is made of. */
public final class Problems {

    /** Name of the extension member listing field errors of a validation problem. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail create(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title != null ? title : defaultTitle(status));
        return problem;
    }

    /** A problem with the generic type and title of {@code status}. */
    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        return create(status, ProblemTypes.forStatus(status), defaultTitle(status), detail);
    }

    public static ProblemDetail validation(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Validation failed", detail);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    public static String defaultTitle(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error " + status.value();
    }

    /** A generic detail for a status that says nothing about the server's internals. */
    public static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 401 -> "Authentication is required to access this resource.";
            case 403 -> "You are not allowed to perform this operation.";
            case 404 -> "The requested resource was not found.";
            case 405 -> "The request method is not supported for this resource.";
            case 413 -> "The request is too large.";
            case 415 -> "The request content type is not supported.";
            case 503 -> "The service is temporarily unavailable. Please retry later.";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred. Please retry later."
                    : "The request could not be processed.";
        };
    }
}
