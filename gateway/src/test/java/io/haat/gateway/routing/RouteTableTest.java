package io.haat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.routing.ServiceRoute.Kind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of API.md (paths as the services serve them) reaches the service that owns it. */
class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // identity-service
            "/auth/register, identity-service",
            "/auth/login, identity-service",
            "/auth/refresh, identity-service",
            "/auth/logout, identity-service",
            "/auth/social/google, identity-service",
            "/auth/verify-email, identity-service",
            "/auth/verify-email/resend, identity-service",
            "/auth/verify-phone/request, identity-service",
            "/auth/verify-phone/confirm, identity-service",
            "/auth/password/forgot, identity-service",
            "/auth/password/reset, identity-service",
            "/me, identity-service",
            "/me/addresses, identity-service",
            "/me/addresses/a1, identity-service",
            "/admin/users, identity-service",
            "/admin/users/u1, identity-service",
            "/admin/users/u1/ban, identity-service",
            "/admin/users/u1/unban, identity-service",
            "/admin/audit, identity-service",
            // seller-service
            "/sellers/apply, seller-service",
            "/sellers/me, seller-service",
            "/admin/sellers, seller-service",
            "/admin/sellers/s1/approve, seller-service",
            "/admin/sellers/s1/reject, seller-service",
            "/admin/sellers/s1/ban, seller-service",
            "/admin/sellers/s1/unban, seller-service",
            "/admin/stores, seller-service",
            "/admin/stores/st1/suspend, seller-service",
            "/stores, seller-service",
            "/stores/st1, seller-service",
            "/stores/mine, seller-service",
            "/stores/by-slug/rama-kirana, seller-service",
            "/stores/st1/inventory, seller-service",
            "/stores/st1/inventory/SKU-1, seller-service",
            "/stores/st1/inventory/alerts, seller-service",
            "/admin/commissions/sellers/s1, seller-service",
            "/admin/commissions/stores/st1, seller-service",
            "/admin/commissions/default, seller-service",
            "/stores/st1/analytics/sales, seller-service",
            "/stores/st1/analytics/products, seller-service",
            // catalog-service
            "/categories, catalog-service",
            "/admin/categories/c1, catalog-service",
            "/stores/st1/products, catalog-service",
            "/products/p1, catalog-service",
            "/products/p1/images, catalog-service",
            "/products/p1/images/i1, catalog-service",
            "/images/i1, catalog-service",
            "/categories/c1/products, catalog-service",
            "/search, catalog-service",
            "/search/suggest, catalog-service",
            "/search/image, catalog-service",
            "/recommendations/me, catalog-service",
            "/products/p1/similar, catalog-service",
            "/products/p1/bought-together, catalog-service",
            "/products/p1/reviews, catalog-service",
            "/reviews/r1, catalog-service",
            "/admin/products, catalog-service",
            "/admin/products/p1/approve, catalog-service",
            "/admin/products/p1/ban, catalog-service",
            "/admin/reviews, catalog-service",
            "/admin/reviews/r1/hide, catalog-service",
            "/admin/reviews/r1/restore, catalog-service",
            "/reviews/r1/report, catalog-service",
            "/promotions/active, catalog-service",
            "/admin/promotions/pr1, catalog-service",
            "/admin/search/reindex, catalog-service",
            "/events/product-view, catalog-service",
            "/events/search-click, catalog-service",
            // order-service
            "/cart, order-service",
            "/cart/items, order-service",
            "/cart/items/l1, order-service",
            "/wishlist, order-service",
            "/wishlist/p1, order-service",
            "/wishlist/p1/move-to-cart, order-service",
            "/cart/coupon, order-service",
            "/stores/st1/coupons/SUMMER, order-service",
            "/stores/st1/shipping-methods, order-service",
            "/stores/st1/shipping-methods/m1, order-service",
            "/admin/coupons/SUMMER, order-service",
            "/checkout, order-service",
            "/orders, order-service",
            "/orders/o1, order-service",
            "/orders/o1/cancel, order-service",
            "/stores/st1/orders, order-service",
            "/seller-orders/so1/process, order-service",
            "/seller-orders/so1/ship, order-service",
            "/seller-orders/so1/cancel, order-service",
            "/deliveries/mine, order-service",
            "/deliveries/d1/status, order-service",
            "/admin/deliveries/d1/assign, order-service",
            // the delivery-agent registry and the search reindex: documented admin endpoints the table once missed
            "/admin/delivery-agents, order-service",
            "/admin/delivery-agents/a1, order-service",
            "/orders/o1/returns, order-service",
            "/returns/r1/approve, order-service",
            "/returns/r1/reject, order-service",
            "/returns/r1/received, order-service",
            "/returns/mine, order-service",
            "/stores/st1/returns, order-service",
            "/orders/o1/disputes, order-service",
            "/disputes/d1, order-service",
            "/disputes/d1/messages, order-service",
            "/stores/st1/return-policy, order-service",
            "/returns/r1/photos/0, order-service",
            "/admin/disputes, order-service",
            "/admin/disputes/d1/resolve, order-service",
            "/admin/orders, order-service",
            "/admin/reports/sales, order-service",
            "/admin/reports/top-products, order-service",
            // payment-service
            "/payments, payment-service",
            "/payments/pay1, payment-service",
            "/payment-methods, payment-service",
            "/orders/o1/payments, payment-service",
            "/payments/return/stripe, payment-service",
            "/webhooks/stripe, payment-service",
            "/admin/payments/pay1/refund, payment-service",
            "/wallet, payment-service",
            "/wallet/entries, payment-service",
            "/payouts, payment-service",
            "/payouts/mine, payment-service",
            "/admin/payouts, payment-service",
            "/admin/payouts/po1/approve, payment-service",
            "/admin/payouts/po1/reject, payment-service",
            "/admin/reports/revenue, payment-service",
            // notification-service
            "/notifications, notification-service",
            "/notifications/n1/read, notification-service",
            "/notifications/read-all, notification-service",
            "/notifications/preferences, notification-service",
            "/push/subscriptions, notification-service",
            "/stream, notification-service",
            "/chats, notification-service",
            "/chats/c1/messages, notification-service",
            "/assistant/messages, notification-service",
            "/admin/alerts, notification-service",
            "/admin/alerts/a1/ack, notification-service",
            "/admin/alerts/stream, notification-service",
            // OpenAPI documents
            "/identity-service/v3/api-docs, identity-service",
            "/catalog-service/v3/api-docs, catalog-service",
            "/seller-service/v3/api-docs, seller-service",
            "/order-service/v3/api-docs, order-service",
            "/payment-service/v3/api-docs, payment-service",
            "/notification-service/v3/api-docs, notification-service"
    })
    void apiPathReachesItsService(String path, String service) {
        assertThat(RouteTable.resolve("/api/v1" + path)).get().extracting(ServiceRoute::service).isEqualTo(service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ws", "/ws/info", "/ws/123/abc/websocket"})
    void webSocketsGoToNotificationServiceWithoutThePrefix(String path) {
        ServiceRoute route = RouteTable.resolve(path).orElseThrow();
        assertThat(route.service()).isEqualTo(RouteTable.NOTIFICATION);
        assertThat(route.kind()).isEqualTo(Kind.WEBSOCKET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stream", "/api/v1/admin/alerts/stream"})
    void eventStreamsAreStreamRoutes(String path) {
        assertThat(RouteTable.resolve(path)).get().extracting(ServiceRoute::kind).isEqualTo(Kind.STREAM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/password/forgot",
            "/api/v1/auth/password/reset", "/api/v1/auth/verify-phone/request", "/api/v1/auth/verify-phone/confirm"})
    void credentialEndpointsCountAgainstTheAuthGroup(String path) {
        assertThat(RouteTable.resolve(path)).get().extracting(ServiceRoute::rateLimitGroup).isEqualTo(RouteTable.AUTH_GROUP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/me", "/api/v1/products/p1"})
    void otherEndpointsCountAgainstTheDefaultGroup(String path) {
        assertThat(RouteTable.resolve(path)).get().extracting(ServiceRoute::rateLimitGroup).isEqualTo(ServiceRoute.DEFAULT_GROUP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1", "/api/v1/nothing", "/api/v2/products", "/products", "/api/v1/stores/st1/unknown",
            "/api/v1/unknown-service/v3/api-docs", "/wsx"})
    void unknownPathsHaveNoRoute(String path) {
        assertThat(RouteTable.resolve(path)).isEmpty();
    }

    @Test
    void routeIdsAreUniqueAndEveryServiceHasRoutes() {
        Set<String> ids = new HashSet<>();
        Set<String> services = new HashSet<>();
        RouteTable.routes().forEach(ordered -> {
            assertThat(ids.add(ordered.route().id())).as(ordered.route().id()).isTrue();
            services.add(ordered.route().service());
        });
        assertThat(services).containsExactlyInAnyOrderElementsOf(RouteTable.SERVICES);
    }
}
