package io.haat.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Roles a path requires, contributed as a bean by a service (like {@link PublicPaths}):
 * <pre>RolePaths.of().require("/admin/**", "ADMIN").require(HttpMethod.POST, "/stores/*&#47;products", "SELLER")</pre>
 * The default filter chain checks them after the token and before Spring MVC reads or validates the body, so a
 * caller in the wrong role gets 403 whatever they sent (401 without a token, also on a path that is otherwise
 * public). Rules are tried in declaration order and the first that matches decides; a request no rule matches
 * only needs a token (or none on a public path). Ownership (someone else's order) stays the services' job.
 */
public record RolePaths(List<Rule> rules) {

    /** {@code method} (null: any) and {@code pattern} (Spring {@code PathPattern}) require one of {@code roles}. */
    public record Rule(HttpMethod method, String pattern, Set<String> roles) {

        public Rule {
            if (pattern == null || !pattern.startsWith("/")) {
                throw new IllegalArgumentException("Role path must start with '/', got '" + pattern + "'");
            }
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("Role path '" + pattern + "' names no role");
            }
            roles.forEach(role -> {
                if (role.isBlank() || role.startsWith(KeycloakRealmRolesConverter.ROLE_PREFIX)) {
                    throw new IllegalArgumentException(
                            "Roles are realm role names without 'ROLE_' (e.g. ADMIN), got '" + role + "'");
                }
            });
            roles = Set.copyOf(roles);
            matcher(method, pattern); // fail at start-up on a malformed pattern
        }

        public RequestMatcher toMatcher() {
            return matcher(method, pattern);
        }

        private static RequestMatcher matcher(HttpMethod method, String pattern) {
            PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
            return method == null ? builder.matcher(pattern) : builder.matcher(method, pattern);
        }
    }

    public RolePaths {
        rules = List.copyOf(rules);
    }

    /** No rule yet: add them with {@link #require}. */
    public static RolePaths of() {
        return new RolePaths(List.of());
    }

    /** Any method on {@code pattern} requires one of {@code anyOfRoles}. */
    public RolePaths require(String pattern, String... anyOfRoles) {
        return with(new Rule(null, pattern, Set.of(anyOfRoles)));
    }

    /** {@code method} on {@code pattern} requires one of {@code anyOfRoles}. */
    public RolePaths require(HttpMethod method, String pattern, String... anyOfRoles) {
        return with(new Rule(method, pattern, Set.of(anyOfRoles)));
    }

    private RolePaths with(Rule rule) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(rule);
        return new RolePaths(more);
    }
}
