package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 503: a dependency is down; the client may retry later. */
public non-sealed class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public ServiceUnavailableException(String type, String title, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.of(type), title, detail);
    }

    protected ServiceUnavailableException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, cause);
    }
}
