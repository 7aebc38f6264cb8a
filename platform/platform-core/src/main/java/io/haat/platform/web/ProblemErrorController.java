package io.haat.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code /error} fallback (errors raised outside Spring MVC: filters, {@code sendError}, the container)
 * as {@code application/problem+json} instead of Boot's {@code BasicErrorController} JSON or HTML page.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errorAttributes;

    public ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        ProblemDetail problem = error instanceof ProblemException p ? p.toProblemDetail() : null;
        if (problem == null) {
            problem = Problems.forStatus(status(request), null);
        }
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        if (status.is5xxServerError() && error != null) {
            log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
        if (problem.getDetail() == null || problem.getType().equals(ProblemTypes.INTERNAL)) {
            problem.setDetail(Problems.defaultDetail(status));
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri) {
            problem.setInstance(ProblemDetailsHandler.instance(uri));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (error instanceof ProblemException p) {
            response.headers(p.headers()); // e.g. Retry-After of a 429 thrown from a filter
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value < 600) {
            return HttpStatusCode.valueOf(value);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
