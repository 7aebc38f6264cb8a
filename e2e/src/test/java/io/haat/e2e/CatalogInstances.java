package io.haat.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fault suite asks of catalog-service's instances directly, beside the gateway: how many API requests an
 * instance has served (its Prometheus counter), and whether Eureka still lists it.
 */
final class CatalogInstances {

    /** {@code LocalMarketplace.startSecondInstance("catalog-service")}: the service's port + 10000. */
    static final int SECOND_PORT = 18082;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SERVED = Pattern.compile(
            "^http_server_requests_seconds_count\\{([^}]*)} ([0-9.E+]+)$", Pattern.MULTILINE);

    private CatalogInstances() {
    }

    /** API requests the instance on {@code port} has answered (its own probes and scrapes left out); 0 if it is down. */
    static long served(int port) {
        String metrics = get("http://localhost:" + port + "/actuator/prometheus", null);
        long served = 0;
        Matcher line = SERVED.matcher(metrics == null ? "" : metrics);
        while (line.find()) {
            if (!line.group(1).contains("uri=\"/actuator")) {
                served += (long) Double.parseDouble(line.group(2));
            }
        }
        return served;
    }

    /**
     * Whether the instance on {@code port} answers {@code path} (with {@code bearer}, may be null) with 200 within
     * {@code within}, five times in a row: warm (classes loaded, code compiled, tokens' keys fetched, its search
     * index built), not merely ready.
     */
    static boolean answersQuickly(int port, String path, String bearer, Duration within) {
        for (int i = 0; i < 5; i++) {
            long began = System.nanoTime();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            try {
                if (HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200
                        || System.nanoTime() - began > within.toNanos()) {
                    return false;
                }
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    /** Whether Eureka lists an instance of catalog-service on {@code port}, whatever its status. */
    static boolean listed(int port) {
        String apps = get(Marketplace.get().eurekaUrl() + "/eureka/apps/CATALOG-SERVICE", Marketplace.eurekaAuthorization());
        return apps != null && apps.contains("\"port\":{\"$\":" + port + ",");
    }

    private static String get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Accept", url.contains("/eureka/") ? "application/json" : "text/plain");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
