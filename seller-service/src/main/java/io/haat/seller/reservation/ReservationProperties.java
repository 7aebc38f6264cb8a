package io.haat.seller.reservation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.seller.reservations.*}.
 *
 * @param ttl            how long reserved stock waits for the order's confirmation before it is released
 * @param expiryInterval how often expired reservations are looked for
 * @param expiryBatch    reservations expired per transaction
 */
@ConfigurationProperties("haat.seller.reservations")
public record ReservationProperties(@DefaultValue("15m") Duration ttl,
                                    @DefaultValue("10s") Duration expiryInterval,
                                    @DefaultValue("100") int expiryBatch) {
}
