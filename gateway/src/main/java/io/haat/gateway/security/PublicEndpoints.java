package io.haat.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * What a client may call without a token: the endpoints {@code API.md} marks {@code any}, the
 * provider callbacks, the API documentation and the health probes. A token that is sent anyway is
 * still validated (an invalid one is refused with 401).
 */
public final class PublicEndpoints {

    /** One public endpoint; a null method means every method. */
    public record Endpoint(HttpMethod method, String pattern) {
    }

    /** Endpoints under a public pattern that still need a token; they are matched first. */
    public static final List<Endpoint> PROTECTED_EXCEPTIONS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/stores/mine"));

    public static final List<Endpoint> ALL = List.of(
            // identity
            new Endpoint(HttpMethod.POST, "/api/v1/auth/register"),
            new Endpoint(HttpMethod.POST, "/api/v1/auth/login"),
            new Endpoint(null, "/api/v1/auth/refresh"),
            new Endpoint(null, "/api/v1/auth/social/**"),
            new Endpoint(null, "/api/v1/auth/verify-email"),
            // people who cannot log in before verifying ask for a new link with their email alone
            new Endpoint(HttpMethod.POST, "/api/v1/auth/verify-email/resend"),
            new Endpoint(null, "/api/v1/auth/password/**"),
            // catalog
            new Endpoint(HttpMethod.GET, "/api/v1/products/**"),
            new Endpoint(HttpMethod.GET, "/api/v1/categories/**"),
            new Endpoint(HttpMethod.GET, "/api/v1/search/**"),
            new Endpoint(HttpMethod.POST, "/api/v1/search/image"),
            new Endpoint(HttpMethod.GET, "/api/v1/stores/*/products/**"),
            new Endpoint(HttpMethod.GET, "/api/v1/images/**"),
            new Endpoint(HttpMethod.GET, "/api/v1/promotions/active"),
            new Endpoint(HttpMethod.POST, "/api/v1/events/**"),
            // seller: a store's public page (GET /stores/mine is excepted above)
            new Endpoint(HttpMethod.GET, "/api/v1/stores/*"),
            new Endpoint(HttpMethod.GET, "/api/v1/stores/by-slug/*"),
            // order: guests fill a cart identified by their X-Cart-Token (order-service refuses signed-in
            // callers who are not customers); coupons, checkout and the rest of /cart need a token
            new Endpoint(null, "/api/v1/cart"),
            new Endpoint(null, "/api/v1/cart/items"),
            new Endpoint(null, "/api/v1/cart/items/*"),
            // a store's shipping methods (and their delivery estimates) are public; sellers change them with a token
            new Endpoint(HttpMethod.GET, "/api/v1/stores/*/shipping-methods/**"),
            // a store's return policy likewise (its seller sets it with a token)
            new Endpoint(HttpMethod.GET, "/api/v1/stores/*/return-policy"),
            // notification
            new Endpoint(HttpMethod.POST, "/api/v1/assistant/messages"),
            // the payment methods a checkout may offer; providers' return URLs and webhooks (signature-verified
            // by payment-service)
            new Endpoint(HttpMethod.GET, "/api/v1/payment-methods"),
            new Endpoint(HttpMethod.GET, "/api/v1/payments/return/**"),
            new Endpoint(HttpMethod.POST, "/api/v1/webhooks/**"),
            // WebSocket handshake: browsers cannot send headers on it; notification-service
            // authenticates the connection (STOMP CONNECT or the promoted access_token)
            new Endpoint(null, "/ws"),
            new Endpoint(null, "/ws/**"),
            // API documentation
            new Endpoint(HttpMethod.GET, "/api/v1/*/v3/api-docs/**"),
            new Endpoint(HttpMethod.GET, "/v3/api-docs/**"),
            new Endpoint(HttpMethod.GET, "/swagger-ui.html"),
            new Endpoint(HttpMethod.GET, "/swagger-ui/**"),
            new Endpoint(HttpMethod.GET, "/webjars/**"),
            // probes; info and metrics only matter on the management port (HAAT_MANAGEMENT_PORT): on the public port
            // web.ActuatorExposure answers 404 to everything but health before security is asked
            new Endpoint(HttpMethod.GET, "/actuator/health/**"),
            new Endpoint(HttpMethod.GET, "/actuator/info"),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus"));

    private PublicEndpoints() {
    }
}
