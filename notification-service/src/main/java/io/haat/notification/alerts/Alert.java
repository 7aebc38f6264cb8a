package io.haat.notification.alerts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An alert in the admins' feed. Its id is derived from what raised it (the source event's topic and id, the DLT
 * record's position, the counting window), so the same source never raises two alerts.
 *
 * @param type    the producer's own name for it, e.g. identity's {@code REPEATED_FAILED_LOGINS}
 * @param subject what it is about: a user id, an address, {@code storeId:sku}, a topic
 */
@Document("admin_alerts")
@CompoundIndex(name = "feed", def = "{'acknowledged': 1, 'raisedAt': -1}")
public record Alert(@Id String id, AlertKind kind, String type, AlertSeverity severity, String subject,
                    String detail, String source, Instant raisedAt, boolean acknowledged, String acknowledgedBy,
                    Instant acknowledgedAt, long version) {

    static Alert raise(String id, AlertKind kind, String type, AlertSeverity severity, String subject, String detail,
                       String source, Instant at) {
        return new Alert(id, kind, type, severity, subject, detail, source, at, false, null, null, 0);
    }

    /** Acknowledged by {@code adminId}; already acknowledged stays as it was (the first admin stands). */
    Alert acknowledge(String adminId, Instant at) {
        return acknowledged ? this : new Alert(id, kind, type, severity, subject, detail, source, raisedAt, true,
                adminId, at, version + 1);
    }
}
