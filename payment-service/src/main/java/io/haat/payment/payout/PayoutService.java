package io.haat.payment.payout;

import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.payment.PayoutStatusChanged;
import io.haat.payment.ledger.AccountKind;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.ledger.LedgerRepository;
import io.haat.payment.wallet.SellerOwners;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payout requests and decisions. Each method is one transaction: the payout row and its ledger movement commit
 * together. A request holds the seller's ledger lock while it reads the available balance, checks there is no open
 * payout and posts, so two requests for the whole balance at once cannot both succeed (the partial unique index on
 * open payouts would refuse the second anyway). Every transition (requested, approved, rejected, paid) publishes
 * {@code PayoutStatusChanged} on {@code payment.payout} through the outbox, in the same transaction.
 */
@Service
public class PayoutService {

    private final PayoutRepository payouts;
    private final SellerOwners owners;
    private final LedgerRepository balances;
    private final Ledger ledger;
    private final PayoutProperties properties;
    private final EventPublisher events;
    private final Clock clock;

    public PayoutService(PayoutRepository payouts, SellerOwners owners, LedgerRepository balances, Ledger ledger,
                         PayoutProperties properties, EventPublisher events, Clock clock) {
        this.events = events;
        this.payouts = payouts;
        this.owners = owners;
        this.balances = balances;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public PayoutResponse request(String userId, Money amount) {
        String sellerId = sellerOf(userId);
        long minimum = properties.minimumMinor(amount.currency());
        if (amount.amountMinor() < minimum) {
            throw new InvalidRequestException("amount", "must be at least " + minimum + " minor units of "
                    + amount.currency());
        }
        balances.lockSeller(sellerId);
        if (payouts.hasOpen(sellerId)) {
            throw new ConflictException("payout-already-open", "A payout is already open",
                    "You have a payout request that is not paid or rejected yet: one at a time.");
        }
        long available = balances.sellerBalance(sellerId, AccountKind.SELLER_AVAILABLE, amount.currency());
        if (amount.amountMinor() > available) {
            throw new UnprocessableException("insufficient-balance", "Not enough available balance",
                    "You asked for " + amount.amountMinor() + " but have " + Math.max(0, available) + " minor units of "
                            + amount.currency() + " available.").with("available", new Money(available, amount.currency()));
        }
        Payout payout = Payout.request(UUID.randomUUID(), sellerId, amount, clock.instant());
        payouts.insert(payout);
        ledger.postPayoutRequested(payout.id().toString(), sellerId, amount);
        publish(payout, userId);
        return PayoutResponse.from(payout);
    }

    @Transactional(readOnly = true)
    public PageResponse<PayoutResponse> mine(String userId, Paging paging) {
        String sellerId = sellerOf(userId);
        return PageResponse.of(payouts.ofSeller(sellerId, paging.offset(), paging.size()), paging,
                payouts.countOfSeller(sellerId)).map(PayoutResponse::from);
    }

    /** The caller's own payout; another seller's is not found. */
    @Transactional(readOnly = true)
    public PayoutResponse mineById(String userId, String id) {
        String sellerId = sellerOf(userId);
        return parse(id).flatMap(payouts::find).filter(p -> p.sellerId().equals(sellerId))
                .map(PayoutResponse::from).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public PageResponse<PayoutResponse> withStatus(PayoutStatus status, Paging paging) {
        return PageResponse.of(payouts.withStatus(status, paging.offset(), paging.size()), paging,
                payouts.countWithStatus(status)).map(PayoutResponse::from);
    }

    @Transactional
    public PayoutResponse approve(String id) {
        return change(id, payout -> payout.approve(clock.instant()));
    }

    /** Rejected: the amount goes back to the seller's available balance. */
    @Transactional
    public PayoutResponse reject(String id, String reason) {
        return change(id, payout -> payout.reject(reason, clock.instant()));
    }

    /** Paid: the amount leaves payouts in transit for good. */
    @Transactional
    public PayoutResponse markPaid(String id, String reference) {
        return change(id, payout -> payout.markPaid(reference, clock.instant()));
    }

    private PayoutResponse change(String id, Function<Payout, Transition<Payout>> action) {
        Payout before = parse(id).flatMap(payouts::findForUpdate).orElseThrow(() -> notFound(id));
        Transition<Payout> transition = action.apply(before);
        if (!transition.changed()) {
            return PayoutResponse.from(before);
        }
        Payout after = transition.state();
        payouts.save(before, after);
        String payoutId = after.id().toString();
        switch (after.status()) {
            case REJECTED -> ledger.postPayoutRejected(payoutId, after.sellerId(), after.amount());
            case PAID -> ledger.postPayoutPaid(payoutId, after.amount());
            case REQUESTED, APPROVED -> {
                // no money moves: it left the available balance on request
            }
        }
        publish(after, owners.userOf(after.sellerId()).orElse(null));
        return PayoutResponse.from(after);
    }

    private void publish(Payout payout, String userId) {
        String note = switch (payout.status()) {
            case REJECTED -> payout.reason();
            case PAID -> payout.reference();
            case REQUESTED, APPROVED -> null;
        };
        Instant at = switch (payout.status()) {
            case REQUESTED -> payout.requestedAt();
            case APPROVED -> payout.approvedAt();
            case REJECTED -> payout.rejectedAt();
            case PAID -> payout.paidAt();
        };
        events.publish(Topics.PAYMENT_PAYOUT, new PayoutStatusChanged(payout.id().toString(), payout.sellerId(),
                userId, payout.amount(), payout.status().name(), note, at), payout.version());
    }

    private String sellerOf(String userId) {
        return owners.sellerOf(userId).orElseThrow(() -> new NotFoundException("seller-not-found",
                "Seller not found", "You have no seller account yet: apply as a seller first."));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("payout-not-found", "Payout not found", "No payout " + id + ".");
    }
}
