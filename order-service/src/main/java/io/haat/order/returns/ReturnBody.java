package io.haat.order.returns;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /orders/{id}/returns}: the JSON body, or the multipart part {@code return} beside the photos. */
public record ReturnBody(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines, @NotNull ReturnReason reason,
                         @Size(max = 2000) String comment) {

    /** Units of one SKU to send back. */
    public record Line(@NotBlank @Size(max = 100) String sku, @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    ReturnService.Request toRequest() {
        return new ReturnService.Request(lines.stream()
                .map(line -> new ReturnPricing.Requested(line.sku(), line.quantity())).toList(), reason,
                comment == null || comment.isBlank() ? null : comment.strip());
    }
}
