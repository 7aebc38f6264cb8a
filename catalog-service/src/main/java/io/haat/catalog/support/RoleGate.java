package io.haat.catalog.support;

import io.haat.platform.security.ProblemAccessDeniedHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Role checks by path, right after authentication and before Spring MVC reads the body: a customer calling an
 * admin endpoint gets 403, not a validation problem about a body they should never have sent. The controllers'
 * {@code @PreAuthorize} stays as the second line. Ownership (someone else's product → 404) is the services' job.
 */
public class RoleGate extends OncePerRequestFilter {

    private record Rule(RequestMatcher matcher, Set<String> roles) {
    }

    private final List<Rule> rules = List.of(
            rule(null, "/admin/**", "ADMIN"),
            rule(HttpMethod.POST, "/stores/*/products", "SELLER"),
            rule(HttpMethod.PUT, "/products/*", "SELLER"),
            rule(HttpMethod.DELETE, "/products/*", "SELLER"),
            rule(HttpMethod.POST, "/products/*/submit", "SELLER"),
            rule(HttpMethod.POST, "/products/*/archive", "SELLER", "ADMIN"),
            rule(HttpMethod.POST, "/products/*/images", "SELLER"),
            rule(HttpMethod.PUT, "/products/*/images/order", "SELLER"),
            rule(HttpMethod.DELETE, "/products/*/images/*", "SELLER"),
            rule(HttpMethod.POST, "/products/*/reviews", "CUSTOMER"),
            rule(HttpMethod.GET, "/reviews/mine", "CUSTOMER"),
            rule(HttpMethod.PUT, "/reviews/*", "CUSTOMER"),
            rule(HttpMethod.DELETE, "/reviews/*", "CUSTOMER"));

    private final ProblemAccessDeniedHandler denied;

    public RoleGate(ProblemAccessDeniedHandler denied) {
        this.denied = denied;
    }

    private static Rule rule(HttpMethod method, String pattern, String... roles) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new Rule(method == null ? builder.matcher(pattern) : builder.matcher(method, pattern), Set.of(roles));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Rule rule : rules) {
            if (rule.matcher().matches(request)) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                // unauthenticated requests were already answered 401 by the security filter chain
                if (auth != null && auth.isAuthenticated() && !hasAnyRole(auth, rule.roles())) {
                    denied.handle(request, response, new AccessDeniedException("requires one of " + rule.roles()));
                    return;
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasAnyRole(Authentication auth, Set<String> roles) {
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_") && roles.contains(name.substring(5))) {
                return true;
            }
        }
        return false;
    }
}
