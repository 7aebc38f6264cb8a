package io.haat.catalog.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a review is reported (abuse, spam, off-topic…); also an admin's reason to hide one. */
public record ReportRequest(@NotBlank @Size(max = 500) String reason) {
}
