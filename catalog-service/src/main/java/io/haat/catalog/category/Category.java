package io.haat.catalog.category;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A node of the category tree: a name, a unique URL slug, its parent (none for a root) and its place among siblings. */
@Document("categories")
public record Category(@Id String id, @Indexed String parentId, String name, @Indexed(unique = true) String slug,
                       int position, Instant createdAt, Instant updatedAt, @Version Long version) {

    public static Category create(String name, String slug, String parentId, int position, Instant now) {
        return new Category(UUID.randomUUID().toString(), parentId, name.strip(), slug, position, now, now, 0L);
    }

    public Category edit(String newName, String newSlug, String newParentId, int newPosition, Instant now) {
        if (id.equals(newParentId)) {
            throw new CategoryCycle(id);
        }
        return new Category(id, newParentId, newName.strip(), newSlug, newPosition, createdAt, now, version);
    }

    public boolean isRoot() {
        return parentId == null;
    }

    /** "Men's Shoes & Boots" → "mens-shoes-boots". */
    public static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
