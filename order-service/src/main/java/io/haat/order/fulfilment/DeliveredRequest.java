package io.haat.order.fulfilment;

import io.haat.order.delivery.Delivery;
import io.haat.order.delivery.StatusRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /seller-orders/{id}/delivered}: the store's own carrier handed the parcel over (who took it; the cash
 * it collected when the order is paid in cash, which must equal the cash due).
 */
public record DeliveredRequest(@Size(max = 120) String recipientName, @Size(max = 500) String note,
                               @Valid StatusRequest.Cash codCollected) {

    Delivery.Report toReport() {
        return new Delivery.Report(null, note == null || note.isBlank() ? null : note.strip(),
                recipientName == null || recipientName.isBlank() ? null : recipientName.strip(),
                codCollected == null ? null : codCollected.toMoney());
    }
}
