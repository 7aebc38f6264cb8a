package io.haat.e2e;

import io.haat.local.LocalMarketplace;
import io.haat.local.Options;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The marketplace the suite talks to: one already running (./run.sh) is reused, otherwise the suite starts it
 * through the same launcher as ./run.sh, once per test JVM, and the launcher stops it when the JVM exits.
 */
final class Marketplace {

    private static LocalMarketplace instance;

    static final List<String> SERVICES = List.of("identity-service", "catalog-service", "seller-service",
            "order-service", "payment-service", "notification-service");

    private Marketplace() {
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    /** Services are up once registered, but the gateway sees them only after its next registry fetch. */
    private static void awaitRoutesToEveryService() {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : SERVICES) {
            URI docs = URI.create(instance.gatewayUrl() + "/api/v1/" + service + "/v3/api-docs");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(docs).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    static synchronized LocalMarketplace get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("haat.repo.root", "..")).toAbsolutePath().normalize();
            // no JDK AOT-cache recording: a one-off run gains nothing from it and recording slows start and stop
            instance = LocalMarketplace.startOrAttach(root, Options.defaults().withAotCache(false));
            awaitRoutesToEveryService();
        }
        return instance;
    }
}
