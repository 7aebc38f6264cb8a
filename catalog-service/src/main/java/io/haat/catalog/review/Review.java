package io.haat.catalog.review;

import io.haat.events.catalog.ReviewHidden;
import io.haat.events.catalog.ReviewRestored;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified-purchase review: one per delivered order line, EVER (unique {@code orderLineId}), rating 1–5, text up
 * to 2,000 characters. Reports put it in the admins' queue; admins hide or restore it; its author edits or deletes
 * it. The rules live here: every transition returns the review after it with the events it raised, is a no-op
 * when the review is already there, or throws {@link IllegalTransition}.
 *
 * <pre>
 * from \ action           report (new user)         report (same user)  hide            restore                    delete (author)
 * VISIBLE, not reported   VISIBLE, reported         no-op               HIDDEN + event  no-op                      DELETED
 * VISIBLE, reported       VISIBLE, one more report  no-op               HIDDEN + event  VISIBLE, reports dismissed DELETED
 * HIDDEN                  refused                   refused             no-op           VISIBLE + event            DELETED
 * DELETED                 refused                   refused             refused         refused                    no-op
 * </pre>
 *
 * <p><b>Delete is a soft delete.</b> A deleted review keeps its document (status DELETED, title and text erased,
 * the moderation state kept) so its order line stays reviewed: deleting a hidden review and posting it again for
 * the same line, to escape moderation, is impossible (409 {@code already-reviewed}); so is re-posting after
 * deleting a visible one — the author edits instead. A deleted review is shown to nobody and answers 404 to its
 * author.
 *
 * <p><b>Reports are bounded.</b> Each user counts once, and at most {@link #MAX_REPORTS} reports are kept. When
 * the list is full, a new reporter's report only re-queues a review whose reports were dismissed (one more count),
 * and is a no-op while it is queued: the document cannot grow with the number of users.
 *
 * <p>{@code authorName} is the author's review name (default first name + last initial, see
 * {@link ReviewerNames}), never the full name; {@code publicName} not true (absent) marks a review written before
 * review names, whose stored name is the full name: {@link #publicAuthorName()} shows its default form until the
 * start-up migration ({@link ReviewerNameService}) rewrites it.
 */
@Document("reviews")
@CompoundIndex(name = "order_line_unique", def = "{'orderLineId': 1}", unique = true)
@CompoundIndex(name = "product_visible", def = "{'productId': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "author", def = "{'authorId': 1, 'createdAt': -1}")
@CompoundIndex(name = "moderation", def = "{'reported': 1, 'status': 1, 'reportCount': -1}")
public record Review(@Id String id, String productId, String storeId, String authorId, String authorName,
                     String orderId, String orderLineId, int rating, String title, String text, ReviewStatus status,
                     boolean reported, int reportCount, List<Report> reports, String moderationReason,
                     Instant createdAt, Instant updatedAt, long version, Boolean publicName) {

    static final String AGGREGATE = "review";
    /** Reports kept per review; see the class comment. */
    public static final int MAX_REPORTS = 50;

    public Review {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** One user's report. */
    public record Report(String userId, String reason, Instant at) {
    }

    /** Visible reviews are shown and count in the product's rating; hidden ones do neither. */
    public boolean isVisible() {
        return status == ReviewStatus.VISIBLE;
    }

    /**
     * A signed-in user reports a visible review; it enters the admins' queue. Each user counts once. A report
     * is not an edit: {@code updatedAt} stays.
     */
    public Transition<Review> report(String userId, String reason, Instant at) {
        require(isVisible(), "reported");
        if (reports.stream().anyMatch(r -> r.userId().equals(userId))) {
            return Transition.unchanged(this);
        }
        if (reports.size() >= MAX_REPORTS) {
            return reported ? Transition.unchanged(this)
                    : Transition.to(with(status, true, reportCount + 1, reports, moderationReason, updatedAt));
        }
        List<Report> more = new ArrayList<>(reports);
        more.add(new Report(userId, reason, at));
        return Transition.to(with(status, true, reportCount + 1, more, moderationReason, updatedAt));
    }

    /** An admin hides the review (it leaves the rating); its open reports are settled. */
    public Transition<Review> hide(String reason, Instant at) {
        if (status == ReviewStatus.HIDDEN) {
            return Transition.unchanged(this);
        }
        require(status != ReviewStatus.DELETED, "hidden");
        return Transition.to(with(ReviewStatus.HIDDEN, false, reportCount, reports, reason, at),
                new ReviewHidden(id, productId, storeId, authorId, reason));
    }

    /** An admin makes a hidden review visible again, or dismisses the open reports of a visible one. */
    public Transition<Review> restore(Instant at) {
        if (isVisible() && !reported) {
            return Transition.unchanged(this);
        }
        require(status != ReviewStatus.DELETED, "restored");
        Review restored = with(ReviewStatus.VISIBLE, false, reportCount, reports, null, at);
        return isVisible() ? Transition.to(restored)
                : Transition.to(restored, new ReviewRestored(id, productId, storeId, authorId));
    }

    /**
     * The author deletes the review: it leaves every view and the rating, its title and text are erased, and its
     * order line stays reviewed (see the class comment). The moderation state (reports, reason) stays on record.
     */
    public Transition<Review> delete(Instant at) {
        if (status == ReviewStatus.DELETED) {
            return Transition.unchanged(this);
        }
        return Transition.to(new Review(id, productId, storeId, authorId, authorName, orderId, orderLineId, rating,
                null, null, ReviewStatus.DELETED, false, reportCount, reports, moderationReason, createdAt, at,
                version + 1, publicName));
    }

    /** The name shown with the review: never the full name, also for reviews written before review names. */
    public String publicAuthorName() {
        return Boolean.TRUE.equals(publicName) ? authorName : ReviewerNames.fromFullName(authorName);
    }

    private Review with(ReviewStatus nextStatus, boolean nextReported, int nextReportCount, List<Report> nextReports,
                        String nextReason, Instant at) {
        return new Review(id, productId, storeId, authorId, authorName, orderId, orderLineId, rating, title, text,
                nextStatus, nextReported, nextReportCount, nextReports, nextReason, createdAt, at, version + 1,
                publicName);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
