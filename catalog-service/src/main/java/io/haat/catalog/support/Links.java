package io.haat.catalog.support;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links as the client sees them: behind the gateway, {@code X-Forwarded-Host/-Proto} (applied by the
 * container) and {@code X-Forwarded-Prefix} make them point at the gateway's {@code /api/v1/...}. All of them
 * count only on requests from a trusted proxy ({@code haat.web.trusted-proxies}), so nobody else can make the
 * service hand out links to somewhere else.
 */
public final class Links {

    static final String PREFIX_HEADER = "X-Forwarded-Prefix";
    // set by Tomcat's RemoteIpValve on a request that came through a trusted proxy
    static final String FORWARDED_BY_TRUSTED_PROXY = "org.apache.tomcat.request.forwarded";
    private static final Pattern SAFE_PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private final String base;

    private Links(String base) {
        this.base = base;
    }

    /** Links relative to the current request's context; outside a request, root-relative paths. */
    public static Links current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return new Links("");
        }
        HttpServletRequest request = attributes.getRequest();
        return new Links(ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(prefix(request) + request.getContextPath()).build().toUriString());
    }

    private static String prefix(HttpServletRequest request) {
        String prefix = request.getHeader(PREFIX_HEADER);
        boolean trusted = Boolean.TRUE.equals(request.getAttribute(FORWARDED_BY_TRUSTED_PROXY));
        return trusted && prefix != null && SAFE_PREFIX.matcher(prefix).matches() ? prefix : "";
    }

    public String image(String imageId) {
        return base + "/images/" + imageId;
    }

    public String thumbnail(String imageId, int size) {
        return base + "/images/" + imageId + "/thumbnails/" + size;
    }
}
