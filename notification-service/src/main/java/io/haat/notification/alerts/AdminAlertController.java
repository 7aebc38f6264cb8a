package io.haat.notification.alerts;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The admins' alert feed: list with filters, acknowledge, and a live SSE stream. ADMIN only. */
@RestController
class AdminAlertController {

    private final AdminAlerts alerts;
    private final AdminAlertStream stream;
    private final CurrentUser currentUser;

    AdminAlertController(AdminAlerts alerts, AdminAlertStream stream, CurrentUser currentUser) {
        this.alerts = alerts;
        this.stream = stream;
        this.currentUser = currentUser;
    }

    @GetMapping("/admin/alerts")
    PageResponse<AlertResponse> list(@RequestParam(required = false) AlertKind kind,
                                     @RequestParam(required = false) AlertSeverity severity,
                                     @RequestParam(required = false) Boolean acknowledged,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return alerts.list(kind, severity, acknowledged, Paging.of(page, size));
    }

    @PostMapping("/admin/alerts/{id}/ack")
    AlertResponse acknowledge(@PathVariable String id) {
        return alerts.acknowledge(id, Actor.current(currentUser));
    }

    @GetMapping(path = "/admin/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open();
    }
}
