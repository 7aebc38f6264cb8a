package io.haat.catalog.tracking;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A product view or search click. {@code query} and {@code position} describe the search result that was clicked
 * (they are validated but not published: the event carries product, store, kind, user and time).
 */
public record TrackingRequest(@NotBlank @Size(max = 100) String productId,
                              @Size(max = 200) String query,
                              @Min(0) Integer position) {
}
