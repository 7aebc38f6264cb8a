package io.haat.e2e;

import java.util.List;
import java.util.Set;

/**
 * Who may call what, as {@code API.md} says (the suite's own copy, black-box): which operations anyone may call, which
 * need one role, and which any signed-in user may call. Paths are service paths (without {@code /api/v1}).
 */
final class Access {

    static final String ANY = "ANY";
    static final String AUTH = "AUTH";
    /** Roles whose access depends on more than the role (customer or seller side of the same resource): not judged. */
    static final String SHARED = "SHARED";
    static final List<String> ROLES = List.of("CUSTOMER", "SELLER", "DELIVERY_AGENT");

    /** {@code pattern}: segments, {@code *} for any one segment, a final {@code **} for any rest (even none). */
    private record Rule(String method, String pattern, Set<String> roles) {

        boolean matches(String path) {
            String[] want = pattern.substring(1).split("/");
            String[] have = path.substring(1).split("/");
            for (int i = 0; i < want.length; i++) {
                if (want[i].equals("**") && i == want.length - 1) {
                    return true;
                }
                if (i >= have.length || !want[i].equals("*") && !want[i].equals(have[i])) {
                    return false;
                }
            }
            return have.length == want.length;
        }
    }

    /** Matched in order, first wins; {@code *} as method means every method. */
    private static final List<Rule> RULES = List.of(
            // public (the gateway's PublicEndpoints)
            rule("POST", "/auth/register", ANY), rule("POST", "/auth/login", ANY), rule("*", "/auth/refresh", ANY),
            rule("*", "/auth/social/**", ANY), rule("*", "/auth/verify-email", ANY),
            rule("POST", "/auth/verify-email/resend", ANY), rule("*", "/auth/password/**", ANY),
            rule("GET", "/products/**", ANY), rule("GET", "/categories/**", ANY), rule("GET", "/search/**", ANY),
            rule("POST", "/search/image", ANY), rule("GET", "/stores/*/products/**", ANY), rule("GET", "/images/**", ANY),
            rule("GET", "/promotions/active", ANY), rule("POST", "/events/**", ANY),
            rule("GET", "/stores/mine", "SELLER"),
            rule("GET", "/stores/*", ANY), rule("GET", "/stores/by-slug/*", ANY),
            rule("*", "/cart", ANY), rule("*", "/cart/items", ANY), rule("*", "/cart/items/*", ANY),
            rule("GET", "/stores/*/shipping-methods/**", ANY), rule("GET", "/stores/*/return-policy", ANY),
            rule("POST", "/assistant/messages", ANY), rule("GET", "/payment-methods", ANY),
            rule("GET", "/payments/return/**", ANY), rule("POST", "/webhooks/**", ANY),
            // one role
            rule("*", "/admin/**", "ADMIN"),
            rule("*", "/sellers/**", "SELLER"), rule("POST", "/stores", "SELLER"), rule("*", "/stores/*", "SELLER"),
            rule("*", "/stores/*/inventory/**", "SELLER"), rule("*", "/stores/*/analytics/**", "SELLER"),
            rule("POST", "/stores/*/products", "SELLER"), rule("*", "/stores/*/coupons/**", "SELLER"),
            rule("*", "/stores/*/shipping-methods/**", "SELLER"), rule("*", "/stores/*/return-policy", "SELLER"),
            rule("*", "/stores/*/orders/**", "SELLER"), rule("*", "/stores/*/returns/**", "SELLER"),
            rule("PUT", "/products/*", "SELLER"), rule("DELETE", "/products/*", "SELLER"),
            rule("*", "/products/*/images/**", "SELLER"), rule("POST", "/products/*/archive", "SELLER"),
            rule("POST", "/products/*/submit", "SELLER"),
            rule("GET", "/seller-orders/*/packing-slip", "SELLER"), rule("POST", "/seller-orders/**", "SELLER"),
            rule("POST", "/returns/*/approve", "SELLER"), rule("POST", "/returns/*/reject", "SELLER"),
            rule("POST", "/returns/*/received", "SELLER"),
            rule("*", "/wallet/**", "SELLER"), rule("*", "/payouts/**", "SELLER"),
            rule("*", "/cart/**", "CUSTOMER"), rule("*", "/wishlist/**", "CUSTOMER"), rule("*", "/checkout/**", "CUSTOMER"),
            rule("GET", "/orders", "CUSTOMER"), rule("GET", "/orders/*", "CUSTOMER"),
            rule("POST", "/orders/*/cancel", "CUSTOMER"), rule("POST", "/orders/*/returns", "CUSTOMER"),
            rule("POST", "/orders/*/disputes", "CUSTOMER"), rule("GET", "/orders/*/payments", "CUSTOMER"),
            rule("POST", "/payments", "CUSTOMER"), rule("GET", "/payments/*", "CUSTOMER"),
            rule("GET", "/returns/mine", "CUSTOMER"), rule("POST", "/products/*/reviews", "CUSTOMER"),
            rule("GET", "/reviews/mine", "CUSTOMER"), rule("PUT", "/reviews/*", "CUSTOMER"),
            rule("DELETE", "/reviews/*", "CUSTOMER"),
            rule("*", "/deliveries/**", "DELIVERY_AGENT"),
            // any signed-in user
            rule("*", "/me/**", AUTH), rule("*", "/notifications/**", AUTH), rule("*", "/push/**", AUTH),
            rule("*", "/chats/**", AUTH), rule("POST", "/auth/logout", AUTH), rule("*", "/recommendations/**", AUTH),
            rule("POST", "/reviews/*/report", AUTH), rule("*", "/auth/**", AUTH));

    private Access() {
    }

    private static Rule rule(String method, String pattern, String... roles) {
        return new Rule(method, pattern, Set.of(roles));
    }

    /** Who may call {@code method servicePath} (a path template or a concrete path): ANY, AUTH, roles or SHARED. */
    static Set<String> of(String method, String servicePath) {
        String path = servicePath.contains("?") ? servicePath.substring(0, servicePath.indexOf('?')) : servicePath;
        for (Rule rule : RULES) {
            if ((rule.method().equals("*") || rule.method().equals(method)) && rule.matches(path)) {
                return rule.roles();
            }
        }
        return Set.of(SHARED);
    }
}
