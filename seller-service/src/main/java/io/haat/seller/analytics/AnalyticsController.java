package io.haat.seller.analytics;

import io.haat.platform.report.Granularity;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.Paging;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A store's dashboards for its owner (and admins). {@code from}/{@code to} are local dates (both
 * included, default: the last 30 days), {@code tz} an IANA zone or offset (default UTC).
 */
@RestController
@RequestMapping("/stores/{storeId}/analytics")
@PreAuthorize("hasAnyRole('SELLER', 'ADMIN')")
public class AnalyticsController {

    private final AnalyticsService analytics;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AnalyticsController(AnalyticsService analytics, CurrentUser currentUser, Clock clock) {
        this.analytics = analytics;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/sales")
    public SalesReport sales(@PathVariable UUID storeId,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String granularity,
                             @RequestParam(required = false) String tz,
                             @RequestParam(required = false) String timeZone,
                             @RequestParam(required = false) String currency) {
        return analytics.sales(storeId, Actor.current(currentUser),
                ReportRange.parse(from, to, tz != null ? tz : timeZone, clock.instant()), Granularity.parse(granularity), currency);
    }

    @GetMapping("/products")
    public ProductReport products(@PathVariable UUID storeId,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String tz,
                                  @RequestParam(required = false) String timeZone,
                                  @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return analytics.products(storeId, Actor.current(currentUser),
                ReportRange.parse(from, to, tz != null ? tz : timeZone, clock.instant()), sort, Paging.of(page, size));
    }
}
