package io.haat.payment.payment;

import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.PayableOrders;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** A customer's payments: only their own (anyone else's is 404, as if it did not exist). */
@Service
public class PaymentQueries {

    private final PaymentRepository payments;
    private final OrderCopies copies;
    private final JsonMapper json;

    public PaymentQueries(PaymentRepository payments, OrderCopies copies, JsonMapper json) {
        this.payments = payments;
        this.copies = copies;
        this.json = json;
    }

    public PaymentViews.PaymentView payment(UUID paymentId, String customerId) {
        return payments.find(paymentId).filter(p -> p.customerId().equals(customerId)).map(this::view)
                .orElseThrow(() -> notFound(paymentId));
    }

    /** An order's payments, attempt by attempt (an order has few: sliced in memory). */
    public PageResponse<PaymentViews.PaymentView> ofOrder(String orderId, String customerId, Paging paging) {
        copies.find(orderId).filter(copy -> copy.customerId().equals(customerId))
                .orElseThrow(() -> PayableOrders.notFound(orderId));
        List<Payment> all = payments.ofOrder(orderId);
        return PageResponse.of(all.stream().skip(paging.offset()).limit(paging.size()).map(this::view).toList(),
                paging, all.size());
    }

    private PaymentViews.PaymentView view(Payment payment) {
        PaymentViews.Action action = payments.action(payment.id())
                .map(text -> json.readValue(text, PaymentViews.Action.class)).orElse(null);
        return PaymentViews.PaymentView.of(payment, action);
    }

    static NotFoundException notFound(UUID paymentId) {
        return new NotFoundException("payment-not-found", "Payment not found",
                "Payment " + paymentId + " was not found.");
    }
}
