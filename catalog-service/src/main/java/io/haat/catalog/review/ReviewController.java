package io.haat.catalog.review;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reviews of a product (public), a customer's own reviews, and reporting. */
@RestController
public class ReviewController {

    private final ReviewService reviews;
    private final ReviewerNameService names;
    private final CurrentUser currentUser;

    public ReviewController(ReviewService reviews, ReviewerNameService names, CurrentUser currentUser) {
        this.reviews = reviews;
        this.names = names;
        this.currentUser = currentUser;
    }

    /** Visible reviews; {@code sort}: newest (default), rating_desc, rating_asc. */
    @GetMapping("/products/{productId}/reviews")
    public PageResponse<ReviewResponse> ofProduct(@PathVariable String productId,
                                                  @RequestParam(required = false) String sort,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        boolean signedIn = currentUser.isAuthenticated();
        return reviews.ofProduct(productId, signedIn ? currentUser.subject() : null,
                        signedIn && currentUser.hasRole("ADMIN"), Paging.of(page, size), sort(sort))
                .map(ReviewResponse::forPublic);
    }

    @PostMapping("/products/{productId}/reviews")
    @PreAuthorize("hasRole('CUSTOMER')")
    public ResponseEntity<ReviewResponse> create(@PathVariable String productId, @Valid @RequestBody ReviewRequest request) {
        String author = names.current(currentUser.subject(), defaultReviewName(currentUser)).name();
        Review review = reviews.create(currentUser.subject(), author, productId, request);
        return ResponseEntity.created(URI.create("/reviews/" + review.id())).body(ReviewResponse.forAuthor(review));
    }

    @GetMapping("/reviews/mine")
    @PreAuthorize("hasRole('CUSTOMER')")
    public PageResponse<ReviewResponse> mine(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return reviews.ofAuthor(currentUser.subject(), Paging.of(page, size)).map(ReviewResponse::forAuthor);
    }

    @PutMapping("/reviews/{id}")
    @PreAuthorize("hasRole('CUSTOMER')")
    public ReviewResponse edit(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        return ReviewResponse.forAuthor(reviews.edit(currentUser.subject(), id, request));
    }

    @DeleteMapping("/reviews/{id}")
    @PreAuthorize("hasRole('CUSTOMER')")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        reviews.delete(currentUser.subject(), id);
        return ResponseEntity.noContent().build();
    }

    /** Anyone signed in; reporting twice counts once. */
    @PostMapping("/reviews/{id}/report")
    public ResponseEntity<Void> report(@PathVariable String id, @Valid @RequestBody ReportRequest request) {
        reviews.report(currentUser.subject(), id, request.reason().strip());
        return ResponseEntity.accepted().build();
    }

    /**
     * The default review name from the token: first name + last initial ({@code given_name}/{@code family_name},
     * else {@code name}). Never {@code preferred_username}: it is the e-mail address.
     */
    static String defaultReviewName(CurrentUser user) {
        return user.claim("given_name")
                .map(given -> ReviewerNames.fromParts(given, user.claim("family_name").orElse(null)))
                .orElseGet(() -> ReviewerNames.fromFullName(user.claim("name").orElse(null)));
    }

    private static Sort sort(String sort) {
        String value = sort == null ? "newest" : sort.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "newest" -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"));
            case "rating_desc" -> Sort.by(Sort.Order.desc("rating"), Sort.Order.desc("createdAt"));
            case "rating_asc" -> Sort.by(Sort.Order.asc("rating"), Sort.Order.desc("createdAt"));
            default -> throw new InvalidRequestException("sort", "must be newest, rating_desc or rating_asc");
        };
    }
}
