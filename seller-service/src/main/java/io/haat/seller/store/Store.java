package io.haat.seller.store;

import io.haat.events.seller.StoreChanged;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A seller's store: its public name, URL slug and status. The status rules live here; every transition returns the
 * store after it with the {@link StoreChanged} it raised, is a no-op when the store is already where it was asked
 * to go, or throws {@link IllegalTransition} ({@code illegal-store-transition}).
 *
 * <pre>
 * from \ action  edit              suspend    reinstate  close
 * ACTIVE         ACTIVE, edited    SUSPENDED  no-op      CLOSED
 * SUSPENDED      SUSPENDED, edited no-op      ACTIVE     CLOSED
 * CLOSED         refused           no-op      no-op      no-op
 * </pre>
 * {@code suspend} (the seller was banned) means "not selling", which a closed store already is; {@code reinstate}
 * (the ban was lifted) only undoes a suspension, so a store its seller closed stays closed.
 */
public record Store(UUID id, UUID sellerId, String name, String slug, String description, StoreStatus status,
                    Instant createdAt, Instant updatedAt, long version) {

    static final String AGGREGATE = "store";

    /** A new ACTIVE store at version 0. */
    public static Transition<Store> open(UUID sellerId, String name, String slug, String description, Instant now) {
        Store opened = new Store(UUID.randomUUID(), sellerId, name, slug, description, StoreStatus.ACTIVE, now, now, 0);
        return Transition.to(opened, opened.changed());
    }

    /** New name, slug and description; always a change (the event carries the store as it now is). */
    public Transition<Store> edit(String newName, String newSlug, String newDescription, Instant now) {
        require(status != StoreStatus.CLOSED, "edited");
        return changedTo(new Store(id, sellerId, newName, newSlug, newDescription, status, createdAt, now,
                version + 1));
    }

    public Transition<Store> suspend(Instant now) {
        return status == StoreStatus.ACTIVE ? changedTo(withStatus(StoreStatus.SUSPENDED, now))
                : Transition.unchanged(this);
    }

    public Transition<Store> reinstate(Instant now) {
        return status == StoreStatus.SUSPENDED ? changedTo(withStatus(StoreStatus.ACTIVE, now))
                : Transition.unchanged(this);
    }

    public Transition<Store> close(Instant now) {
        return status == StoreStatus.CLOSED ? Transition.unchanged(this)
                : changedTo(withStatus(StoreStatus.CLOSED, now));
    }

    public boolean isVisibleToPublic() {
        return status == StoreStatus.ACTIVE;
    }

    /** "Kathmandu Tea & Spice Co." → "kathmandu-tea-spice-co"; empty if nothing usable is left. */
    public static String slugOf(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private Store withStatus(StoreStatus to, Instant now) {
        return new Store(id, sellerId, name, slug, description, to, createdAt, now, version + 1);
    }

    private static Transition<Store> changedTo(Store next) {
        return Transition.to(next, next.changed());
    }

    private StoreChanged changed() {
        return new StoreChanged(id.toString(), sellerId.toString(), name, slug, published(status));
    }

    // exhaustive on purpose: a new store status does not compile until the contract knows it
    private static io.haat.events.seller.StoreStatus published(StoreStatus status) {
        return switch (status) {
            case ACTIVE -> io.haat.events.seller.StoreStatus.ACTIVE;
            case SUSPENDED -> io.haat.events.seller.StoreStatus.SUSPENDED;
            case CLOSED -> io.haat.events.seller.StoreStatus.CLOSED;
        };
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
