package io.haat.order.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.order.delivery.*}.
 *
 * @param autoAssign whether a parcel shipped without a carrier of its own goes at once to the least-loaded active
 *                   agent serving its drop-off region (else it waits for an admin's assignment)
 * @param panelSize  how many deliveries {@code GET /deliveries/mine} lists at most
 */
@ConfigurationProperties("haat.order.delivery")
public record DeliveryProperties(@DefaultValue("true") boolean autoAssign, @DefaultValue("100") int panelSize) {
}
