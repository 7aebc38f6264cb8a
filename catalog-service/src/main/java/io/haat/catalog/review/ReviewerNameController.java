package io.haat.catalog.review;

import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT/DELETE /reviews/mine/name}: the name the signed-in customer's reviews show. Default (nothing
 * chosen, or after DELETE): first name + last initial from the token ("Sita K."); PUT chooses another one, which
 * every review of theirs shows from then on.
 */
@RestController
@PreAuthorize("hasRole('CUSTOMER')")
public class ReviewerNameController {

    /** Letters (any script), marks, digits, spaces and {@code . ' -}; 2–40 characters. */
    public record ReviewerNameRequest(
            @NotBlank @Size(min = 2, max = 40)
            @Pattern(regexp = "[\\p{L}\\p{M}\\p{N} .'\\-]+", message = "may contain letters, digits, spaces and . ' - only")
            String name) {
    }

    private final ReviewerNameService names;
    private final CurrentUser currentUser;

    public ReviewerNameController(ReviewerNameService names, CurrentUser currentUser) {
        this.names = names;
        this.currentUser = currentUser;
    }

    @GetMapping("/reviews/mine/name")
    public ReviewerNameService.ReviewerName get() {
        return names.current(currentUser.subject(), ReviewController.defaultReviewName(currentUser));
    }

    @PutMapping("/reviews/mine/name")
    public ReviewerNameService.ReviewerName choose(@Valid @RequestBody ReviewerNameRequest request) {
        return names.choose(currentUser.subject(), request.name());
    }

    @DeleteMapping("/reviews/mine/name")
    public ReviewerNameService.ReviewerName reset() {
        return names.reset(currentUser.subject(), ReviewController.defaultReviewName(currentUser));
    }
}
