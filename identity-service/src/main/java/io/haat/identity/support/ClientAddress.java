package io.haat.identity.support;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's IP address: the first {@code X-Forwarded-For} entry (set by the gateway, which is the only way in),
 * else the TCP peer.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].strip();
            if (!first.isEmpty() && first.length() <= MAX_LENGTH && first.matches("[0-9A-Fa-f:.\\[\\]]+")) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }
}
