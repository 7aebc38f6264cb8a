package io.haat.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/** The stable {@code type} URIs of every problem a Haat service answers with (RFC 9457). */
public final class ProblemTypes {

    public static final String BASE = "https://haat.io/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI BAD_REQUEST = of("bad-request");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI CONFLICT = of("conflict");
    public static final URI PRECONDITION_FAILED = of("precondition-failed");
    /** 412: the client edited a version that is no longer the current one (see {@link Versions}). */
    public static final URI STALE_VERSION = of("stale-version");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI UNPROCESSABLE = of("unprocessable");
    public static final URI IDEMPOTENCY_KEY_MISSING = of("idempotency-key-missing");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI IDEMPOTENCY_REQUEST_IN_PROGRESS = of("idempotency-request-in-progress");
    public static final URI TOO_MANY_REQUESTS = of("too-many-requests");
    public static final URI LOCKED = of("locked");
    public static final URI INTERNAL = of("internal");
    public static final URI BAD_GATEWAY = of("bad-gateway");
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

    private ProblemTypes() {
    }

    /** {@code https://haat.io/problems/<slug>}; an absolute URI is returned unchanged. */
    public static URI of(String slugOrUri) {
        URI uri = URI.create(slugOrUri);
        return uri.isAbsolute() ? uri : URI.create(BASE + slugOrUri);
    }

    /** The generic type for a status when nothing more specific is known. */
    public static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412, 428 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 423 -> LOCKED;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> BAD_GATEWAY;
            case 503, 504 -> SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
        };
    }
}
