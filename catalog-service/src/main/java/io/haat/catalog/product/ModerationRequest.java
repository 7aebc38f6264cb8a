package io.haat.catalog.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin rejects or bans: shown to the product's owner. */
public record ModerationRequest(@NotBlank @Size(max = 1000) String reason) {
}
