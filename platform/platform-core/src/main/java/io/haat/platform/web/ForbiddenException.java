package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 403: the caller is authenticated but may not do this. */
public non-sealed class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    public ForbiddenException(String detail, Throwable cause) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public ForbiddenException(String type, String title, String detail) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.of(type), title, detail);
    }

    protected ForbiddenException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.FORBIDDEN, type, title, detail, cause);
    }
}
