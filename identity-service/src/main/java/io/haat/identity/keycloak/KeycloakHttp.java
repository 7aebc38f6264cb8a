package io.haat.identity.keycloak;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The raw HTTP exchange with Keycloak: every status comes back to the caller, I/O failures become a 503. */
class KeycloakHttp {

    private static final Logger log = LoggerFactory.getLogger(KeycloakHttp.class);

    /** Status, body and headers of one Keycloak answer. */
    record Answer(int status, String body, HttpHeaders headers, JsonMapper json) {

        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode jsonBody() {
            if (body == null || body.isBlank()) {
                return json.createObjectNode();
            }
            try {
                return json.readTree(body);
            } catch (JacksonException e) {
                return json.createObjectNode();
            }
        }

        <T> T as(Class<T> type) {
            try {
                return json.readValue(body, type);
            } catch (JacksonException e) {
                throw new KeycloakUnavailableException("The identity provider answered unexpectedly.", e);
            }
        }

        String text(String field) {
            JsonNode value = jsonBody().path(field);
            return value.isValueNode() ? value.asString() : "";
        }

        Optional<String> location() {
            return Optional.ofNullable(headers.getFirst(HttpHeaders.LOCATION));
        }
    }

    private final RestClient http;
    private final JsonMapper json;

    KeycloakHttp(RestClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    Answer form(String url, MultiValueMap<String, String> form, String bearer) {
        return exchange(HttpMethod.POST, URI.create(url), bearer, MediaType.APPLICATION_FORM_URLENCODED, form);
    }

    Answer send(HttpMethod method, URI uri, String bearer, Object jsonBody) {
        return exchange(method, uri, bearer, MediaType.APPLICATION_JSON, jsonBody);
    }

    private Answer exchange(HttpMethod method, URI uri, String bearer, MediaType contentType, Object body) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
            if (bearer != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
            }
            if (body != null) {
                request.contentType(contentType).body(body);
            }
            return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders(), json), true);
        } catch (ResourceAccessException e) {
            log.warn("Keycloak unreachable: {} {}: {}", method, uri.getPath(), e.getMessage());
            throw new KeycloakUnavailableException("The identity provider is unavailable. Please retry later.", e);
        }
    }

    /** For answers this service cannot act on: logged in full, answered 503 without internals. */
    static KeycloakUnavailableException unexpected(String what, Answer answer) {
        log.error("Keycloak {} answered {}: {}", what, answer.status(), abbreviate(answer.body()));
        return new KeycloakUnavailableException(
                "The identity provider could not complete the request. Please retry later.");
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
