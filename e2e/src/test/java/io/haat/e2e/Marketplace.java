package io.haat.e2e;

import io.haat.local.LocalMarketplace;
import io.haat.local.Options;
import io.haat.local.PortsTakenException;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The marketplace the suite talks to. By default the suite starts its own, built from this checkout, through the same
 * launcher as ./run.sh, once per test JVM (stopped by {@link MarketplaceSession}); with {@code -De2e.attach=true} it
 * uses one already running instead (e.g. ./run.sh), which may be built from other code and have other limits. It says
 * which on standard output, and refuses to start its own over a running one rather than test that one by accident.
 */
final class Marketplace {

    /** Set to {@code true} to test the marketplace already running instead of starting one. */
    static final String ATTACH_PROPERTY = "e2e.attach";

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
            instance = Boolean.getBoolean(ATTACH_PROPERTY) ? attach() : startOwn();
            awaitRoutesToEveryService();
        }
        return instance;
    }

    private static LocalMarketplace attach() {
        LocalMarketplace running = LocalMarketplace.attachIfRunning().orElseThrow(() -> new IllegalStateException(
                "-D" + ATTACH_PROPERTY + "=true, but no marketplace answers at " + LocalMarketplace.GATEWAY_URL
                        + ": start one (./run.sh) or drop -D" + ATTACH_PROPERTY + " to let the suite start its own"));
        System.out.println("[e2e] attached to the marketplace already running at " + running.gatewayUrl() + " (-D"
                + ATTACH_PROPERTY + "=true): it runs its own build and settings, not necessarily this checkout's");
        return running;
    }

    private static LocalMarketplace startOwn() {
        if (LocalMarketplace.attachIfRunning().isPresent()) {
            throw new IllegalStateException("another marketplace is already running at " + LocalMarketplace.GATEWAY_URL
                    + " and holds the ports the suite's own needs: stop it (./run.sh stop) or pass -D" + ATTACH_PROPERTY
                    + "=true to test that one");
        }
        Path root = Path.of(System.getProperty("haat.repo.root", "..")).toAbsolutePath().normalize();
        System.out.println("[e2e] starting a marketplace of its own from " + root + " (-D" + ATTACH_PROPERTY
                + "=true would use one already running)");
        try {
            // no JDK AOT-cache recording: a one-off run gains nothing from it and recording slows start and stop;
            // production JIT/GC flags, not ./run.sh's quick-start ones, so the benchmarks measure what would run
            System.out.println("[e2e] services run with " + String.join(" ", serviceJvmOptions()));
            return LocalMarketplace.start(root, Options.defaults().withAotCache(false)
                    .withServiceJvmOptions(serviceJvmOptions()));
        } catch (PortsTakenException portsTaken) {
            throw new IllegalStateException(portsTaken.getMessage() + System.lineSeparator() + "If that is a marketplace,"
                    + " stop it (./run.sh stop) or pass -D" + ATTACH_PROPERTY + "=true to test it.", portsTaken);
        }
    }

    /**
     * The JVM options of the services the suite starts: the production ones ({@link Options#PRODUCTION_JVM}), or
     * {@code -De2e.service-jvm="<options>"} (space-separated) to measure others, e.g. while tuning memory.
     */
    static List<String> serviceJvmOptions() {
        String override = System.getProperty("e2e.service-jvm", "").strip();
        return override.isEmpty() ? Options.PRODUCTION_JVM : List.of(override.split("\\s+"));
    }

    /** The registry refuses anonymous readers: the credentials the marketplace's parts use (development defaults). */
    static String eurekaAuthorization() {
        String user = Objects.requireNonNullElse(System.getenv("HAAT_EUREKA_USERNAME"), "dev-only-eureka");
        String password = Objects.requireNonNullElse(System.getenv("HAAT_EUREKA_PASSWORD"),
                "dev-only-eureka-password");
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
