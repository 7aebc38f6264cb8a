package io.haat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

class ProblemErrorHandlerTest {

    @Test
    void aServiceThatIsNotRegisteredRefusesConnectionsOrHasAnOpenCircuitIsUnavailable() {
        assertThat(ProblemErrorHandler.statusOf(NotFoundException.create(false, "Unable to find instance for order-service")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(
                new org.springframework.cloud.gateway.support.ServiceUnavailableException("no instance of identity-service")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("order-service")))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // the identity provider's keys cannot be fetched
        assertThat(ProblemErrorHandler.statusOf(new AuthenticationServiceException("JWKS unreachable")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void otherFailuresMapToTheirStatus() {
        assertThat(ProblemErrorHandler.statusOf(new TimeoutException())).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ProblemErrorHandler.statusOf(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ProblemErrorHandler.statusOf(new IllegalStateException("boom"))).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        // the firewall's refusal, should it surface past the security filter chain (a header checked lazily)
        assertThat(ProblemErrorHandler.statusOf(
                new org.springframework.security.web.server.firewall.ServerExchangeRejectedException("encoded ..")))
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void problemTypesAreStable() {
        assertThat(Problems.type(Problems.slugFor(HttpStatus.UNAUTHORIZED))).isEqualTo("https://haat.io/problems/unauthorized");
        assertThat(Problems.type(Problems.slugFor(HttpStatus.SERVICE_UNAVAILABLE)))
                .isEqualTo("https://haat.io/problems/service-unavailable");
    }
}
