package io.haat.order.admin;

import io.haat.events.orders.OrderStatus;
import io.haat.order.order.SellerOrderState;
import io.haat.platform.report.ReportRange;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The filters of {@code GET /admin/orders}, checked together (400 {@code validation} naming each bad parameter).
 * {@code status} is an order status (PENDING, AWAITING_PAYMENT, CONFIRMED, CANCELLED) or, for what happens after
 * confirmation, a seller order status (SHIPPED, DELIVERED, RETURN_REQUESTED…: orders with a part in it). The placed
 * range is {@code from ≤ placedAt < to}; each bound an instant or a date (its local midnight in {@code zone}).
 */
public record AdminOrderFilter(OrderStatus status, SellerOrderState partStatus, String storeId, String sellerId,
                               UUID customerId, Instant from, Instant to, PaymentState paymentState) {

    public static AdminOrderFilter parse(String status, String storeId, String sellerId, String customerId,
                                         String from, String to, String zone, String paymentState,
                                         String defaultZone) {
        List<FieldProblem> errors = new ArrayList<>();
        OrderStatus orderStatus = null;
        SellerOrderState partStatus = null;
        if (present(status)) {
            String name = status.strip().toUpperCase(Locale.ROOT);
            if (Arrays.stream(OrderStatus.values()).anyMatch(s -> s.name().equals(name))) {
                orderStatus = OrderStatus.valueOf(name);
            } else if (Arrays.stream(SellerOrderState.values()).anyMatch(s -> s.name().equals(name))) {
                partStatus = SellerOrderState.valueOf(name);
            } else {
                errors.add(new FieldProblem("status", "must be an order status " + Arrays.toString(OrderStatus.values())
                        + " or a seller order status " + Arrays.toString(SellerOrderState.values())));
            }
        }
        UUID customer = null;
        if (present(customerId)) {
            try {
                customer = UUID.fromString(customerId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("customerId", "must be a UUID"));
            }
        }
        PaymentState payment = null;
        if (present(paymentState)) {
            try {
                payment = PaymentState.valueOf(paymentState.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("paymentState", "must be one of " + Arrays.toString(PaymentState.values())));
            }
        }
        ZoneId zoneId = null;
        try {
            zoneId = ReportRange.zone(present(zone) ? zone : defaultZone);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        Instant start = bound("from", from, zoneId, errors);
        Instant end = bound("to", to, zoneId, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldProblem("to", "must be after 'from' (from ≤ placed < to)"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new AdminOrderFilter(orderStatus, partStatus, blankToNull(storeId), blankToNull(sellerId), customer,
                start, end, payment);
    }

    private static Instant bound(String name, String value, ZoneId zone, List<FieldProblem> errors) {
        if (!present(value)) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone == null ? ZoneId.of("UTC") : zone)
                    .toInstant() : Instant.parse(text);
        } catch (DateTimeException e) {
            errors.add(new FieldProblem(name, "must be a date such as 2026-01-31 or an instant such as "
                    + "2026-01-31T10:15:00Z"));
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}
