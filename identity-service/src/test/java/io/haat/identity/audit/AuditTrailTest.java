package io.haat.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.audit.AuditRecorded;
import io.haat.identity.testing.IntegrationTestBase;
import io.haat.platform.messaging.EventEnvelopes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** The audit trail of every service: consumed from {@code audit.events}, append-only, searchable by admins. */
class AuditTrailTest extends IntegrationTestBase {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventEnvelopes envelopes;

    @Test
    void recordsFromOtherServicesAreStoredOnceAndSearchable() throws Exception {
        String actor = UUID.randomUUID().toString();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        AuditRecorded approve = record(actor, "seller.approve", "seller", "s-1", base);
        AuditRecorded commission = record(actor, "commission.change", "seller", "s-1", base.plusSeconds(60));
        AuditRecorded other = record(UUID.randomUUID().toString(), "product.ban", "product", "p-9", base.plusSeconds(120));
        EventEnvelope<AuditRecorded> approveEnvelope = EventEnvelope.of(approve, 0);
        send(approveEnvelope);
        send(approveEnvelope); // redelivered
        send(EventEnvelope.of(commission, 0));
        send(EventEnvelope.of(other, 0));
        String admin = adminToken();

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/admin/audit?actorId=" + actor, admin).body().path("totalItems").asInt() == 2);
        Response byActor = get("/admin/audit?actorId=" + actor, admin);
        assertThat(byActor.body().path("items").valueStream().map(e -> e.path("action").asString()).toList())
                .containsExactly("commission.change", "seller.approve");
        assertThat(byActor.body().path("items").get(1).path("ip").asString()).isEqualTo("198.51.100.7");

        assertThat(get("/admin/audit?action=seller.approve&actorId=" + actor, admin).body().path("totalItems").asInt())
                .isEqualTo(1);
        assertThat(get("/admin/audit?resourceType=seller&resourceId=s-1&actorId=" + actor, admin).body()
                .path("totalItems").asInt()).isEqualTo(2);
        Response window = get("/admin/audit?actorId=" + actor + "&from=" + base.plusSeconds(30) + "&to="
                + base.plusSeconds(90), admin);
        assertThat(window.body().path("items").valueStream().map(e -> e.path("auditId").asString()).toList())
                .containsExactly(commission.auditId());
        Response paged = get("/admin/audit?actorId=" + actor + "&size=1&page=1", admin);
        assertThat(paged.body().path("items").get(0).path("auditId").asString()).isEqualTo(approve.auditId());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE id = :id")
                .param("id", UUID.fromString(approve.auditId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTrailIsAppendOnly() {
        AuditRecorded record = record(UUID.randomUUID().toString(), "store.delete", "store", "st-1", Instant.now());
        send(EventEnvelope.of(record, 0));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE id = :id")
                .param("id", UUID.fromString(record.auditId())).query(Long.class).single() == 1);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET action = 'nothing' WHERE id = :id")
                .param("id", UUID.fromString(record.auditId())).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).hasMessageContaining("append-only");
    }

    @Test
    void aMalformedRecordDoesNotStopTheConsumer() {
        kafka.send(Topics.AUDIT_EVENTS, "x", "this is not an envelope");
        kafka.send(Topics.AUDIT_EVENTS, "y", envelopes.toJson(EventEnvelope.of(
                new AuditRecorded("not-a-uuid", "a", "ADMIN", "x.y", "thing", "1", null, null, null, null, Instant.now()), 0)));
        AuditRecorded after = record(UUID.randomUUID().toString(), "coupon.create", "coupon", "SALE10", Instant.now());
        send(EventEnvelope.of(after, 0));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE id = :id")
                .param("id", UUID.fromString(after.auditId())).query(Long.class).single() == 1);
    }

    @Test
    void badFiltersAreValidationProblems() {
        String admin = adminToken();
        assertThat(get("/admin/audit?from=yesterday", admin).status()).isEqualTo(400);
        assertThat(get("/admin/audit?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", admin).status()).isEqualTo(400);
        assertThat(get("/admin/audit?size=0", admin).status()).isEqualTo(400);
    }

    private void send(EventEnvelope<AuditRecorded> envelope) {
        kafka.send(Topics.AUDIT_EVENTS, envelope.aggregateId(), envelopes.toJson(envelope));
    }

    private static AuditRecorded record(String actor, String action, String type, String id, Instant at) {
        return new AuditRecorded(UUID.randomUUID().toString(), actor, "ADMIN", action, type, id, "status=PENDING",
                "status=APPROVED", "198.51.100.7", "req-" + UUID.randomUUID(), at);
    }
}
