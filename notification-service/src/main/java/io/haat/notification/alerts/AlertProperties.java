package io.haat.notification.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the counted alerts ({@code haat.alerts.*}).
 *
 * @param paymentFailures       payment failures within {@code paymentWindow} that raise an alert
 * @param deniedRequests        403/404 answers to one user within {@code deniedWindow} that raise an alert
 */
@ConfigurationProperties("haat.alerts")
public record AlertProperties(@DefaultValue("10") int paymentFailures,
                              @DefaultValue("10m") Duration paymentWindow,
                              @DefaultValue("30") int deniedRequests,
                              @DefaultValue("5m") Duration deniedWindow,
                              @DefaultValue("30m") Duration streamTimeout) {
}
