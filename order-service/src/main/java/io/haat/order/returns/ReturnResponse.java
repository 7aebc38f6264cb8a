package io.haat.order.returns;

import io.haat.events.Money;
import io.haat.events.orders.ReturnStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** A return as its customer, its store's seller and admins see it; {@code photos} are the URLs of its photos. */
public record ReturnResponse(UUID id, UUID orderId, UUID sellerOrderId, String storeId, ReturnStatus status,
                             ReturnReason reason, String comment, List<ReturnLine> lines, Money shipping, Money refund,
                             Money refunded, String rejection, Instant approveBy, List<String> photos,
                             Instant requestedAt, Instant updatedAt) {

    public static ReturnResponse from(ReturnRequest r) {
        return new ReturnResponse(r.id(), r.orderId(), r.sellerOrderId(), r.storeId(), r.status(), r.reason(),
                r.comment(), r.lines(), r.shipping(), r.refund(), r.refunded(), r.rejection(), r.approveBy(),
                IntStream.range(0, r.photos()).mapToObj(n -> "/returns/" + r.id() + "/photos/" + n).toList(),
                r.requestedAt(), r.updatedAt());
    }
}
