package io.haat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void aFreshIdIsARandomVersion4Uuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.freshId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isEqualTo(uuid.toString()).matches("[0-9a-f-]{36}");
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void aSaneClientIdIsKeptAndAnyOtherReplaced() {
        assertThat(RequestIdFilter.sanitize("web-1234.abc_def:9")).isEqualTo("web-1234.abc_def:9");
        assertThat(UUID.fromString(RequestIdFilter.sanitize("<script>")).version()).isEqualTo(4);
        assertThat(UUID.fromString(RequestIdFilter.sanitize(null)).version()).isEqualTo(4);
    }
}
