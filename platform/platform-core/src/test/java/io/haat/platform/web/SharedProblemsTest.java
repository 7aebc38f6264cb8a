package io.haat.platform.web;

import static io.haat.platform.web.ProblemDetailsTest.assertProblem;
import static io.haat.platform.web.ProblemDetailsTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;

/** The problems every service answers the same way: paging mistakes, field errors found in code, stale versions. */
class SharedProblemsTest extends PlatformWebIntegrationTest {

    private String token;

    @BeforeEach
    void token() {
        token = jwt().token("5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "CUSTOMER");
    }

    @Test
    void aListIsOnePageEnvelope() {
        HttpResponse<String> response = get("/test/problems/pages?page=1&size=3", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(Map.of("items", List.of(1, 2, 3), "page", 1, "size", 3, "totalItems", 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page=-1        | page | must be greater than or equal to 0",
            "size=0         | size | must be between 1 and 100",
            "size=101       | size | must be between 1 and 100",
            "page=abc       | page | must be a valid Integer",
            "size=1.5       | size | must be a valid Integer"})
    void aPagingMistakeIsAValidationProblemNamingTheParameter(String query, String field, String message) {
        Map<String, Object> problem = assertProblem(get("/test/problems/pages?" + query, token), 400, "validation");

        assertThat(problem.get("title")).isEqualTo("Validation failed");
        assertThat(errors(problem)).containsExactly(Map.of("field", field, "message", message));
    }

    @Test
    void fieldErrorsFoundInCodeHaveTheBodyOfABeanValidationFailure() {
        Map<String, Object> problem = assertProblem(get("/test/problems/field-errors?from=b&to=a", token), 400,
                "validation");

        assertThat(problem).containsEntry("title", "Validation failed")
                .containsEntry("detail", "from must be before 'to'.");
        assertThat(errors(problem)).containsExactly(Map.of("field", "from", "message", "must be before 'to'"));
    }

    @Test
    void anEditOfAnOldVersionIs412StaleVersionWhetherByIfMatchOrBody() {
        Map<String, Object> byHeader = assertProblem(put("{}", "If-Match", "\"2\""), 412, "stale-version");
        assertThat(byHeader).containsEntry("title", "Stale version")
                .containsEntry("detail", "The thing was changed since version 2 (now 3). Reload it and retry.")
                .containsEntry("currentVersion", 3);

        Map<String, Object> byBody = assertProblem(put("{\"version\": 2}"), 412, "stale-version");
        assertThat(byBody).containsEntry("detail", byHeader.get("detail"));

        assertProblem(put("{\"version\": 2}", "If-Match", "\"3\""), 400, "validation");
        assertThat(put("{\"version\": 3}").statusCode()).isEqualTo(200);
        assertThat(put("{}", "If-Match", "\"3\"").statusCode()).isEqualTo(200);
        assertThat(put("{}").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> put(String json, String... headers) {
        HttpRequest.Builder request = request("/test/problems/versioned", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }
}
