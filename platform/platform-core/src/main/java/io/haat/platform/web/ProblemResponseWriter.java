package io.haat.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the servlet response, for code that runs outside Spring MVC (filters). */
public class ProblemResponseWriter {

    private final JsonMapper jsonMapper;

    public ProblemResponseWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        if (problem.getInstance() == null) {
            problem.setInstance(ProblemDetailsHandler.instance(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        // JSON is UTF-8 by definition (RFC 8259): bytes, and no charset parameter on the media type
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(toMap(problem, status)));
        response.flushBuffer();
    }

    static Map<String, Object> toMap(ProblemDetail problem, HttpStatusCode status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", (problem.getType() != null ? problem.getType() : ProblemTypes.forStatus(status)).toString());
        body.put("title", problem.getTitle() != null ? problem.getTitle() : Problems.defaultTitle(status));
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail() != null ? problem.getDetail() : Problems.defaultDetail(status));
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
