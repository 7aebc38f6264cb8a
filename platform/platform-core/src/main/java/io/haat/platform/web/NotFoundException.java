package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 404: the resource does not exist, or the caller may not know that it does. */
public non-sealed class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    public NotFoundException(String detail, Throwable cause) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public NotFoundException(String type, String title, String detail) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.of(type), title, detail);
    }

    /** {@code NotFoundException.of("Order", id)} → "Order 42 was not found." */
    public static NotFoundException of(String resource, Object id) {
        return new NotFoundException(resource + " " + id + " was not found.");
    }

    protected NotFoundException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.NOT_FOUND, type, title, detail, cause);
    }
}
