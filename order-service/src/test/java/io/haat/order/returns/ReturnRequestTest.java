package io.haat.order.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.RefundRequested;
import io.haat.events.orders.ReturnStatus;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.payment.RefundReason;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The return's transition table, without Spring: every legal move with exactly its events, the rest refused. */
class ReturnRequestTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofDays(3));

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static ReturnRequest requested() {
        ReturnPricing pricing = new ReturnPricing(List.of(new ReturnLine("p1", "SKU-1", "Mug", 2, npr(1000),
                npr(100))), npr(50));
        return ReturnRequest.request(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "store-1", "seller-1",
                UUID.randomUUID(), ReturnReason.DAMAGED, "cracked", pricing, 1, DUE, T0).state();
    }

    private static ReturnRequest in(ReturnStatus status) {
        ReturnRequest r = requested();
        return switch (status) {
            case REQUESTED -> r;
            case APPROVED -> r.approve(T0).state();
            case REJECTED -> r.reject("used", T0).state();
            case RECEIVED -> r.approve(T0).state().receive(npr(950), T0).state();
            case REFUNDED -> r.approve(T0).state().receive(npr(950), T0).state().recordRefund("rf-1", npr(950), T0)
                    .state();
        };
    }

    @Test
    void aRequestIsPricedAndAnnounced() {
        Transition<ReturnRequest> created = ReturnRequest.request(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "store-1", "seller-1", UUID.randomUUID(), ReturnReason.DAMAGED, "cracked",
                new ReturnPricing(List.of(new ReturnLine("p1", "SKU-1", "Mug", 2, npr(1000), npr(100))), npr(50)),
                0, DUE, T0);
        assertThat(created.state().status()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(created.state().refund()).isEqualTo(npr(950));
        assertThat(created.events()).singleElement().isInstanceOfSatisfying(ReturnStatusChanged.class, e -> {
            assertThat(e.status()).isEqualTo(ReturnStatus.REQUESTED);
            assertThat(e.lines()).containsExactly(new StockLine("store-1", "SKU-1", 2));
            assertThat(e.note()).isEqualTo("DAMAGED: cracked");
        });
    }

    @Test
    void approveAndReject() {
        Transition<ReturnRequest> approved = in(ReturnStatus.REQUESTED).approve(T0.plusSeconds(1));
        assertThat(approved.state().status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(single(approved).status()).isEqualTo(ReturnStatus.APPROVED);
        Transition<ReturnRequest> rejected = in(ReturnStatus.REQUESTED).reject("worn", T0.plusSeconds(1));
        assertThat(rejected.state().rejection()).isEqualTo("worn");
        assertThat(single(rejected).note()).isEqualTo("worn");
        assertUnchanged(in(ReturnStatus.APPROVED), r -> r.approve(T0));
        assertUnchanged(in(ReturnStatus.REJECTED), r -> r.reject("other reason", T0));
        for (ReturnStatus status : List.of(ReturnStatus.REJECTED, ReturnStatus.RECEIVED, ReturnStatus.REFUNDED)) {
            assertIllegal(in(status), r -> r.approve(T0));
        }
        for (ReturnStatus status : List.of(ReturnStatus.APPROVED, ReturnStatus.RECEIVED, ReturnStatus.REFUNDED)) {
            assertIllegal(in(status), r -> r.reject("no", T0));
        }
    }

    @Test
    void autoApprovalOnlyOnceTheDeadlinePassed() {
        assertIllegal(in(ReturnStatus.REQUESTED), r -> r.autoApprove(DUE.minusSeconds(1)));
        Transition<ReturnRequest> approved = in(ReturnStatus.REQUESTED).autoApprove(DUE);
        assertThat(approved.state().status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(single(approved).note()).contains("automatically");
        assertUnchanged(in(ReturnStatus.APPROVED), r -> r.autoApprove(DUE));
        assertIllegal(in(ReturnStatus.REJECTED), r -> r.autoApprove(DUE));
    }

    @Test
    void receivingAsksForRestockAndRefund() {
        ReturnRequest approved = in(ReturnStatus.APPROVED);
        Transition<ReturnRequest> received = approved.receive(npr(900), T0);
        assertThat(received.state().status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(received.state().refund()).isEqualTo(npr(900));
        assertThat(received.events()).hasSize(2);
        assertThat(received.events().get(0)).isInstanceOfSatisfying(ReturnStatusChanged.class, e -> {
            assertThat(e.status()).isEqualTo(ReturnStatus.RECEIVED);
            assertThat(e.lines()).containsExactly(new StockLine("store-1", "SKU-1", 2));
        });
        assertThat(received.events().get(1)).isInstanceOfSatisfying(RefundRequested.class, e -> {
            assertThat(e.requestId()).isEqualTo("return:" + approved.id());
            assertThat(e.amount()).isEqualTo(npr(900));
            assertThat(e.reason()).isEqualTo(RefundReason.RETURN);
            assertThat(e.sellerOrders()).singleElement().satisfies(part -> {
                assertThat(part.sellerOrderId()).isEqualTo(approved.sellerOrderId().toString());
                assertThat(part.amount()).isEqualTo(npr(900));
            });
        });
        assertThatThrownBy(() -> approved.receive(npr(951), T0)).isInstanceOf(IllegalArgumentException.class);
        assertUnchanged(in(ReturnStatus.RECEIVED), r -> r.receive(npr(950), T0));
        assertIllegal(in(ReturnStatus.REQUESTED), r -> r.receive(npr(950), T0));
        assertIllegal(in(ReturnStatus.REJECTED), r -> r.receive(npr(950), T0));
    }

    @Test
    void nothingLeftToRefundEndsTheReturnAtOnce() {
        Transition<ReturnRequest> received = in(ReturnStatus.APPROVED).receive(npr(0), T0);
        assertThat(received.state().status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(received.events()).map(e -> ((ReturnStatusChanged) e).status())
                .containsExactly(ReturnStatus.RECEIVED, ReturnStatus.REFUNDED);
    }

    @Test
    void refundsAddUpToRefunded() {
        ReturnRequest received = in(ReturnStatus.RECEIVED);
        Transition<ReturnRequest> part = received.recordRefund("rf-1", npr(600), T0);
        assertThat(part.state().status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(part.state().refunded()).isEqualTo(npr(600));
        assertThat(part.events()).isEmpty();
        assertUnchanged(part.state(), r -> r.recordRefund("rf-1", npr(600), T0));
        Transition<ReturnRequest> done = part.state().recordRefund("rf-2", npr(350), T0);
        assertThat(done.state().status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(single(done).status()).isEqualTo(ReturnStatus.REFUNDED);
        assertUnchanged(done.state(), r -> r.recordRefund("rf-3", npr(1), T0));
        assertIllegal(in(ReturnStatus.APPROVED), r -> r.recordRefund("rf-1", npr(1), T0));
    }

    private static ReturnStatusChanged single(Transition<ReturnRequest> transition) {
        assertThat(transition.events()).hasSize(1);
        return (ReturnStatusChanged) transition.events().getFirst();
    }

    private static void assertUnchanged(ReturnRequest r, Function<ReturnRequest, Transition<ReturnRequest>> action) {
        Transition<ReturnRequest> same = action.apply(r);
        assertThat(same.changed()).isFalse();
        assertThat(same.state()).isSameAs(r);
        assertThat(same.events()).isEmpty();
    }

    private static void assertIllegal(ReturnRequest r, Function<ReturnRequest, Transition<ReturnRequest>> action) {
        assertThatThrownBy(() -> action.apply(r)).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.getMessage()).contains(r.status().name()));
    }
}
