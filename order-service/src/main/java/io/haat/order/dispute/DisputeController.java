package io.haat.order.dispute;

import io.haat.events.Money;
import io.haat.events.orders.DisputeChanged;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disputes over HTTP: the customer opens one on their order; its parties (customer, the store's seller, admins) read
 * it and write messages; admins list and resolve them.
 */
@RestController
public class DisputeController {

    /** {@code POST /orders/{id}/disputes}. */
    public record OpenBody(UUID returnId, UUID sellerOrderId, @NotBlank @Size(max = 200) String reason,
                           @NotBlank @Size(max = 4000) String message) {
    }

    /** {@code POST /disputes/{id}/messages}. */
    public record MessageBody(@NotBlank @Size(max = 4000) String body) {
    }

    /** {@code POST /admin/disputes/{id}/resolve}; {@code amount} only for a partial refund. */
    public record ResolveBody(@NotNull DisputeChanged.Outcome outcome, @Valid Money amount,
                              @NotBlank @Size(max = 2000) String note) {
    }

    private final DisputeService service;
    private final DisputeRepository disputes;

    public DisputeController(DisputeService service, DisputeRepository disputes) {
        this.service = service;
        this.disputes = disputes;
    }

    @PostMapping("/orders/{orderId}/disputes")
    public ResponseEntity<DisputeResponse> open(@PathVariable UUID orderId, @Valid @RequestBody OpenBody body) {
        Dispute dispute = service.open(orderId, new DisputeService.Opening(body.returnId(), body.sellerOrderId(),
                body.reason().strip(), body.message().strip()));
        return ResponseEntity.created(URI.create("/disputes/" + dispute.id())).body(DisputeResponse.from(dispute));
    }

    @GetMapping("/disputes/{id}")
    public DisputeResponse get(@PathVariable UUID id) {
        return DisputeResponse.from(service.visible(id));
    }

    @GetMapping("/disputes/{id}/messages")
    public List<DisputeMessage> messages(@PathVariable UUID id) {
        return service.messages(id);
    }

    @PostMapping("/disputes/{id}/messages")
    public ResponseEntity<DisputeMessage> post(@PathVariable UUID id, @Valid @RequestBody MessageBody body) {
        return ResponseEntity.status(201).body(service.post(id, body.body().strip()));
    }

    @GetMapping("/admin/disputes")
    public PageResponse<DisputeResponse> list(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return disputes.list(status(status), Paging.of(page, size)).map(DisputeResponse::from);
    }

    @PostMapping("/admin/disputes/{id}/resolve")
    public DisputeResponse resolve(@PathVariable UUID id, @Valid @RequestBody ResolveBody body) {
        return DisputeResponse.from(service.resolve(id, body.outcome(), body.amount(), body.note().strip()));
    }

    private static Dispute.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Dispute.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "is OPEN or RESOLVED");
        }
    }
}
