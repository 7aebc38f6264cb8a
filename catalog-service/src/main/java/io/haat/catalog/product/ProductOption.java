package io.haat.catalog.product;

import java.util.List;

/** An option a customer chooses (e.g. "size") and its values in display order, derived from the variants. */
public record ProductOption(String name, List<String> values) {
}
