package io.haat.catalog.category;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create, or (PUT) rename and move, a category. {@code parentId} null makes it a root; {@code slug} defaults to
 * one derived from the name; {@code position} (order among siblings) defaults to last.
 */
public record CategoryRequest(@NotBlank @Size(max = 80) String name,
                              @Size(min = 2, max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                                      message = "must be lower-case letters and digits separated by hyphens")
                              String slug,
                              String parentId,
                              @Min(0) Integer position) {
}
