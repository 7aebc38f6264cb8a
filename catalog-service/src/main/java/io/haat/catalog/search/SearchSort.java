package io.haat.catalog.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders of search results: relevance (the default), price either way, best rated, newest first. */
public enum SearchSort {
    RELEVANCE, PRICE_ASC, PRICE_DESC, RATING, NEWEST;

    /** {@code relevance}, {@code price_asc}, … as the API spells them. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter().equalsIgnoreCase(value)).findFirst();
    }
}
