package io.haat.gateway.routing;

import static io.haat.gateway.routing.ServiceRoute.rest;
import static io.haat.gateway.routing.ServiceRoute.stream;

import io.haat.gateway.routing.ServiceRoute.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which service answers which public path: the gateway's side of {@code API.md}. Paths are written as
 * the services serve them; the gateway publishes them under {@code /api/v1}. Within a service the
 * first matching route wins; routes marked {@code matchedFirst()} carve a path out of another
 * service's broader pattern and are matched before everything else.
 */
public final class RouteTable {

    public static final String IDENTITY = "identity-service";
    public static final String CATALOG = "catalog-service";
    public static final String SELLER = "seller-service";
    public static final String ORDER = "order-service";
    public static final String PAYMENT = "payment-service";
    public static final String NOTIFICATION = "notification-service";

    /** Every service behind the gateway, in the order the Swagger UI lists them. */
    public static final List<String> SERVICES = List.of(IDENTITY, CATALOG, SELLER, ORDER, PAYMENT, NOTIFICATION);

    /** Rate-limit group of the endpoints that take a password or a one-time code. */
    public static final String AUTH_GROUP = "auth";

    private static final List<ServiceRoute> TABLE = List.of(
            // identity-service
            rest("identity-credentials", IDENTITY,
                    "/auth/login", "/auth/register", "/auth/password/**", "/auth/verify-phone/**")
                    .limitedBy(AUTH_GROUP),
            rest("identity", IDENTITY, "/auth/**", "/me/**", "/admin/users/**", "/admin/audit/**"),

            // seller-service
            rest("seller", SELLER,
                    "/sellers/**", "/stores", "/stores/*", "/stores/by-slug/*", "/stores/*/inventory/**", "/stores/*/analytics/**",
                    "/admin/sellers/**", "/admin/stores/**", "/admin/commissions/**"),

            // catalog-service
            rest("catalog", CATALOG,
                    "/categories/**", "/products/**", "/stores/*/products/**", "/images/**", "/search/**",
                    "/recommendations/**", "/reviews/**", "/promotions/**", "/events/**",
                    "/admin/categories/**", "/admin/products/**", "/admin/reviews/**", "/admin/promotions/**",
                    "/admin/search/**"),

            // order-service
            rest("order", ORDER,
                    "/cart/**", "/wishlist/**", "/checkout/**", "/orders/**", "/seller-orders/**", "/deliveries/**",
                    "/returns/**", "/stores/*/orders/**", "/stores/*/coupons/**", "/stores/*/returns/**",
                    "/stores/*/shipping-methods/**", "/stores/*/return-policy", "/disputes/**",
                    "/admin/coupons/**", "/admin/deliveries/**", "/admin/delivery-agents/**", "/admin/disputes/**",
                    "/admin/orders/**",
                    "/admin/reports/**"),

            // payment-service (two paths carved out of order-service's /orders/** and /admin/reports/**)
            rest("payment-order-payments", PAYMENT, "/orders/*/payments/**").matchedFirst(),
            rest("payment-revenue-report", PAYMENT, "/admin/reports/revenue/**").matchedFirst(),
            rest("payment", PAYMENT,
                    "/payments/**", "/payment-methods", "/webhooks/**", "/wallet/**", "/payouts/**", "/admin/payments/**",
                    "/admin/payouts/**"),

            // notification-service
            stream("notification-streams", NOTIFICATION, "/stream", "/admin/alerts/stream"),
            rest("notification", NOTIFICATION,
                    "/notifications/**", "/push/**", "/chats/**", "/assistant/**", "/admin/alerts/**"),
            new ServiceRoute("notification-websocket", NOTIFICATION, List.of("/ws", "/ws/**"), Kind.WEBSOCKET,
                    ServiceRoute.DEFAULT_GROUP, false),

            // each service's OpenAPI document, for the gateway's Swagger UI
            apiDocs(IDENTITY), apiDocs(CATALOG), apiDocs(SELLER), apiDocs(ORDER), apiDocs(PAYMENT),
            apiDocs(NOTIFICATION));

    private static final PathPatternParser PARSER = new PathPatternParser();

    /** Routes in matching order, each with its patterns parsed once. */
    private static final List<Compiled> ORDERED = IntStream.range(0, TABLE.size())
            .mapToObj(i -> new Compiled(TABLE.get(i), TABLE.get(i).order(i),
                    TABLE.get(i).gatewayPatterns().stream().map(PARSER::parse).toList()))
            .sorted(Comparator.comparingInt(Compiled::order))
            .toList();

    private RouteTable() {
    }

    private static ServiceRoute apiDocs(String service) {
        return new ServiceRoute("api-docs-" + service, service, List.of("/" + service + "/v3/api-docs/**"),
                Kind.API_DOCS, ServiceRoute.DEFAULT_GROUP, false);
    }

    /** The routes with the SCG order each one is registered with. */
    public static List<OrderedRoute> routes() {
        List<OrderedRoute> routes = new ArrayList<>();
        ORDERED.forEach(compiled -> routes.add(new OrderedRoute(compiled.route(), compiled.order())));
        return routes;
    }

    /** The route that answers a gateway path (as received, e.g. {@code /api/v1/orders/42}), if any. */
    public static Optional<ServiceRoute> resolve(String gatewayPath) {
        PathContainer path = PathContainer.parsePath(gatewayPath);
        return ORDERED.stream()
                .filter(compiled -> compiled.patterns().stream().anyMatch(pattern -> pattern.matches(path)))
                .map(Compiled::route)
                .findFirst();
    }

    /** A route and the order it is registered with. */
    public record OrderedRoute(ServiceRoute route, int order) {
    }

    private record Compiled(ServiceRoute route, int order, List<PathPattern> patterns) {
    }
}
