package io.haat.identity.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.haat.identity.IdentityProperties;

/**
 * Opens the links of Keycloak's execute-actions emails the way a browser does (a cookie jar, Keycloak's
 * "perform the following actions" page, its "proceed" link, its redirects), so a frontend can hand this service
 * the link's token instead of sending the user to Keycloak's pages. Keycloak checks the token; callers then
 * confirm the outcome through the Admin API.
 */
public class KeycloakActionLinks {

    private static final Pattern PROCEED_LINK = Pattern.compile("href=\"([^\"]*/login-actions/action-token\\?[^\"]+)\"");
    private static final int MAX_STEPS = 6;

    private final IdentityProperties.Keycloak keycloak;
    private final Duration timeout;

    KeycloakActionLinks(IdentityProperties.Keycloak keycloak) {
        this.keycloak = keycloak;
        this.timeout = keycloak.readTimeout();
    }

    /** Whether Keycloak accepts the action token (valid signature, not expired, user still there). */
    public boolean accepts(String key) {
        return new Browser().open(key).isPresent();
    }

    /** Performs the token's actions that need no form (VERIFY_EMAIL); true if Keycloak went through to the end. */
    public boolean complete(String key) {
        Browser browser = new Browser();
        Optional<URI> proceed = browser.open(key);
        return proceed.isPresent() && browser.follow(proceed.get());
    }

    /**
     * One browser session: its own cookies, never leaving Keycloak. The cookies are kept by hand: Keycloak marks
     * them {@code Secure}, which the JDK's cookie manager never sends over plain HTTP (the in-cluster address).
     */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(keycloak.connectTimeout())
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        /** The "proceed" link of the page the token opens, if Keycloak accepted the token. */
        Optional<URI> open(String key) {
            URI link = URI.create(keycloak.realmUrl() + "/login-actions/action-token?key="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&client_id="
                    + URLEncoder.encode(keycloak.loginClientId(), StandardCharsets.UTF_8));
            HttpResponse<String> page = get(link);
            if (page.statusCode() != 200) {
                return Optional.empty();
            }
            Matcher proceed = PROCEED_LINK.matcher(page.body());
            return proceed.find() ? Optional.of(onKeycloak(proceed.group(1).replace("&amp;", "&"))) : Optional.empty();
        }

        /** Follows Keycloak's redirects; true once it sends the user back to the frontend or shows its final page. */
        boolean follow(URI start) {
            URI next = start;
            for (int step = 0; step < MAX_STEPS; step++) {
                HttpResponse<String> response = get(next);
                int status = response.statusCode();
                if (status / 100 == 3) {
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        return false;
                    }
                    URI target = URI.create(start.toString()).resolve(location.get());
                    if (!target.getPath().startsWith("/realms/")) {
                        return true; // back to the frontend's redirect URI: done
                    }
                    next = onKeycloak(target.toString());
                    continue;
                }
                return status == 200;
            }
            return false;
        }

        private HttpResponse<String> get(URI uri) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/html").GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").forEach(this::keep);
                return response;
            } catch (IOException e) {
                throw new KeycloakUnavailableException("The identity provider is unavailable. Please retry later.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakUnavailableException("Interrupted while calling the identity provider.", e);
            }
        }

        private void keep(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return;
            }
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }

        /** Keycloak writes links with its public hostname; this service calls it at its own address. */
        private URI onKeycloak(String url) {
            URI uri = URI.create(url);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return URI.create(keycloak.url() + path);
        }
    }
}
