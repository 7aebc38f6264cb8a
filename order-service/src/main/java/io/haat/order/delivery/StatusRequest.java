package io.haat.order.delivery;

import io.haat.events.Money;
import io.haat.events.orders.DeliveryStatus;
import io.haat.events.orders.GeoPoint;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /deliveries/{id}/status}: PICKED_UP, OUT_FOR_DELIVERY, DELIVERED, FAILED (a {@code note} saying why is
 * required) or RETURNED_TO_SELLER, with where the agent is, a note and, on delivery, who took the parcel and the cash
 * collected.
 */
public record StatusRequest(@NotNull DeliveryStatus status, @Valid Location location, @Size(max = 500) String note,
                            @Size(max = 120) String recipientName, @Valid Cash codCollected) {

    static final Set<DeliveryStatus> REPORTED = Set.of(DeliveryStatus.PICKED_UP, DeliveryStatus.OUT_FOR_DELIVERY,
            DeliveryStatus.DELIVERED, DeliveryStatus.FAILED, DeliveryStatus.RETURNED_TO_SELLER);

    /** WGS 84 degrees. */
    public record Location(@NotNull Double lat, @NotNull Double lng) {
    }

    /** An amount of cash in minor units. */
    public record Cash(@NotNull @PositiveOrZero Long amountMinor,
                       @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in upper case")
                       String currency) {

        public Money toMoney() {
            return new Money(amountMinor, currency);
        }
    }

    /** What the agent reports, after the rules Bean Validation cannot express (400 naming the field). */
    Delivery.Report toReport() {
        List<FieldProblem> errors = new ArrayList<>();
        if (!REPORTED.contains(status)) {
            errors.add(new FieldProblem("status", "must be one of " + REPORTED));
        }
        if (status == DeliveryStatus.FAILED && (note == null || note.isBlank())) {
            errors.add(new FieldProblem("note", "must say why the attempt failed"));
        }
        GeoPoint point = null;
        if (location != null) {
            if (!(location.lat() >= -90 && location.lat() <= 90)) {
                errors.add(new FieldProblem("location.lat", "must lie in [-90, 90]"));
            } else if (!(location.lng() >= -180 && location.lng() <= 180)) {
                errors.add(new FieldProblem("location.lng", "must lie in [-180, 180]"));
            } else {
                point = new GeoPoint(location.lat(), location.lng());
            }
        }
        InvalidRequestException.throwIfAny(errors);
        return new Delivery.Report(point, note == null || note.isBlank() ? null : note.strip(),
                recipientName == null || recipientName.isBlank() ? null : recipientName.strip(),
                codCollected == null ? null : codCollected.toMoney());
    }
}
