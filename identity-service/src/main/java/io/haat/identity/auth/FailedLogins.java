package io.haat.identity.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.haat.identity.IdentityProperties;
import io.haat.identity.alert.SecurityAlerts;
import io.haat.identity.support.Throttle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per client address; crossing the threshold within the window raises one
 * {@code REPEATED_FAILED_LOGINS} alert per address and window (shared across instances through PostgreSQL).
 */
@Component
public class FailedLogins {

    private record Counts(long failures, long accounts) {
    }

    private final JdbcClient jdbc;
    private final Throttle throttle;
    private final SecurityAlerts alerts;
    private final Clock clock;
    private final IdentityProperties.Alerts settings;

    public FailedLogins(JdbcClient jdbc, Throttle throttle, SecurityAlerts alerts, Clock clock,
                        IdentityProperties properties) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.alerts = alerts;
        this.clock = clock;
        this.settings = properties.alerts();
    }

    /** Stores the failure and, in the same transaction, raises the alert if this address crossed the threshold. */
    @Transactional
    public void record(String ip, String email) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO login_failure (ip, email, occurred_at) VALUES (:ip, :email, :at)")
                .param("ip", ip).param("email", email).param("at", Timestamp.from(now)).update();
        Counts counts = jdbc.sql("""
                        SELECT count(*) AS failures, count(DISTINCT email) AS accounts FROM login_failure
                        WHERE ip = :ip AND occurred_at > :since""")
                .param("ip", ip).param("since", Timestamp.from(now.minus(settings.failedLoginWindow())))
                .query((rs, row) -> new Counts(rs.getLong("failures"), rs.getLong("accounts"))).single();
        if (counts.failures() >= settings.failedLoginThreshold()
                && throttle.tryAcquire("failed-login-alert", ip, settings.failedLoginWindow()).isEmpty()) {
            alerts.raise(SecurityAlerts.REPEATED_FAILED_LOGINS, "HIGH", ip,
                    "%d failed logins for %d account(s) from %s within %d minutes.".formatted(counts.failures(),
                            counts.accounts(), ip, settings.failedLoginWindow().toMinutes()));
        }
    }

    /** Forgets failures older than the window. */
    public int purge() {
        return jdbc.sql("DELETE FROM login_failure WHERE occurred_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(settings.failedLoginWindow()))).update();
    }
}
