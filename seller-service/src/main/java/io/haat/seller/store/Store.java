package io.haat.seller.store;

import io.haat.platform.web.ConflictException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A seller's store: its public name, URL slug and status. Status rules live here. */
public record Store(UUID id, UUID sellerId, String name, String slug, String description, StoreStatus status,
                    Instant createdAt, Instant updatedAt, long version) {

    public static Store open(UUID sellerId, String name, String slug, String description, Instant now) {
        return new Store(UUID.randomUUID(), sellerId, name, slug, description, StoreStatus.ACTIVE, now, now, 0);
    }

    public Store edit(String newName, String newSlug, String newDescription, Instant now) {
        requireNotClosed("edited");
        return new Store(id, sellerId, newName, newSlug, newDescription, status, createdAt, now, version);
    }

    public Store suspend(Instant now) {
        return status == StoreStatus.ACTIVE ? withStatus(StoreStatus.SUSPENDED, now) : this;
    }

    public Store reinstate(Instant now) {
        return status == StoreStatus.SUSPENDED ? withStatus(StoreStatus.ACTIVE, now) : this;
    }

    public Store close(Instant now) {
        requireNotClosed("deleted");
        return withStatus(StoreStatus.CLOSED, now);
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
        return new Store(id, sellerId, name, slug, description, to, createdAt, now, version);
    }

    private void requireNotClosed(String action) {
        if (status == StoreStatus.CLOSED) {
            throw new ConflictException("store-closed", "Store closed", "A closed store cannot be " + action + ".");
        }
    }
}
