package io.haat.catalog.category;

/** A category was renamed or moved (a Spring event, after it was stored): what its products show changed. */
public record CategoryChanged(String categoryId) {
}
