package io.haat.notification.alerts;

import java.time.Instant;

/** An alert as admins see it. */
public record AlertResponse(String id, AlertKind kind, String type, AlertSeverity severity, String subject,
                            String detail, String source, Instant raisedAt, boolean acknowledged,
                            String acknowledgedBy, Instant acknowledgedAt) {

    static AlertResponse from(Alert alert) {
        return new AlertResponse(alert.id(), alert.kind(), alert.type(), alert.severity(), alert.subject(),
                alert.detail(), alert.source(), alert.raisedAt(), alert.acknowledged(), alert.acknowledgedBy(),
                alert.acknowledgedAt());
    }
}
