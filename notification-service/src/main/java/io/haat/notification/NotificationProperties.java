package io.haat.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.notification.*}: how messages look (the marketplace's name, the web app's base URL for links, the
 * sender address) and how the delivery queue retries.
 */
@ConfigurationProperties("haat.notification")
public record NotificationProperties(@DefaultValue("Haat") String marketplaceName,
                                     @DefaultValue("http://localhost:3000") URI baseUrl,
                                     @DefaultValue("Haat <no-reply@haat.local>") String mailFrom,
                                     @DefaultValue Delivery delivery) {

    /**
     * @param workers        threads claiming deliveries
     * @param lease          how long a claimed delivery is held before another worker may take it
     * @param firstRetry     the backoff after the first failure, doubled after each further one
     * @param maxRetry       the longest backoff
     * @param maxAttempts    attempts before a delivery is given up (FAILED)
     * @param pollInterval   how often an idle worker looks for due deliveries
     */
    public record Delivery(@DefaultValue("2") int workers, @DefaultValue("PT1M") Duration lease,
                           @DefaultValue("PT5S") Duration firstRetry, @DefaultValue("PT1H") Duration maxRetry,
                           @DefaultValue("8") int maxAttempts, @DefaultValue("PT2S") Duration pollInterval) {

        /** The wait after the {@code attempts}-th failed attempt: firstRetry × 2^(attempts−1), at most maxRetry. */
        public Duration backoff(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 30);
            Duration wait = firstRetry.multipliedBy(1L << doublings);
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    /** An absolute link into the web app for a path such as {@code /orders/42}. */
    public String link(String path) {
        if (path == null || path.isBlank()) {
            return baseUrl.toString();
        }
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path);
    }
}
