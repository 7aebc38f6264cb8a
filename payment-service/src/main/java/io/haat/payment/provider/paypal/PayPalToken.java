package io.haat.payment.provider.paypal;

import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.ProviderHttp;
import io.haat.payment.provider.ProviderProperties;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * PayPal's OAuth client-credentials access token ({@code POST /v1/oauth2/token}, Basic auth with the client id
 * and secret), kept until a minute before it expires.
 */
final class PayPalToken {

    private final ProviderProperties.PayPal config;
    private final ProviderHttp http;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    PayPalToken(ProviderProperties.PayPal config, ProviderHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** A valid token, or the failure that prevented getting one. */
    synchronized Result get() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(expiresAt)) {
            return new Result(token, null);
        }
        String basic = Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = http.request(URI.create(PayPalProvider.strip(config.baseUrl()) + "/v1/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return switch (http.send(request)) {
            case ProviderHttp.Failed failed -> new Result(null, failed.failure());
            case ProviderHttp.Answer answer when answer.ok() && answer.body().has("access_token") -> {
                token = answer.body().path("access_token").asString();
                expiresAt = now.plusSeconds(Math.max(0, answer.body().path("expires_in").asLong(0) - 60));
                yield new Result(token, null);
            }
            case ProviderHttp.Answer answer -> new Result(null, ProviderFailure.of(
                    answer.status() == 401 ? ProviderFailure.Kind.UNAUTHORIZED : ProviderFailure.Kind.PROVIDER_ERROR,
                    answer.body().path("error").asString("http_" + answer.status()),
                    answer.body().path("error_description").asString("")));
        };
    }

    record Result(String token, ProviderFailure failure) {
    }
}
