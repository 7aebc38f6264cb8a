package io.haat.payment.ledger;

import java.util.Currency;
import java.util.Objects;

/** One account of the ledger: its kind, its seller (seller accounts only) and its currency. */
public record Account(AccountKind kind, String sellerId, String currency) {

    public Account {
        Objects.requireNonNull(kind, "kind");
        Currency.getInstance(Objects.requireNonNull(currency, "currency"));
        if (kind.perSeller() == (sellerId == null || sellerId.isBlank())) {
            throw new IllegalArgumentException(kind + (kind.perSeller() ? " needs" : " has no") + " seller");
        }
    }

    public static Account platform(AccountKind kind, String currency) {
        return new Account(kind, null, currency);
    }

    public static Account seller(AccountKind kind, String sellerId, String currency) {
        return new Account(kind, sellerId, currency);
    }
}
