package io.haat.identity.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.haat.identity.IdentityProperties;
import io.haat.identity.alert.SecurityAlerts;
import io.haat.identity.support.Throttle;
import io.haat.platform.web.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per client address; crossing the threshold within the window raises one
 * {@code REPEATED_FAILED_LOGINS} alert per address and window (shared across instances through PostgreSQL). The
 * same rows limit logins: too many failures from one address, or from everyone together (a spray from many
 * addresses), and logins are refused with 429 before Keycloak is asked.
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
    private final IdentityProperties.Login limits;

    public FailedLogins(JdbcClient jdbc, Throttle throttle, SecurityAlerts alerts, Clock clock,
                        IdentityProperties properties) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.alerts = alerts;
        this.clock = clock;
        this.settings = properties.alerts();
        this.limits = properties.login();
    }

    /**
     * @throws TooManyRequestsException {@code login-throttled} (with {@code Retry-After}: until the oldest counted
     *                                  failure leaves the window) if this address, or everyone together, failed too
     *                                  often within the window
     */
    public void checkAllowed(String ip) {
        Instant since = clock.instant().minus(limits.failureWindow());
        Window fromIp = jdbc.sql("""
                        SELECT count(*) AS failures, min(occurred_at) AS oldest FROM login_failure
                        WHERE ip = :ip AND occurred_at > :since""")
                .param("ip", ip).param("since", Timestamp.from(since))
                .query(FailedLogins::window).single();
        if (fromIp.failures() >= limits.maxFailuresPerIp()) {
            throw throttled(fromIp, "Too many failed logins from your network. Try again later or reset your password.");
        }
        Window everyone = jdbc.sql("""
                        SELECT count(*) AS failures, min(occurred_at) AS oldest FROM login_failure
                        WHERE occurred_at > :since""")
                .param("since", Timestamp.from(since))
                .query(FailedLogins::window).single();
        if (everyone.failures() >= limits.maxFailuresGlobal()) {
            throw throttled(everyone, "Logins are paused for a moment after an unusual number of failures. Try again later.");
        }
    }

    private record Window(long failures, Instant oldest) {
    }

    private static Window window(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp oldest = rs.getTimestamp("oldest");
        return new Window(rs.getLong("failures"), oldest == null ? null : oldest.toInstant());
    }

    private TooManyRequestsException throttled(Window window, String detail) {
        Duration wait = window.oldest() == null ? limits.failureWindow()
                : Duration.between(clock.instant(), window.oldest().plus(limits.failureWindow()));
        return new TooManyRequestsException("login-throttled", "Too many failed logins", detail,
                wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
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

    /** Forgets failures older than both windows (the alert's and the limits'). */
    public int purge() {
        Duration kept = settings.failedLoginWindow().compareTo(limits.failureWindow()) > 0
                ? settings.failedLoginWindow() : limits.failureWindow();
        return jdbc.sql("DELETE FROM login_failure WHERE occurred_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(kept))).update();
    }
}
