package io.haat.notification.push;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.push.*}: the VAPID key pair (base64url, uncompressed P-256 public point and raw private scalar, as the
 * usual {@code web-push generate-vapid-keys} prints them) and contact subject; when the keys are absent and
 * {@code generate-when-missing} is on (local runs and tests), a throwaway pair is generated at start.
 *
 * @param allowInsecureEndpoints accept {@code http://} push endpoints (a test's stub push service), never in production
 * @param allowedHosts           the push services' hosts a subscription's endpoint may point at ({@link PushEndpoints});
 *                               empty: none
 */
@ConfigurationProperties("haat.push")
public record PushProperties(@DefaultValue Vapid vapid, @DefaultValue("PT24H") Duration ttl,
                             @DefaultValue("PT10S") Duration timeout,
                             @DefaultValue("false") boolean allowInsecureEndpoints,
                             @DefaultValue List<String> allowedHosts) {

    public PushProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    public record Vapid(String publicKey, String privateKey, @DefaultValue("mailto:support@haat.local") String subject,
                        @DefaultValue("false") boolean generateWhenMissing) {
    }
}
