package io.haat.payment.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JDK HTTP client for the providers without an SDK (Khalti, eSewa), with the configured time-outs. A call
 * either answers (any status) or fails as {@link ProviderFailure.Kind#UNREACHABLE}; it never throws.
 */
public final class ProviderHttp {

    private final HttpClient client;
    private final Duration readTimeout;
    private final JsonMapper json;

    public ProviderHttp(Duration connectTimeout, Duration readTimeout, JsonMapper json) {
        // HTTP/1.1: the providers' APIs are plain REST, and no h2c upgrade attempt on a plain-HTTP test stub
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.json = json;
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json");
    }

    public HttpRequest.BodyPublisher jsonBody(Object body) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    }

    public Outcome send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (HttpTimeoutException e) {
            return new Failed(ProviderFailure.of(ProviderFailure.Kind.UNREACHABLE, "timeout",
                    "no answer within " + readTimeout));
        } catch (IOException e) {
            return new Failed(ProviderFailure.of(ProviderFailure.Kind.UNREACHABLE, "io", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(ProviderFailure.of(ProviderFailure.Kind.UNREACHABLE, "interrupted", "interrupted"));
        }
    }

    /** The body as JSON, or a missing node when it is empty or not JSON (e.g. an HTML error page). */
    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    public sealed interface Outcome {
    }

    /** The provider answered; {@code body} is a missing node when it was not JSON. */
    public record Answer(int status, JsonNode body) implements Outcome {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public record Failed(ProviderFailure failure) implements Outcome {
    }
}
