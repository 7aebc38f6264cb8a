package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 401: the caller is not authenticated. */
public non-sealed class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }

    public UnauthorizedException(String detail, Throwable cause) {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public UnauthorizedException(String type, String title, String detail) {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.of(type), title, detail);
    }

    protected UnauthorizedException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.UNAUTHORIZED, type, title, detail, cause);
    }
}
