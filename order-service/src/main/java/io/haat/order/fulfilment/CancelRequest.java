package io.haat.order.fulfilment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /seller-orders/{id}/cancel}: why the store cannot fulfil its part (told to the customer). */
public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
}
