package io.haat.catalog.search;

/** An autocomplete entry: a {@code product} name (with its id), a {@code brand}, or a {@code category} (with its id). */
public record Suggestion(String type, String text, String id) {
}
