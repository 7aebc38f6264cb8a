package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import tools.jackson.databind.JsonNode;

/** 429 and 423 are problems like any other, with a Retry-After in whole seconds (header and body). */
class RetryLaterProblemsTest extends PlatformWebIntegrationTest {

    @Test
    void tooManyRequestsTellsWhenToRetryRoundedUp() {
        HttpResponse<String> response = get("/test/public/throttled", null);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.TOO_MANY_REQUESTS.toString());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asString()).isEqualTo("Too many pings; slow down.");
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(2);
    }

    @Test
    void lockedCarriesItsOwnTypeAndRetryAfter() {
        HttpResponse<String> response = get("/test/public/locked", null);

        assertThat(response.statusCode()).isEqualTo(423);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.BASE + "account-locked");
        assertThat(problem.get("title").asString()).isEqualTo("Account temporarily locked");
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(30);
    }
}
