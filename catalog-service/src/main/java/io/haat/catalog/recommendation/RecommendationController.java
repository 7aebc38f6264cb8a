package io.haat.catalog.recommendation;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.InvalidRequestException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations: for a product (anyone; 404 unless it is public) and for the signed-in caller. {@code limit}
 * defaults to 10 and is capped at {@link #MAX_LIMIT}.
 */
@RestController
public class RecommendationController {

    static final int MAX_LIMIT = 50;

    private final RecommendationService recommendations;
    private final CurrentUser currentUser;

    public RecommendationController(RecommendationService recommendations, CurrentUser currentUser) {
        this.recommendations = recommendations;
        this.currentUser = currentUser;
    }

    public record Recommendations(List<RecommendationService.Item> items) {
    }

    @GetMapping("/products/{id}/bought-together")
    public Recommendations boughtTogether(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        return new Recommendations(recommendations.boughtTogether(id, limit(limit)));
    }

    @GetMapping("/products/{id}/similar")
    public Recommendations similar(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        return new Recommendations(recommendations.similar(id, limit(limit)));
    }

    /** Any signed-in user (no token: 401); the wishlist is asked for only for customers. */
    @GetMapping("/recommendations/me")
    public Recommendations me(@RequestParam(required = false) Integer limit) {
        return new Recommendations(recommendations.forCustomer(currentUser.subject(), currentUser.hasRole("CUSTOMER"),
                limit(limit)));
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 10;
        }
        if (limit < 1) {
            throw new InvalidRequestException("limit", "must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }
}
