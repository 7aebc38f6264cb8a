package io.haat.platform.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.haat.platform.web.testapp.DownstreamClient;
import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import io.haat.platform.web.testapp.TestDownstream;

/** Feign defaults against WireMock: credentials, trace context, typed errors, retries, circuit breaker. */
class FeignDefaultsTest extends PlatformWebIntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String USER = "5e1ec7ed-0000-4000-8000-00000000cafe";

    @Autowired
    private DownstreamClient downstream;
    @Autowired
    private CircuitBreakerRegistry circuitBreakers;
    @Autowired
    private OAuth2AuthorizedClientService authorizedClients;

    private final WireMockServer wireMock = TestDownstream.server();

    @BeforeEach
    void resetDownstream() {
        wireMock.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        wireMock.stubFor(WireMock.post("/token").willReturn(okJson(
                "{\"access_token\": \"service-token-123\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
    }

    @Test
    void callsOnBehalfOfARequestRelayItsTokenTraceAndRequestId() {
        wireMock.stubFor(WireMock.get("/things/t1").willReturn(okJson("{\"id\": \"t1\", \"name\": \"kettle\"}")));
        String token = jwt().token(USER, "CUSTOMER");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        HttpResponse<String> response = send(request("/test/feign/things/t1", token)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "req-feign-1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response)).containsEntry("name", "kettle");
        LoggedRequest sent = wireMock.findAll(getRequestedFor(urlEqualTo("/things/t1"))).getFirst();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + token);
        // same trace, new parent span: the downstream's spans join the caller's trace
        assertThat(sent.getHeader("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(sent.getHeader("X-Request-Id")).isEqualTo("req-feign-1");
    }

    @Test
    void callsWithoutAUserUseAClientCredentialsToken() {
        wireMock.stubFor(WireMock.get("/things/t2").willReturn(okJson("{\"id\": \"t2\", \"name\": \"pot\"}")));
        // an earlier test may have left a cached service token: start without one
        authorizedClients.removeAuthorizedClient(BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID,
                BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID);

        assertThat(downstream.get("t2").name()).isEqualTo("pot");

        wireMock.verify(getRequestedFor(urlEqualTo("/things/t2"))
                .withHeader("Authorization", equalTo("Bearer service-token-123")));
        wireMock.verify(postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(matching(".*grant_type=client_credentials.*")));
    }

    @Test
    void notFoundDecodesToATypedExceptionCarryingTheRemoteProblem() {
        wireMock.stubFor(WireMock.get("/things/missing").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", PROBLEM_JSON)
                .withBody("{\"type\": \"https://haat.io/problems/not-found\", \"title\": \"Not Found\", \"status\": 404,"
                        + " \"detail\": \"Thing missing was not found.\", \"sku\": \"SKU-9\"}")));

        assertThatThrownBy(() -> downstream.get("missing"))
                .isInstanceOfSatisfying(RemoteNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem().detail()).isEqualTo("Thing missing was not found.");
                    assertThat(e.problem().properties()).containsEntry("sku", "SKU-9");
                });
        wireMock.verify(1, getRequestedFor(urlEqualTo("/things/missing")));

        // uncaught, it becomes this service's 404 with the downstream's (client-safe) detail
        HttpResponse<String> response = get("/test/feign/things/missing", jwt().token(USER));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("detail", "Thing missing was not found.");
    }

    @Test
    void conflictDecodesToRemoteConflictException() {
        wireMock.stubFor(WireMock.post("/things").willReturn(aResponse().withStatus(409).withHeader("Content-Type", PROBLEM_JSON)
                .withBody("{\"type\": \"https://haat.io/problems/conflict\", \"status\": 409, \"detail\": \"taken\"}")));

        assertThatThrownBy(() -> downstream.create(new DownstreamClient.Thing("t3", "pan")))
                .isInstanceOf(RemoteConflictException.class);
    }

    @Test
    void getIsRetriedOnServiceUnavailableButPostIsNot() {
        wireMock.stubFor(WireMock.get("/things/flaky").willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(WireMock.post("/things").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> downstream.get("flaky")).isInstanceOf(RemoteServerErrorException.class);
        assertThatThrownBy(() -> downstream.create(new DownstreamClient.Thing("t4", "cup")))
                .isInstanceOf(RemoteServerErrorException.class);

        wireMock.verify(3, getRequestedFor(urlEqualTo("/things/flaky")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/things")));
    }

    @Test
    void retriedGetSucceedsWhenTheDownstreamRecovers() {
        wireMock.stubFor(WireMock.get("/things/recovering").inScenario("recovering").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wireMock.stubFor(WireMock.get("/things/recovering").inScenario("recovering").whenScenarioStateIs("up")
                .willReturn(okJson("{\"id\": \"recovering\", \"name\": \"jar\"}")));

        assertThat(downstream.get("recovering").name()).isEqualTo("jar");
        wireMock.verify(2, getRequestedFor(urlEqualTo("/things/recovering")));
    }

    @Test
    void downstreamFailureIsThisServices503() {
        wireMock.stubFor(WireMock.get("/things/down").willReturn(aResponse().withStatus(500)
                .withBody("java.lang.NullPointerException at com.downstream.Secret")));

        HttpResponse<String> response = get("/test/feign/things/down", jwt().token(USER));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(json(response)).containsEntry("type", "https://haat.io/problems/service-unavailable");
        assertThat(response.body()).doesNotContain("NullPointer", "Secret", "java.");
    }

    @Test
    void openCircuitFailsFastAndIsThisServices503() {
        wireMock.stubFor(WireMock.get("/things/t5").willReturn(okJson("{\"id\": \"t5\", \"name\": \"lid\"}")));
        downstream.get("t5"); // creates the method's circuit breaker
        CircuitBreaker breaker = circuitBreakers.getAllCircuitBreakers().stream()
                .filter(cb -> cb.getName().contains("DownstreamClient") && cb.getName().contains("get"))
                .findFirst().orElseThrow();
        wireMock.resetRequests();
        breaker.transitionToForcedOpenState();
        try {
            assertThatThrownBy(() -> downstream.get("t5")).isInstanceOf(CallNotPermittedException.class);
            HttpResponse<String> response = get("/test/feign/things/t5", jwt().token(USER));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response)).containsEntry("type", "https://haat.io/problems/service-unavailable");
            wireMock.verify(0, getRequestedFor(urlEqualTo("/things/t5")));
        } finally {
            breaker.reset();
        }
    }

    @Test
    void clientErrorsDoNotCountAsCircuitBreakerFailures() {
        wireMock.stubFor(WireMock.get("/things/gone").willReturn(aResponse().withStatus(404)));

        for (int i = 0; i < 15; i++) {
            assertThatThrownBy(() -> downstream.get("gone")).isInstanceOf(RemoteNotFoundException.class);
        }

        assertThat(circuitBreakers.getAllCircuitBreakers())
                .filteredOn(cb -> cb.getName().contains("DownstreamClient"))
                .allSatisfy(cb -> assertThat(cb.getState()).isEqualTo(CircuitBreaker.State.CLOSED));
    }
}
