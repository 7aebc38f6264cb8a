package io.haat.platform.web;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Base of the exceptions a service throws to answer with a given problem: the handler turns it into
 * {@code application/problem+json} with this status, type, title and detail (the detail is shown to
 * clients, so it must not contain internals). The set of statuses is closed; each kind is open to
 * service-specific subclasses such as {@code class InsufficientStock extends ConflictException}.
 */
public abstract sealed class ProblemException extends RuntimeException
        permits BadRequestException, UnauthorizedException, ForbiddenException, NotFoundException,
        ConflictException, PreconditionFailedException, UnprocessableException, ServiceUnavailableException,
        TooManyRequestsException, LockedException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    protected ProblemException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    protected ProblemException(HttpStatus status, URI type, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type != null ? type : ProblemTypes.forStatus(status);
        this.title = title != null ? title : Problems.defaultTitle(status);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Adds an extension member (e.g. {@code availableQuantity}) to the problem body. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Response headers that belong to the problem, e.g. {@code Retry-After} (read-only). */
    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }

    protected void setHeader(String name, String value) {
        headers.set(name, value);
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.create(status, type, title, detail());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
