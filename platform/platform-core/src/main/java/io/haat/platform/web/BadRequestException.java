package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 400: the request is wrong in a way bean validation cannot express. */
public non-sealed class BadRequestException extends ProblemException {

    public BadRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request", detail);
    }

    public BadRequestException(String detail, Throwable cause) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public BadRequestException(String type, String title, String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.of(type), title, detail);
    }

    protected BadRequestException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.BAD_REQUEST, type, title, detail, cause);
    }
}
