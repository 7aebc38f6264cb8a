package io.haat.order.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.CashCollected;
import io.haat.events.orders.DeliveryStatus;
import io.haat.events.orders.DeliveryStatusChanged;
import io.haat.events.orders.GeoPoint;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The delivery's transition table: every action from every status, and the cash-on-delivery rule. */
class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final GeoPoint HERE = new GeoPoint(27.7, 85.3);

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static Delivery in(DeliveryStatus status, long cashDue) {
        boolean carrier = status == DeliveryStatus.WITH_CARRIER;
        String agent = carrier || status == DeliveryStatus.AWAITING_AGENT ? null : "agent-1";
        return new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "store-1", UUID.randomUUID(),
                agent, status, carrier ? "Nepal Post" : null, null, null, npr(cashDue),
                new DeliveryAddress("Ram", "1", "Street 1", null, "Kathmandu", "Bagmati", "44600", "NP"),
                LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 7), 1,
                List.of(new Delivery.Step(status, T0, null, null, null, null, null)), 3, T0);
    }

    private static final Delivery.Report REPORT = new Delivery.Report(HERE, "note", "Sita", null);

    private enum Action {
        ASSIGN((d, at) -> d.assign("agent-2", "admin", at)),
        PICK_UP((d, at) -> d.pickUp(REPORT, "agent-1", at)),
        OUT_FOR_DELIVERY((d, at) -> d.outForDelivery(REPORT, "agent-1", at)),
        DELIVER((d, at) -> d.deliver(REPORT, "agent-1", at)),
        FAIL((d, at) -> d.fail(REPORT, "agent-1", at)),
        RETURN_TO_SELLER((d, at) -> d.returnToSeller(REPORT, "agent-1", at)),
        CARRIER_DELIVERED((d, at) -> d.carrierDelivered(REPORT, "seller", at));

        final BiFunction<Delivery, Instant, Transition<Delivery>> apply;

        Action(BiFunction<Delivery, Instant, Transition<Delivery>> apply) {
            this.apply = apply;
        }
    }

    private static final Map<Action, Map<DeliveryStatus, DeliveryStatus>> LEGAL = new EnumMap<>(Action.class);
    private static final Map<Action, List<DeliveryStatus>> ALREADY = new EnumMap<>(Action.class);

    static {
        LEGAL.put(Action.ASSIGN, Map.of(DeliveryStatus.AWAITING_AGENT, DeliveryStatus.ASSIGNED,
                DeliveryStatus.ASSIGNED, DeliveryStatus.ASSIGNED, DeliveryStatus.FAILED, DeliveryStatus.ASSIGNED));
        ALREADY.put(Action.ASSIGN, List.of());
        LEGAL.put(Action.PICK_UP, Map.of(DeliveryStatus.ASSIGNED, DeliveryStatus.PICKED_UP));
        ALREADY.put(Action.PICK_UP, List.of(DeliveryStatus.PICKED_UP));
        LEGAL.put(Action.OUT_FOR_DELIVERY, Map.of(DeliveryStatus.PICKED_UP, DeliveryStatus.OUT_FOR_DELIVERY,
                DeliveryStatus.FAILED, DeliveryStatus.OUT_FOR_DELIVERY));
        ALREADY.put(Action.OUT_FOR_DELIVERY, List.of(DeliveryStatus.OUT_FOR_DELIVERY));
        LEGAL.put(Action.DELIVER, Map.of(DeliveryStatus.OUT_FOR_DELIVERY, DeliveryStatus.DELIVERED));
        ALREADY.put(Action.DELIVER, List.of(DeliveryStatus.DELIVERED));
        LEGAL.put(Action.FAIL, Map.of(DeliveryStatus.PICKED_UP, DeliveryStatus.FAILED,
                DeliveryStatus.OUT_FOR_DELIVERY, DeliveryStatus.FAILED));
        ALREADY.put(Action.FAIL, List.of(DeliveryStatus.FAILED));
        LEGAL.put(Action.RETURN_TO_SELLER, Map.of(DeliveryStatus.FAILED, DeliveryStatus.RETURNED_TO_SELLER));
        ALREADY.put(Action.RETURN_TO_SELLER, List.of(DeliveryStatus.RETURNED_TO_SELLER));
        LEGAL.put(Action.CARRIER_DELIVERED, Map.of(DeliveryStatus.WITH_CARRIER, DeliveryStatus.DELIVERED));
        ALREADY.put(Action.CARRIER_DELIVERED, List.of(DeliveryStatus.DELIVERED));
    }

    @Test
    void everyActionFromEveryStatus() {
        Instant at = T0.plusSeconds(3600);
        for (Action action : Action.values()) {
            for (DeliveryStatus from : DeliveryStatus.values()) {
                Delivery before = in(from, 0);
                String what = action + " from " + from;
                DeliveryStatus to = LEGAL.get(action).get(from);
                if (to != null) {
                    Transition<Delivery> moved = action.apply.apply(before, at);
                    assertThat(moved.state().status()).as(what).isEqualTo(to);
                    assertThat(moved.state().version()).as(what).isEqualTo(before.version() + 1);
                    assertThat(moved.state().steps()).as(what).hasSize(2);
                    assertThat(moved.state().steps().getLast().status()).as(what).isEqualTo(to);
                    assertThat(moved.events()).as(what).singleElement().isInstanceOfSatisfying(
                            DeliveryStatusChanged.class, event -> {
                                assertThat(event.status()).isEqualTo(to);
                                assertThat(event.deliveryId()).isEqualTo(before.id().toString());
                                assertThat(event.at()).isEqualTo(at);
                            });
                } else if (ALREADY.get(action).contains(from)) {
                    Transition<Delivery> same = action.apply.apply(before, at);
                    assertThat(same.changed()).as(what).isFalse();
                    assertThat(same.state()).as(what).isSameAs(before);
                } else {
                    assertThatThrownBy(() -> action.apply.apply(before, at)).as(what)
                            .isInstanceOf(IllegalTransition.class)
                            .satisfies(e -> assertThat(((IllegalTransition) e).fromStatus()).isEqualTo(from.name()));
                }
            }
        }
    }

    @Test
    void assigningTheSameAgentAgainIsANoOpAndAnotherReassigns() {
        Delivery assigned = in(DeliveryStatus.ASSIGNED, 0);
        assertThat(assigned.assign("agent-1", "admin", T0).changed()).isFalse();
        assertThat(assigned.assign("agent-2", "admin", T0).state().agentId()).isEqualTo("agent-2");
    }

    @Test
    void outForDeliveryExpectsItTodayAndCountsAttempts() {
        Instant at = Instant.parse("2026-12-04T08:00:00Z");
        Delivery out = in(DeliveryStatus.PICKED_UP, 0).outForDelivery(REPORT, "agent-1", at).state();
        assertThat(out.estimatedFrom()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(out.estimatedTo()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(out.attempts()).isEqualTo(2);
        assertThat(out.steps().getLast().location()).isEqualTo(HERE);
    }

    @Test
    void cashDueMustBeCollectedExactly() {
        Delivery out = in(DeliveryStatus.OUT_FOR_DELIVERY, 600);
        for (Money wrong : new Money[] {null, npr(599), npr(601), new Money(600, "USD")}) {
            assertThatThrownBy(() -> out.deliver(new Delivery.Report(null, null, null, wrong), "agent-1", T0))
                    .as(String.valueOf(wrong)).isInstanceOf(UnprocessableException.class);
        }
        Transition<Delivery> delivered = out.deliver(new Delivery.Report(null, null, "Sita", npr(600)), "agent-1",
                T0);
        assertThat(delivered.events()).hasSize(2);
        CashCollected cash = (CashCollected) delivered.events().get(1);
        assertThat(cash.amount()).isEqualTo(npr(600));
        assertThat(cash.deliveryId()).isEqualTo(out.id().toString());
        assertThat(delivered.state().steps().getLast().cashCollected()).isEqualTo(npr(600));

        Delivery prepaid = in(DeliveryStatus.OUT_FOR_DELIVERY, 0);
        assertThatThrownBy(() -> prepaid.deliver(new Delivery.Report(null, null, null, npr(5)), "agent-1", T0))
                .isInstanceOf(UnprocessableException.class);
        assertThat(prepaid.deliver(new Delivery.Report(null, null, null, npr(0)), "agent-1", T0).events())
                .singleElement().isInstanceOf(DeliveryStatusChanged.class);
    }
}
