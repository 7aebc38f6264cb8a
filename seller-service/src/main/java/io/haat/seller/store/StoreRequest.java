package io.haat.seller.store;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /stores} and {@code PUT /stores/{id}}: {@code slug} is optional (made from the name when
 * a store is created, kept when a store is edited).
 */
public record StoreRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Size(min = 2, max = 60)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits separated by hyphens")
        String slug) {
}
