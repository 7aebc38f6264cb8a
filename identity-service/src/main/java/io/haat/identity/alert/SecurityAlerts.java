package io.haat.identity.alert;

import java.util.UUID;

import io.haat.events.Topics;
import io.haat.events.identity.SecurityAlertRaised;
import io.haat.platform.messaging.outbox.EventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Security signals for the admins' alert feed ({@code identity.security-alert}), through the outbox. */
@Component
public class SecurityAlerts {

    public static final String USER_BANNED = "USER_BANNED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String REPEATED_FAILED_LOGINS = "REPEATED_FAILED_LOGINS";

    private final EventPublisher events;

    public SecurityAlerts(EventPublisher events) {
        this.events = events;
    }

    /** In the caller's transaction (with the change it reports), or in its own when there is none (a refused login). */
    @Transactional
    public SecurityAlertRaised raise(String kind, String severity, String subject, String detail) {
        SecurityAlertRaised alert = new SecurityAlertRaised(UUID.randomUUID().toString(), kind, severity, subject, detail);
        events.publish(Topics.SECURITY_ALERTS, alert);
        return alert;
    }
}
