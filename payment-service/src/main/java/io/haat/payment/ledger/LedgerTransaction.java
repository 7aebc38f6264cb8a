package io.haat.payment.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One money movement: entries that sum to zero in every currency (refused otherwise, here and by the database),
 * identified by an idempotency key ({@code capture:<paymentId>}, {@code complete:<sellerOrderId>},
 * {@code refund:<refundId>}, {@code payout:<payoutId>}, {@code payout-reject:<payoutId>},
 * {@code payout-paid:<payoutId>}) so that a redelivered event never posts twice.
 */
public record LedgerTransaction(UUID id, String idempotencyKey, TransactionKind kind, String orderId,
                                String reference, String reason, Instant postedAt, List<LedgerEntry> entries) {

    public LedgerTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(postedAt, "postedAt");
        entries = entries == null ? List.of() : List.copyOf(entries);
        requireText(idempotencyKey, "idempotencyKey");
        if (!kind.payout()) {
            requireText(orderId, "orderId");
            if (entries.stream().anyMatch(entry -> entry.orderId() == null)) {
                throw new IllegalArgumentException("the entries of a " + kind + " transaction belong to an order");
            }
        }
        requireText(reference, "reference");
        requireText(reason, "reason");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a ledger transaction has entries");
        }
        Map<String, Long> unbalanced = sums(entries);
        unbalanced.values().removeIf(sum -> sum == 0);
        if (!unbalanced.isEmpty()) {
            throw new IllegalArgumentException("ledger transaction " + idempotencyKey + " does not sum to zero: "
                    + unbalanced);
        }
    }

    /** The sum of the entries per currency (all zero for a transaction that exists). */
    public static Map<String, Long> sums(List<LedgerEntry> entries) {
        Map<String, Long> sums = new TreeMap<>();
        for (LedgerEntry entry : entries) {
            sums.merge(entry.amount().currency(), entry.amount().amountMinor(), Math::addExact);
        }
        return sums;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
