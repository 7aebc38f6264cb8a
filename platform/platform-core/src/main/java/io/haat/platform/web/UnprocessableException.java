package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 422: the request is well-formed but breaks a business rule. */
public non-sealed class UnprocessableException extends ProblemException {

    public UnprocessableException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNPROCESSABLE, "Unprocessable request", detail);
    }

    public UnprocessableException(String detail, Throwable cause) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNPROCESSABLE, "Unprocessable request", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public UnprocessableException(String type, String title, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of(type), title, detail);
    }

    protected UnprocessableException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail, cause);
    }
}
