package io.haat.identity.phone;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.haat.identity.IdentityProperties;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Caps on verification SMS against toll fraud (someone making the marketplace text premium-rate numbers): the
 * country allow-list, per number per hour and per day, per user per day, and a global budget per 24 hours. Every
 * code sent is a row of {@code sms_sent}, so every instance counts the same (two requests at the same instant may
 * both pass the last slot: the caps are budgets, not exact counters).
 */
@Component
public class SmsBudget {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties.Phone settings;

    public SmsBudget(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.phone();
    }

    /**
     * Takes one SMS from every budget, or refuses: 400 {@code phone-country-not-allowed}; 429
     * {@code phone-number-limit}, {@code phone-code-daily-limit} or {@code sms-budget-exhausted} with
     * {@code Retry-After}.
     *
     * @return the row to {@link #giveBack} if the SMS could not be sent after all
     */
    public long take(UUID userId, String phone) {
        if (!settings.allows(phone)) {
            throw new BadRequestException("phone-country-not-allowed", "Country not supported",
                    "We cannot send codes to this country yet. Use a phone number from a supported country.");
        }
        Instant now = clock.instant();
        refuseIfReached(count("phone = :key", phone, now.minus(HOUR)), settings.maxPerNumberPerHour(),
                "phone-number-limit", "Too many codes were sent to this number. Try again later.",
                oldest("phone = :key", phone, now.minus(HOUR)), HOUR, now);
        refuseIfReached(count("phone = :key", phone, now.minus(DAY)), settings.maxPerNumberPerDay(),
                "phone-number-limit", "Too many codes were sent to this number today. Try again tomorrow.",
                oldest("phone = :key", phone, now.minus(DAY)), DAY, now);
        refuseIfReached(count("user_id = :key", userId, now.minus(DAY)), settings.maxPerUserPerDay(),
                "phone-code-daily-limit", "You asked for too many codes today. Try again tomorrow.",
                oldest("user_id = :key", userId, now.minus(DAY)), DAY, now);
        refuseIfReached(count(null, null, now.minus(DAY)), settings.dailyBudget(),
                "sms-budget-exhausted", "Codes cannot be sent right now. Try again later.",
                oldest(null, null, now.minus(DAY)), DAY, now);
        return jdbc.sql("INSERT INTO sms_sent (user_id, phone, sent_at) VALUES (:user, :phone, :at) RETURNING id")
                .param("user", userId).param("phone", phone).param("at", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** The SMS was not sent: it does not count. */
    public void giveBack(long taken) {
        jdbc.sql("DELETE FROM sms_sent WHERE id = :id").param("id", taken).update();
    }

    /** Forgets SMS older than the longest window. */
    public int purge() {
        return jdbc.sql("DELETE FROM sms_sent WHERE sent_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(DAY))).update();
    }

    /** @param where a fixed condition on {@code :key}, or null for every row */
    private long count(String where, Object key, Instant since) {
        return select("count(*)", where, key, since).query(Long.class).single();
    }

    private Instant oldest(String where, Object key, Instant since) {
        Timestamp oldest = select("min(sent_at)", where, key, since).query(Timestamp.class).optional().orElse(null);
        return oldest == null ? null : oldest.toInstant();
    }

    private JdbcClient.StatementSpec select(String what, String where, Object key, Instant since) {
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + what + " FROM sms_sent WHERE "
                + (where == null ? "" : where + " AND ") + "sent_at > :since").param("since", Timestamp.from(since));
        return where == null ? statement : statement.param("key", key);
    }

    private static void refuseIfReached(long count, int cap, String type, String detail, Instant oldest,
                                        Duration window, Instant now) {
        if (count < cap) {
            return;
        }
        Duration wait = oldest == null ? window : Duration.between(now, oldest.plus(window));
        throw new TooManyRequestsException(type, "Too many requests", detail,
                wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
