package io.haat.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the sandbox payment provider's webhook sender the way real providers misbehave: every notification three
 * times, out of order (a "processing" may come after the "succeeded"), a third of the payments' "succeeded" 30 s
 * late. payment-service stores each event once (a copy is answered 200, duplicate) and settles by asking the
 * provider, so the outcome must not depend on the order or the number of copies.
 * Signed like payment-service's {@code SandboxProvider} expects ({@code Haat-Sandbox-Signature: t=…,v1=HMAC-SHA256
 * of "t.body"}) with the local development secret; sent through the gateway's public {@code /api/v1/webhooks/sandbox}.
 */
final class SandboxWebhooks implements AutoCloseable {

    /** payment-service's development-only default ({@code HAAT_PAYMENT_PROVIDERS_SANDBOX_WEBHOOK_SECRET}). */
    static final String SECRET = System.getProperty("e2e.sandbox.webhook-secret", "dev-only-sandbox-webhook-secret");
    /** The sandbox's {@code settle-after} (30 s) and a margin: a real provider says "succeeded" once it is. */
    static final Duration SETTLES_AFTER = Duration.ofSeconds(32);
    /** How much later the late notifications come. */
    static final Duration LATE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofVirtual().name("sandbox-webhook-", 0).factory());
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private volatile Instant lastDue = Instant.now();

    /**
     * Schedules the notifications of one payment the sandbox keeps pending for {@link #SETTLES_AFTER}: "processing"
     * three times at any moment until a little after the success (so some come after it), "succeeded" three times
     * once the sandbox has captured it — for a third of the payments {@link #LATE} later still.
     */
    void notifyOf(String paymentId) {
        String reference = providerReference(paymentId);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long succeededAt = SETTLES_AFTER.toMillis() + (random.nextInt(3) == 0 ? LATE.toMillis() : 0);
        String processing = body("payment.processing", reference);
        String succeeded = body("payment.succeeded", reference);
        for (int copy = 0; copy < 3; copy++) {
            schedule(processing, random.nextLong(0, succeededAt + 5_000));
            schedule(succeeded, succeededAt + random.nextLong(0, 4_000));
        }
    }

    private static String body(String type, String reference) {
        return "{\"id\":\"evt-%s\",\"type\":\"%s\",\"reference\":\"%s\"}".formatted(UUID.randomUUID(), type, reference);
    }

    private void schedule(String body, long delayMillis) {
        Instant due = Instant.now().plusMillis(delayMillis);
        synchronized (this) {
            if (due.isAfter(lastDue)) {
                lastDue = due;
            }
        }
        scheduled.increment();
        scheduler.schedule(() -> send(body), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** When the last scheduled notification is due. */
    synchronized Instant lastDue() {
        return lastDue;
    }

    long scheduled() {
        return scheduled.sum();
    }

    long sent() {
        return sent.sum();
    }

    /** The gateway's answers by status ({@code 0}: none); every copy, the duplicates too, must get 200. */
    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }

    private void send(String body) {
        long t = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.url("/api/v1/webhooks/sandbox")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Haat-Sandbox-Signature", "t=" + t + ",v1=" + hmac(t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String outcome;
        try {
            outcome = Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception e) {
            outcome = "0";
        }
        sent.increment();
        answers.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    private static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the sandbox answered when the payment began: its signed reference, kept by payment-service. */
    private static String providerReference(String paymentId) {
        try (Connection payment = Invariants.connect("payment");
             PreparedStatement query = payment.prepareStatement("SELECT provider_reference FROM payment WHERE id = ?::uuid")) {
            query.setString(1, paymentId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || row.getString(1) == null) {
                    throw new IllegalStateException("payment " + paymentId + " has no provider reference");
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
