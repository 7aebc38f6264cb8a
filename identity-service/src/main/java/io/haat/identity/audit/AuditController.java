package io.haat.identity.audit;

import java.time.Instant;

import io.haat.events.audit.AuditRecorded;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/audit}: the audit trail of every service, newest first, filtered by actor, action, resource, time. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class AuditController {

    private final AuditRepository audit;

    public AuditController(AuditRepository audit) {
        this.audit = audit;
    }

    /** {@code from} is inclusive, {@code to} exclusive (ISO-8601 instants). */
    @GetMapping("/admin/audit")
    public PageResponse<AuditRecorded> search(
            @RequestParam(required = false) String actorId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("from", "must be before 'to'");
        }
        return audit.search(new AuditRepository.Query(actorId, action, resourceType, resourceId, from, to, paging));
    }
}
