package io.haat.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.DomainEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TransitionTest {

    enum Light { ON, OFF }

    record Lit(String id) implements DomainEvent {
        @Override
        public String aggregateId() {
            return id;
        }
    }

    @Test
    void aChangeCarriesTheNewStateAndItsEvents() {
        Transition<Light> t = Transition.to(Light.ON, new Lit("lamp"));
        assertThat(t.changed()).isTrue();
        assertThat(t.state()).isEqualTo(Light.ON);
        assertThat(t.events()).containsExactly(new Lit("lamp"));
        assertThat(Transition.to(Light.ON, List.of()).events()).isEmpty();
    }

    @Test
    void aNoOpKeepsTheStateAndRaisesNothing() {
        Transition<Light> t = Transition.unchanged(Light.OFF);
        assertThat(t.changed()).isFalse();
        assertThat(t.state()).isSameAs(Light.OFF);
        assertThat(t.events()).isEmpty();
        assertThatThrownBy(() -> new Transition<>(Light.OFF, List.of(new Lit("lamp")), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIllegalTransitionIsA409NamingTheAggregateAndItsStatus() {
        IllegalTransition refused = new IllegalTransition("lamp", Light.OFF, "dimmed");
        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.type().toString()).endsWith("/illegal-lamp-transition");
        assertThat(refused.detail()).isEqualTo("A lamp that is OFF cannot be dimmed.");
        assertThat(refused.properties()).containsEntry("status", "OFF");
        assertThat(refused.fromStatus()).isEqualTo("OFF");
    }
}
