package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void ifMatchNamesAVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(ETags.expectedVersion("W/\"7\"")).isEqualTo(7L);
        assertThat(ETags.expectedVersion("7")).isEqualTo(7L);
        assertThat(ETags.expectedVersion("*")).isNull();
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThatThrownBy(() -> ETags.expectedVersion("\"abc\"")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ETags.expectedVersion("-1")).isInstanceOf(BadRequestException.class);
    }
}
