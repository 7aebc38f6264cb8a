package io.haat.notification.push;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Web Push endpoints this service will POST to: {@code https} (or {@code http} where
 * {@code haat.push.allow-insecure-endpoints} is on, for a test's stub) on a host of {@code haat.push.allowed-hosts},
 * each an exact host name or {@code *.domain} for any host under that domain. A browser's subscription always points
 * at its vendor's push service (FCM, Mozilla autopush, Apple, Windows Notification Service); any other URL would make
 * the service send requests to an address of the subscriber's choosing (SSRF), so it is refused.
 */
final class PushEndpoints {

    private final List<String> allowedHosts;
    private final boolean allowInsecure;

    PushEndpoints(List<String> allowedHosts, boolean allowInsecure) {
        this.allowedHosts = allowedHosts.stream().map(String::strip).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).toList();
        this.allowInsecure = allowInsecure;
    }

    static PushEndpoints of(PushProperties properties) {
        return new PushEndpoints(properties.allowedHosts(), properties.allowInsecureEndpoints());
    }

    /** The endpoint as a URI, if this service may send to it. */
    Optional<URI> parse(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            String scheme = uri.getScheme();
            boolean schemeAllowed = "https".equalsIgnoreCase(scheme) || allowInsecure && "http".equalsIgnoreCase(scheme);
            if (schemeAllowed && uri.getHost() != null && uri.getUserInfo() == null && hostAllowed(uri.getHost())) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // not a URI: refused below
        }
        return Optional.empty();
    }

    boolean allowed(String endpoint) {
        return parse(endpoint).isPresent();
    }

    private boolean hostAllowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1)) && name.length() > allowed.length() - 1
                    : name.equals(allowed)) {
                return true;
            }
        }
        return false;
    }
}
