package io.haat.order.fulfilment;

import io.haat.order.order.SellerOrder;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /seller-orders/{id}/ship}: with a {@code carrier} of the store's own (tracking number and URL optional),
 * or without one, for the marketplace's delivery agents (then no tracking either). An empty body is the latter.
 */
public record ShipRequest(@Size(max = 80) String carrier, @Size(max = 80) String trackingNumber,
                          @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                          String trackingUrl) {

    SellerOrder.Shipment toShipment(Instant at) {
        String name = blankToNull(carrier);
        String number = blankToNull(trackingNumber);
        String url = blankToNull(trackingUrl);
        List<FieldProblem> errors = new ArrayList<>();
        if (name == null && number != null) {
            errors.add(new FieldProblem("carrier", "is required with a tracking number"));
        }
        if (name == null && url != null) {
            errors.add(new FieldProblem("carrier", "is required with a tracking URL"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new SellerOrder.Shipment(name, number, url, at);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
