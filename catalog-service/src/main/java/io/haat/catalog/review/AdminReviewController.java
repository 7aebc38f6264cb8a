package io.haat.catalog.review;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review moderation: the reported queue (default), hidden and visible lists; hide and restore. */
@RestController
@RequestMapping("/admin/reviews")
@PreAuthorize("hasRole('ADMIN')")
public class AdminReviewController {

    private final ReviewService reviews;
    private final CurrentUser currentUser;

    public AdminReviewController(ReviewService reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    @GetMapping
    public PageResponse<ReviewResponse> queue(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        String wanted = status == null ? "REPORTED" : status.strip().toUpperCase(Locale.ROOT);
        return reviews.forModeration(wanted, Paging.of(page, size)).map(ReviewResponse::forAdmin);
    }

    @PostMapping("/{id}/hide")
    public ReviewResponse hide(@PathVariable String id, @Valid @RequestBody ReportRequest request) {
        return ReviewResponse.forAdmin(reviews.hide(Actor.current(currentUser), id, request.reason().strip()));
    }

    @PostMapping("/{id}/restore")
    public ReviewResponse restore(@PathVariable String id) {
        return ReviewResponse.forAdmin(reviews.restore(Actor.current(currentUser), id));
    }
}
