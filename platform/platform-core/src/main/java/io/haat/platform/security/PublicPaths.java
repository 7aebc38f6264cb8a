package io.haat.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that need no token, contributed as a bean by a service or library (in addition to the
 * {@code haat.security.public-paths} property): {@code PublicPaths.of("GET /products/**", "POST /auth/login")}.
 */
public record PublicPaths(List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
        patterns.forEach(PublicPaths::toMatcher); // fail at start-up on a malformed entry
    }

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }

    public List<RequestMatcher> toMatchers() {
        List<RequestMatcher> matchers = new ArrayList<>();
        patterns.forEach(pattern -> matchers.add(toMatcher(pattern)));
        return matchers;
    }

    /** {@code "GET /a/**"} matches GET on the pattern; {@code "/a/**"} matches any method. */
    static RequestMatcher toMatcher(String entry) {
        String trimmed = entry.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return PathPatternRequestMatcher.withDefaults().matcher(requirePath(trimmed, entry));
        }
        String methodName = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
        HttpMethod method = Arrays.stream(HttpMethod.values()).filter(m -> m.name().equals(methodName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown HTTP method in public path '" + entry + "'"));
        return PathPatternRequestMatcher.withDefaults().matcher(method, requirePath(trimmed.substring(space + 1).trim(), entry));
    }

    private static String requirePath(String path, String entry) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Public path must be '[METHOD ]/pattern', got '" + entry + "'");
        }
        return path;
    }
}
