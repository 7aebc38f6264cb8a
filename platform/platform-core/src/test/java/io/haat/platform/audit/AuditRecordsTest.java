package io.haat.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.audit.AuditRecorded;
import io.haat.platform.security.Actor;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

class AuditRecordsTest {

    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

    private final AuditRecords records = new AuditRecords(JsonMapper.builder().build());

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        MDC.clear();
    }

    @Test
    void recordsWhoDidWhatFromWhere() {
        // the container has already resolved the client address from a trusted proxy's X-Forwarded-For
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        MDC.put("requestId", "req-1");

        AuditRecorded event = records.recorded(new Actor("u1", "ADMIN"), "store.update", "store", "s1",
                Map.of("name", "Old"), Map.of("name", "New"), AT);

        assertThat(event.auditId()).isNotBlank();
        assertThat(event.actorId()).isEqualTo("u1");
        assertThat(event.actorRole()).isEqualTo("ADMIN");
        assertThat(event.action()).isEqualTo("store.update");
        assertThat(event.aggregateId()).isEqualTo("store:s1");
        assertThat(event.before()).isEqualTo("{\"name\":\"Old\"}");
        assertThat(event.after()).isEqualTo("{\"name\":\"New\"}");
        assertThat(event.ip()).isEqualTo("203.0.113.7");
        assertThat(event.requestId()).isEqualTo("req-1");
        assertThat(event.at()).isEqualTo(AT);
    }

    @Test
    void withoutAProxyTheRemoteAddressAndWithoutTheFilterTheHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.4");
        request.addHeader("X-Forwarded-For", "203.0.113.66"); // never read here: only the container may believe it
        request.addHeader("X-Request-Id", "req-2");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        AuditRecorded event = records.recorded(new Actor("u1", "SELLER"), "store.create", "store", "s1", null,
                null, AT);

        assertThat(event.ip()).isEqualTo("198.51.100.4");
        assertThat(event.requestId()).isEqualTo("req-2");
        assertThat(event.before()).isNull();
        assertThat(event.after()).isNull();
    }

    @Test
    void outsideARequestNoAddress() {
        MDC.put("requestId", "job-1");

        AuditRecorded event = records.recorded(Actor.system("seller-service"), "commission.set", "commission",
                "DEFAULT:default", null, Map.of("basisPoints", 1000), AT);

        assertThat(event.ip()).isNull();
        assertThat(event.requestId()).isEqualTo("job-1");
        assertThat(event.actorRole()).isEqualTo(Actor.SYSTEM);
        assertThat(event.after()).isEqualTo("{\"basisPoints\":1000}");
    }
}
