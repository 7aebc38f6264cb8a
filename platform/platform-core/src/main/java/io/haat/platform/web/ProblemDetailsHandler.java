package io.haat.platform.web;

import io.haat.platform.messaging.TransientFailures;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 {@code application/problem+json}
 * response with a stable {@code type} (see {@link ProblemTypes}) and no internals (no class names,
 * no stack traces). Unhandled exceptions become a generic 500 and are logged with their stack trace.
 * It runs last, so a service's own {@code @RestControllerAdvice} can handle an exception first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);
    private static final AuthenticationTrustResolver TRUST_RESOLVER = new AuthenticationTrustResolverImpl();

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        return respond(ex, ex.toProblemDetail(), new HttpHeaders(ex.headers()), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(ValidationErrors.leafPath(v.getPropertyPath()), v.getMessage()))
                .toList();
        return respond(ex, Problems.validation("The request has invalid values.", errors), new HttpHeaders(), request);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    public ResponseEntity<Object> handleConcurrentModification(RuntimeException ex, WebRequest request) {
        log.info("Conflicting write: {}", ex.getMessage());
        String detail = ex instanceof DuplicateKeyException
                ? "The resource already exists."
                : "The resource was changed by someone else. Reload it and retry.";
        return respond(ex, Problems.forStatus(HttpStatus.CONFLICT, detail), new HttpHeaders(), request);
    }

    /**
     * A value the database refuses is the request's fault, never a 500: SQLSTATE class 22 (data exception: a NUL
     * character, a string longer than its column, a number out of its range) is a 400; class 23 (a reference or a
     * constraint the service did not check first, e.g. an id that does not exist) is a 409. Neither the statement nor
     * the value is echoed or logged.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Object> handleDataIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        String state = sqlState(ex);
        if (state != null && state.startsWith("22")) {
            log.info("Value refused by the database (SQLSTATE {}) in {}", state, describe(request));
            return respond(ex, Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Invalid value",
                    "A value in the request cannot be stored: too long, out of range, or holding a character such as"
                            + " NUL."), new HttpHeaders(), request);
        }
        if (state != null && state.startsWith("23")) {
            log.info("Integrity violation (SQLSTATE {}) in {}", state, describe(request));
            return respond(ex, Problems.forStatus(HttpStatus.CONFLICT,
                    "The request conflicts with the data it refers to or with existing data."), new HttpHeaders(), request);
        }
        return handleUnexpected(ex, request);
    }

    private static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        return unauthorized(ex, request);
    }

    private ResponseEntity<Object> unauthorized(Exception ex, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return respond(ex, Problems.forStatus(HttpStatus.UNAUTHORIZED, Problems.defaultDetail(HttpStatus.UNAUTHORIZED)),
                headers, request);
    }

    // method security (@PreAuthorize) denials arrive here, not at the filter chain's AccessDeniedHandler
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !TRUST_RESOLVER.isAuthenticated(authentication)) {
            return unauthorized(ex, request);
        }
        return respond(ex, Problems.forStatus(HttpStatus.FORBIDDEN, Problems.defaultDetail(HttpStatus.FORBIDDEN)),
                new HttpHeaders(), request);
    }

    /**
     * A body declared multipart that cannot be parsed (no boundary, truncated parts): the client's fault, on any path.
     * Too large an upload is a {@code MaxUploadSizeExceededException}, answered 413 by the base class.
     */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Object> handleUnreadableMultipart(MultipartException ex, WebRequest request) {
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE,
                    request);
        }
        return respond(ex, Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The multipart body cannot be read: it needs a boundary and well-formed parts."), new HttpHeaders(),
                request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        ProblemDetail unreadable = unreadableRequest(ex, request);
        if (unreadable != null) {
            return respond(ex, unreadable, new HttpHeaders(), request);
        }
        Optional<ProblemDetail> remote = RemoteFailureProblems.toProblem(ex);
        if (remote.isPresent()) {
            return respond(ex, remote.get(), new HttpHeaders(), request);
        }
        if (TransientFailures.isTransient(ex)) {
            // the database is down or restarting: nothing was done, the same request succeeds once it is back
            log.warn("Dependency unavailable in {}: {}", describe(request), ex.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return respond(ex, Problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, null,
                    Problems.defaultDetail(HttpStatus.SERVICE_UNAVAILABLE)), headers, request);
        }
        return respond(ex, Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.defaultDetail(HttpStatus.INTERNAL_SERVER_ERROR)), new HttpHeaders(), request);
    }

    /**
     * Requests that cannot even be read, which Spring and Tomcat fail on with exceptions of no HTTP meaning (500s
     * found by the attack suite): a {@code Content-Type} with a wildcard ({@code *}{@code /*}, {@code application/*})
     * or that is no media type at all is a 415; a form body with a broken escape ({@code %ZZ}) a 400.
     */
    private static ProblemDetail unreadableRequest(Exception ex, WebRequest request) {
        for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                        "The form parameters cannot be decoded: every % must start a valid escape.");
            }
        }
        if (ex instanceof IllegalArgumentException && request instanceof ServletWebRequest servlet
                && !usableContentType(servlet.getRequest().getContentType())) {
            return Problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type",
                    "The Content-Type must name one media type, such as application/json, without wildcards.");
        }
        return null;
    }

    private static boolean usableContentType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.validation("The request has invalid fields.",
                ValidationErrors.of(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.validation("The request has invalid values.", ValidationErrors.of(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "value";
        String field = name != null ? name : "parameter";
        ProblemDetail problem = Problems.validation("Parameter '" + field + "' has an invalid value.",
                List.of(new FieldProblem(field, "must be a valid " + expected)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.validation("Parameter '" + ex.getParameterName() + "' is required.",
                List.of(new FieldProblem(ex.getParameterName(), "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the exception message names parser classes and positions: never copy it to the client
        ProblemDetail problem = Problems.create(status, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The request body is missing or is not valid JSON for this resource.");
        List<FieldProblem> errors = ValidationErrors.ofUnreadableBody(ex);
        if (!errors.isEmpty()) {
            problem.setProperty(Problems.ERRORS, errors);
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's detail speaks of "static resources": keep it plain
        return handleExceptionInternal(ex, Problems.forStatus(status, Problems.defaultDetail(status)), headers, status,
                request);
    }

    /** Final step for every problem: fills in type, title, detail and instance, and logs server errors. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : Problems.forStatus(statusCode, null);
        complete(problem, statusCode, request);
        // remote failures (502/503) are logged where they are mapped; an unexpected 500 gets its stack trace here
        if (ex != null && ProblemTypes.INTERNAL.equals(problem.getType())) {
            log.error("Request {} failed", describe(request), ex);
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    static void complete(ProblemDetail problem, HttpStatusCode status, WebRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemTypes.forStatus(status));
        }
        if (problem.getTitle() == null) {
            problem.setTitle(Problems.defaultTitle(status));
        }
        if (problem.getDetail() == null || status.is5xxServerError() && problem.getType().equals(ProblemTypes.INTERNAL)) {
            problem.setDetail(Problems.defaultDetail(status));
        }
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(instance(servlet.getRequest().getRequestURI()));
        }
    }

    static URI instance(String requestUri) {
        try {
            return requestUri != null ? URI.create(requestUri) : null;
        } catch (IllegalArgumentException e) {
            return null; // a path that is not a valid URI: leave the member out rather than fail
        }
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
