package io.haat.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.catalog.ReviewHidden;
import io.haat.events.catalog.ReviewRestored;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review's moderation table: legal → new state and events; illegal → refused; already there → no-op. */
class ReviewModerationTest {

    private static final Instant CREATED = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);

    private static Review visible() {
        return new Review("r-1", "p-1", "s-1", "author-1", "Asha", "o-1", "o-1:SKU", 4, "Good", "Clear sound.",
                ReviewStatus.VISIBLE, false, 0, List.of(), null, CREATED, CREATED, 3, true);
    }

    private static Review reported() {
        return visible().report("reader-1", "spam", LATER).state();
    }

    private static Review hidden() {
        return visible().hide("Spam", LATER).state();
    }

    @Test
    void aReportQueuesTheReviewOncePerUserWithoutTouchingItsEditTime() {
        Transition<Review> first = visible().report("reader-1", "spam", LATER);
        assertThat(first.changed()).isTrue();
        assertThat(first.state().reported()).isTrue();
        assertThat(first.state().reportCount()).isEqualTo(1);
        assertThat(first.state().reports()).containsExactly(new Review.Report("reader-1", "spam", LATER));
        assertThat(first.state().updatedAt()).isEqualTo(CREATED);
        assertThat(first.state().version()).isEqualTo(4);
        assertThat(first.events()).isEmpty();

        Transition<Review> second = first.state().report("reader-2", "off-topic", LATER);
        assertThat(second.state().reportCount()).isEqualTo(2);

        Review twice = second.state();
        assertThat(twice.report("reader-1", "spam again", LATER)).isEqualTo(Transition.unchanged(twice));
    }

    @Test
    void hidingTakesTheReviewOutOfViewSettlesItsReportsAndTellsTheAuthor() {
        Transition<Review> t = reported().hide("Spam", LATER);

        assertThat(t.state().status()).isEqualTo(ReviewStatus.HIDDEN);
        assertThat(t.state().isVisible()).isFalse();
        assertThat(t.state().reported()).isFalse();
        assertThat(t.state().moderationReason()).isEqualTo("Spam");
        assertThat(t.state().updatedAt()).isEqualTo(LATER);
        assertThat(t.events()).containsExactly(new ReviewHidden("r-1", "p-1", "s-1", "author-1", "Spam"));
    }

    @Test
    void restoringAHiddenReviewShowsItAgain() {
        Transition<Review> t = hidden().restore(LATER.plusSeconds(1));

        assertThat(t.state().status()).isEqualTo(ReviewStatus.VISIBLE);
        assertThat(t.state().moderationReason()).isNull();
        assertThat(t.events()).containsExactly(new ReviewRestored("r-1", "p-1", "s-1", "author-1"));
    }

    @Test
    void restoringAReportedVisibleReviewDismissesItsReportsWithoutAnEvent() {
        Review before = reported();
        Transition<Review> t = before.restore(LATER);

        assertThat(t.changed()).isTrue();
        assertThat(t.state().isVisible()).isTrue();
        assertThat(t.state().reported()).isFalse();
        assertThat(t.state().reportCount()).as("the history of reports stays").isEqualTo(1);
        assertThat(t.state().version()).isEqualTo(before.version() + 1);
        assertThat(t.events()).isEmpty();
    }

    @Test
    void alreadyThereIsANoOpWithNoEvent() {
        Review hidden = hidden();
        assertThat(hidden.hide("Again", LATER)).isEqualTo(Transition.unchanged(hidden));
        Review visible = visible();
        assertThat(visible.restore(LATER)).isEqualTo(Transition.unchanged(visible));
    }

    @Test
    void aHiddenReviewCannotBeReported() {
        assertThatThrownBy(() -> hidden().report("reader-1", "spam", LATER))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.fromStatus()).isEqualTo("HIDDEN");
                    assertThat(e.type().toString()).endsWith("/illegal-review-transition");
                    assertThat(e.detail()).isEqualTo("A review that is HIDDEN cannot be reported.");
                });
    }

    @Test
    void deletingIsASoftDeleteThatErasesTheTextAndKeepsTheModerationRecord() {
        for (Review before : List.of(visible(), reported(), hidden())) {
            Transition<Review> t = before.delete(LATER.plusSeconds(5));
            Review deleted = t.state();
            assertThat(deleted.status()).isEqualTo(ReviewStatus.DELETED);
            assertThat(deleted.isVisible()).isFalse();
            assertThat(deleted.title()).isNull();
            assertThat(deleted.text()).isNull();
            assertThat(deleted.orderLineId()).as("the line stays reviewed").isEqualTo("o-1:SKU");
            assertThat(deleted.moderationReason()).isEqualTo(before.moderationReason());
            assertThat(deleted.reportCount()).isEqualTo(before.reportCount());
            assertThat(deleted.version()).isEqualTo(before.version() + 1);
            assertThat(t.events()).isEmpty();
            assertThat(deleted.delete(LATER)).isEqualTo(Transition.unchanged(deleted));
        }
        Review deleted = hidden().delete(LATER).state();
        for (Runnable refused : List.<Runnable>of(() -> deleted.restore(LATER), () -> deleted.hide("x", LATER),
                () -> deleted.report("reader-9", "x", LATER))) {
            assertThatThrownBy(refused::run).isInstanceOfSatisfying(IllegalTransition.class,
                    e -> assertThat(e.fromStatus()).isEqualTo("DELETED"));
        }
    }

    @Test
    void reportsPerReviewAreCappedAndAFullReviewCanStillBeQueuedAgain() {
        Review review = visible();
        for (int i = 0; i < Review.MAX_REPORTS; i++) {
            review = review.report("reader-" + i, "spam", LATER).state();
        }
        assertThat(review.reports()).hasSize(Review.MAX_REPORTS);
        assertThat(review.reportCount()).isEqualTo(Review.MAX_REPORTS);

        Review full = review;
        assertThat(full.report("one-too-many", "spam", LATER)).as("queued already: nothing grows")
                .isEqualTo(Transition.unchanged(full));

        Review dismissed = full.restore(LATER).state();
        Transition<Review> again = dismissed.report("new-reader", "still spam", LATER);
        assertThat(again.state().reported()).as("a dismissed review can still be queued again").isTrue();
        assertThat(again.state().reportCount()).isEqualTo(Review.MAX_REPORTS + 1);
        assertThat(again.state().reports()).hasSize(Review.MAX_REPORTS);
        Review requeued = again.state();
        assertThat(requeued.report("another-reader", "spam", LATER)).isEqualTo(Transition.unchanged(requeued));
    }

    @Test
    void aReviewWrittenBeforeReviewNamesNeverShowsTheFullName() {
        Review legacy = new Review("r-2", "p-1", "s-1", "author-1", "Sita Devi Karki", "o-1", "o-1:SKU", 4, null,
                null, ReviewStatus.VISIBLE, false, 0, List.of(), null, CREATED, CREATED, 0, false);
        assertThat(legacy.publicAuthorName()).isEqualTo("Sita K.");
        assertThat(ReviewResponse.forPublic(legacy).authorName()).isEqualTo("Sita K.");
        assertThat(ReviewResponse.forAdmin(legacy).authorName()).isEqualTo("Sita K.");
        assertThat(visible().publicAuthorName()).as("a review name is shown as chosen").isEqualTo("Asha");
    }
}
