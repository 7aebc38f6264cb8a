package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 409: the request conflicts with the current state of the resource. */
public non-sealed class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail);
    }

    public ConflictException(String detail, Throwable cause) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public ConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, ProblemTypes.of(type), title, detail);
    }

    protected ConflictException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.CONFLICT, type, title, detail, cause);
    }
}
