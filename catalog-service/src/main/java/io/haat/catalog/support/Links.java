package io.haat.catalog.support;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links as the client sees them: behind the gateway, {@code X-Forwarded-Host/-Proto/-Prefix} make them
 * point at the gateway's {@code /api/v1/...} (with {@code server.forward-headers-strategy=framework}).
 */
public final class Links {

    private final String base;

    private Links(String base) {
        this.base = base;
    }

    /** Links relative to the current request's context; outside a request, root-relative paths. */
    public static Links current() {
        try {
            return new Links(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        } catch (IllegalStateException e) {
            return new Links("");
        }
    }

    public String image(String imageId) {
        return base + "/images/" + imageId;
    }

    public String thumbnail(String imageId, int size) {
        return base + "/images/" + imageId + "/thumbnails/" + size;
    }
}
