package io.haat.payment.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.provider.ProviderAction;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the payments API. */
public final class PaymentViews {

    private PaymentViews() {
    }

    /** {@code POST /payments} body; {@code provider} is a provider name or "COD". */
    public record StartPayment(@jakarta.validation.constraints.NotBlank String orderId,
                               @jakarta.validation.constraints.NotBlank String provider,
                               @jakarta.validation.constraints.Positive Long amount) {
    }

    /** {@code POST /admin/payments/{id}/refund} body: {@code amount} in minor units (default: all refundable). */
    public record RefundPayment(@jakarta.validation.constraints.Positive Long amount,
                                @jakarta.validation.constraints.NotBlank
                                @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** What the client does next: confirm with the SDK's client secret, go to a URL, or post a form. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String type, String clientSecret, URI url, Map<String, String> fields) {

        static Action of(ProviderAction action) {
            return switch (action) {
                case ProviderAction.ClientSecret secret -> new Action("CLIENT_SECRET", secret.clientSecret(), null, null);
                case ProviderAction.Redirect redirect -> new Action("REDIRECT", null, redirect.url(), null);
                case ProviderAction.FormPost form -> new Action("FORM_POST", null, form.action(), form.fields());
                case ProviderAction.Done ignored -> null;
                case ProviderAction.Refused ignored -> null;
            };
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(UUID paymentId, String orderId, int attempt, PaymentProvider provider,
                              PaymentStatus status, Money amount, Money captured, Money refunded,
                              PaymentFailureReason failureReason, String failureMessage, Instant createdAt,
                              Instant capturedAt, Action action) {

        static PaymentView of(Payment payment, Action action) {
            String currency = payment.amount().currency();
            return new PaymentView(payment.id(), payment.orderId(), payment.attempt(), payment.provider(),
                    payment.status(), payment.amount(), new Money(payment.capturedMinor(), currency),
                    new Money(payment.refundedMinor(), currency), payment.failureReason(), payment.failureMessage(),
                    payment.createdAt(), payment.capturedAt(), payment.status() == PaymentStatus.PENDING ? action : null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundView(String refundId, UUID paymentId, String orderId, Money amount, RefundReason reason,
                             String note, Refund.Status status, String providerRefundId, String failure,
                             Instant createdAt, Instant completedAt) {

        static RefundView of(Refund refund) {
            return new RefundView(refund.id(), refund.paymentId(), refund.orderId(), refund.amount(), refund.reason(),
                    refund.note(), refund.status(), refund.providerRefundId(), refund.failure(), refund.createdAt(),
                    refund.completedAt());
        }
    }

    /**
     * A refund request of a return or dispute as admins see it: what was asked, ACCEPTED or FAILED (with why), and the
     * refunds that carry it out with what they gave back so far ({@code refunded}: REFUNDED and MANUAL ones).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundRequestView(String requestId, String orderId, String customerId, Money amount,
                                    RefundReason reason, List<SellerOrderRefund> sellerOrders, String status,
                                    String failure, Instant requestedAt, Instant recordedAt, Money refunded,
                                    List<RefundView> refunds) {

        static RefundRequestView of(RefundRequestRepository.Recorded request, List<Refund> refunds) {
            long refunded = refunds.stream().filter(Refund::done).mapToLong(r -> r.amount().amountMinor()).sum();
            return new RefundRequestView(request.requestId(), request.orderId(), request.customerId(),
                    request.amount(), request.reason(), request.sellerOrders(), request.status(), request.failure(),
                    request.requestedAt(), request.recordedAt(), new Money(refunded, request.amount().currency()),
                    refunds.stream().map(RefundView::of).toList());
        }
    }
}
