package io.haat.payment.wallet;

import io.haat.events.Money;
import io.haat.payment.ledger.LedgerRepository.SellerEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * One movement of a seller's balance: which balance ({@code PENDING} or {@code AVAILABLE}), by how much (positive:
 * it grew), why ({@code CAPTURE}, {@code COMPLETION}, or a refund's reason such as {@code RETURN}), for which order
 * and seller order, and in which ledger transaction.
 */
public record WalletEntryResponse(long id, UUID transactionId, String kind, String reason, String balance,
                                  Money amount, String orderId, String sellerOrderId, Instant postedAt) {

    static WalletEntryResponse from(SellerEntry entry) {
        String balance = switch (entry.account()) {
            case SELLER_PENDING -> "PENDING";
            case SELLER_AVAILABLE -> "AVAILABLE";
            default -> throw new IllegalStateException("not a seller account: " + entry.account());
        };
        return new WalletEntryResponse(entry.id(), entry.transactionId(), entry.kind().name(), entry.reason(), balance,
                entry.amount(), entry.orderId(), entry.sellerOrderId(), entry.postedAt());
    }
}
