package io.haat.catalog.tracking;

import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductRepository;
import io.haat.events.catalog.ProductTracked;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ClientAddress;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product views and search clicks, anonymous or signed in, for sellers' CTR analytics: rate-limited per client
 * (the user, or the client address when anonymous), answered 202 and published in batches. A search click with
 * its query is also announced as {@link SearchClicked} (search learns which results people pick).
 */
@RestController
public class TrackingController {

    private final ProductRepository products;
    private final TrackingPublisher publisher;
    private final ClientRateLimiter limiter;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public TrackingController(ProductRepository products, TrackingPublisher publisher, TrackingProperties settings,
                              CurrentUser currentUser, Clock clock, ApplicationEventPublisher events) {
        this.products = products;
        this.publisher = publisher;
        this.limiter = new ClientRateLimiter(settings.perClientPerMinute(), settings.burst(), System::nanoTime);
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    @PostMapping("/events/product-view")
    public ResponseEntity<?> productView(@Valid @RequestBody TrackingRequest request, HttpServletRequest http) {
        return track("PRODUCT_VIEW", request, http);
    }

    @PostMapping("/events/search-click")
    public ResponseEntity<?> searchClick(@Valid @RequestBody TrackingRequest request, HttpServletRequest http) {
        return track("SEARCH_CLICK", request, http);
    }

    @Scheduled(fixedDelay = 60_000)
    void evictIdleClients() {
        limiter.evictIdle();
    }

    private ResponseEntity<?> track(String kind, TrackingRequest request, HttpServletRequest http) {
        String userId = currentUser.isAuthenticated() ? currentUser.subject() : null;
        ClientRateLimiter.Decision decision = limiter.tryAcquire(userId != null ? "user:" + userId
                : "address:" + ClientAddress.of(http));
        if (!decision.allowed()) {
            throw new TooManyRequestsException("Too many tracking events from this client; retry in "
                    + decision.retryAfterSeconds() + " s.", Duration.ofSeconds(decision.retryAfterSeconds()));
        }
        Product product = products.find(request.productId()).filter(Product::isPublic)
                .orElseThrow(() -> NotFoundException.of("Product", request.productId()));
        publisher.enqueue(new ProductTracked(product.id(), product.storeId(), kind, userId, clock.instant()));
        if ("SEARCH_CLICK".equals(kind) && request.query() != null && !request.query().isBlank()) {
            events.publishEvent(new SearchClicked(request.query(), product.id()));
        }
        return ResponseEntity.accepted().build();
    }
}
