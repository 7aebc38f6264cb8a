package io.haat.order.admin;

import io.haat.platform.security.RolePaths;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/orders} (ADMIN): every customer's orders, newest first, paged, filtered by status, store, seller,
 * customer, placed range and payment state ({@link AdminOrderFilter}).
 */
@RestController
public class AdminOrderController {

    private final AdminOrderQueries queries;
    private final String defaultZone;

    public AdminOrderController(AdminOrderQueries queries,
                                @Value("${haat.order.reports.zone:Asia/Kathmandu}") String defaultZone) {
        this.queries = queries;
        this.defaultZone = defaultZone;
    }

    @GetMapping("/admin/orders")
    public PageResponse<AdminOrderSummary> list(@RequestParam(required = false) String status,
                                                @RequestParam(required = false) String storeId,
                                                @RequestParam(required = false) String sellerId,
                                                @RequestParam(required = false) String customerId,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String zone,
                                                @RequestParam(required = false) String paymentState,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.search(AdminOrderFilter.parse(status, storeId, sellerId, customerId, from, to, zone,
                paymentState, defaultZone), paging);
    }

    /** Admins only, refused (403) before anything is read; the reports' paths too. */
    @Configuration(proxyBeanMethods = false)
    static class Roles {
        @Bean
        RolePaths adminOrderRoles() {
            return RolePaths.of().require("/admin/orders", "ADMIN").require("/admin/orders/**", "ADMIN")
                    .require("/admin/reports/**", "ADMIN");
        }
    }
}
