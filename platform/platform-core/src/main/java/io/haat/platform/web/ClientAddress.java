package io.haat.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client a request comes from: what per-client limits, audit records and security alerts
 * use. Behind the gateway it is the address the gateway saw, taken from {@code X-Forwarded-For} only when the
 * request comes from one of the {@link TrustedProxies} (the servlet container does that, configured by the
 * platform: {@code server.forward-headers-strategy=native} and {@code haat.web.trusted-proxies}); from anyone
 * else it is the TCP peer, whatever headers they send. Never read {@code X-Forwarded-For} yourself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The current request's client address, or null outside a request (jobs, listeners). */
    public static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : null;
    }
}
