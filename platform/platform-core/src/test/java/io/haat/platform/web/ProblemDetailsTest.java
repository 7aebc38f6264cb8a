package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import io.haat.platform.web.testapp.ProblemsTestController;

/** Every error of a servlet service is an RFC 9457 problem with a stable type and nothing internal in it. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest extends PlatformWebIntegrationTest {

    private String token;

    @BeforeEach
    void token() {
        token = jwt().token("7b1c1a52-3f0e-4c8e-9a43-1d2f3e4a5b6c", "CUSTOMER");
    }

    @Test
    void malformedJsonIsA400WithoutParserDetails() {
        HttpResponse<String> response = post("/test/problems/items", token, "{\"name\": \"pen\", \"quantity\": ");

        Map<String, Object> problem = assertProblem(response, 400, "malformed-request");
        assertThat(problem.get("detail")).isEqualTo("The request body is missing or is not valid JSON for this resource.");
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsA400NotA500() {
        // a fuzz run through the gateway got 273 answers 500 from requests like this one, on every servlet service
        for (String path : List.of("/test/problems/items", "/test/problems/search", "/no/such/path")) {
            HttpResponse<String> response = send(request(path, token)
                    .header("Content-Type", "multipart/form-data")
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1")));

            assertProblem(response, 400, "malformed-request");
        }
    }

    @Test
    void valueOfTheWrongTypeInTheBodyNamesTheField() {
        HttpResponse<String> response = post("/test/problems/items", token, "{\"name\": \"pen\", \"quantity\": \"many\"}");

        Map<String, Object> problem = assertProblem(response, 400, "malformed-request");
        assertThat(errors(problem)).containsExactly(Map.of("field", "quantity", "message", "has an invalid value"));
    }

    @Test
    void failedBodyValidationListsEveryFieldError() {
        HttpResponse<String> response = post("/test/problems/items", token, "{\"name\": \" \", \"quantity\": -3}");

        Map<String, Object> problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("title")).isEqualTo("Validation failed");
        assertThat(errors(problem)).extracting(e -> e.get("field")).containsExactlyInAnyOrder("name", "quantity");
        assertThat(errors(problem)).allSatisfy(e -> assertThat(e.get("message")).asString().isNotBlank());
    }

    @Test
    void failedParameterValidationListsTheParameter() {
        HttpResponse<String> response = get("/test/problems/search?size=500", token);

        Map<String, Object> problem = assertProblem(response, 400, "validation");
        assertThat(errors(problem)).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("size");
            assertThat(e.get("message")).asString().contains("100");
        });
    }

    @Test
    void missingRequiredParameterIsAValidationProblem() {
        Map<String, Object> problem = assertProblem(get("/test/problems/search", token), 400, "validation");
        assertThat(errors(problem)).containsExactly(Map.of("field", "size", "message", "is required"));
    }

    @Test
    void wrongTypeInAPathVariableNamesTheParameter() {
        HttpResponse<String> response = get("/test/problems/items/abc", token);

        Map<String, Object> problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("detail")).asString().contains("'id'");
        assertThat(errors(problem)).containsExactly(Map.of("field", "id", "message", "must be a valid UUID"));
    }

    @Test
    void unknownRouteIsA404() {
        Map<String, Object> problem = assertProblem(get("/test/no-such-thing", token), 404, "not-found");
        assertThat(problem.get("instance")).isEqualTo("/test/no-such-thing");
        assertThat(problem.get("detail")).isEqualTo("The requested resource was not found.");
    }

    @Test
    void wrongMethodIsA405() {
        HttpResponse<String> response = send(request("/test/problems/items", token).DELETE());

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void unsupportedContentTypeIsA415() {
        HttpResponse<String> response = send(request("/test/problems/items", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("pen")));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void problemExceptionsKeepTheirStatusTypeDetailAndExtensions() {
        Map<String, Object> notFound = assertProblem(
                get("/test/problems/items/" + ProblemsTestController.MISSING_ITEM, token), 404, "not-found");
        assertThat(notFound.get("detail")).isEqualTo("Item " + ProblemsTestController.MISSING_ITEM + " was not found.");

        Map<String, Object> conflict = assertProblem(get("/test/problems/conflict", token), 409, "insufficient-stock");
        assertThat(conflict).containsEntry("title", "Insufficient stock")
                .containsEntry("detail", "Only 2 units of SKU-1 are left.")
                .containsEntry("available", 2);
    }

    @Test
    void aWildcardContentTypeIsA415NotA500() {
        // Spring refuses to carry a wildcard Content-Type with an IllegalArgumentException (a 500 before)
        for (String type : new String[] {"*/*", "application/*"}) {
            HttpResponse<String> response = send(request("/test/problems/items", token).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"pen\", \"quantity\": 1}")));
            assertProblem(response, 415, "unsupported-media-type");
        }
    }

    @Test
    void aPostedFormWithABrokenEscapeIsA400NotA500() {
        // Tomcat's InvalidParameterException when Spring reads a posted form into a @RequestBody (a 500 before)
        HttpResponse<String> response = send(request("/test/problems/items", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=%ZZ&quantity=1")));
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499).isNotEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertNoInternals(response.body());
    }

    @Test
    void aFormBodyWithABrokenEscapeIsAClientErrorNotA500() {
        // Spring's FormContentFilter parsed every form body of a PUT, PATCH or DELETE and threw on %ZZ
        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            HttpResponse<String> response = send(request("/test/problems/versioned", token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("version=%ZZ&a=1")));
            assertThat(response.statusCode()).as(method + " " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void theDatabaseDownIsA503ToRetryNotA500() {
        HttpResponse<String> response = get("/test/problems/database-down", token);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertNoInternals(response.body());
        assertThat(response.body()).doesNotContain("Hikari").doesNotContain("db-internal");
    }

    @Test
    void aValueTheDatabaseRefusesIsA400AndAnIntegrityViolationA409NeverA500() {
        // 22021: a NUL character in a string (PostgreSQL text), 22001: too long for its column, 22003: out of range
        for (String state : new String[] {"22021", "22001", "22003"}) {
            HttpResponse<String> response = get("/test/problems/refused-by-database/" + state, token);
            assertThat(response.statusCode()).as(state).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":400").doesNotContain("UTF8").doesNotContain("db-internal");
        }
        HttpResponse<String> conflict = get("/test/problems/refused-by-database/23503", token);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertNoInternals(conflict.body()); // 23503: a foreign key the service did not check
    }

    @Test
    void unhandledExceptionIsAGeneric500AndItsStackTraceIsLogged(CapturedOutput output) {
        HttpResponse<String> response = get("/test/problems/boom", token);

        Map<String, Object> problem = assertProblem(response, 500, "internal");
        assertThat(problem.get("detail")).isEqualTo("An unexpected error occurred. Please retry later.");
        assertThat(response.body()).doesNotContain("secret", "db-internal");
        assertThat(output.getOut()).contains("IllegalStateException").contains("ProblemsTestController.boom");
    }

    @Test
    void errorsRaisedOutsideMvcGoThroughTheProblemErrorPage() {
        HttpResponse<String> response = get("/test/problems/send-error", token);

        Map<String, Object> problem = assertProblem(response, 409, "conflict");
        assertThat(problem.get("instance")).isEqualTo("/test/problems/send-error");
        assertThat(response.body()).doesNotContain("internal reason");
    }

    static Map<String, Object> assertProblem(HttpResponse<String> response, int status, String typeSlug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertNoInternals(response.body());
        Map<String, Object> problem = json(response);
        assertThat(problem).containsEntry("type", "https://haat.io/problems/" + typeSlug)
                .containsEntry("status", status)
                .containsKeys("title", "detail", "instance");
        return problem;
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("java.", "Exception", "tools.jackson", "com.fasterxml", "org.springframework",
                "\tat ", "at io.", "at org.", "trace");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> problem) {
        assertThat(problem).containsKey("errors");
        return (List<Map<String, Object>>) problem.get("errors");
    }
}
