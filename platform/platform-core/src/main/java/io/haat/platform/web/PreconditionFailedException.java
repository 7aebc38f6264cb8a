package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** 412: an {@code If-Match} / version precondition does not hold (concurrent edit). */
public non-sealed class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail);
    }

    public PreconditionFailedException(String detail, Throwable cause) {
        super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail, cause);
    }

    /** A more specific problem of this kind, e.g. type {@code "insufficient-stock"} (see {@link ProblemTypes#of}). */
    public PreconditionFailedException(String type, String title, String detail) {
        super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.of(type), title, detail);
    }

    protected PreconditionFailedException(URI type, String title, String detail, Throwable cause) {
        super(HttpStatus.PRECONDITION_FAILED, type, title, detail, cause);
    }
}
