package io.haat.payment.provider.sandbox;

import io.haat.events.Money;
import java.time.Instant;
import java.util.Optional;

/** The sandbox's payment reference: {@code sbx_<merchantReference>_<amount>_<currency>_<epochMillis>.<signature>}. */
record SandboxReference(String merchantReference, Money amount, Instant startedAt, String signature) {

    static String unsigned(String merchantReference, Money amount, Instant startedAt) {
        return "sbx_" + merchantReference + "_" + amount.amountMinor() + "_" + amount.currency() + "_"
                + startedAt.toEpochMilli();
    }

    String unsigned() {
        return unsigned(merchantReference, amount, startedAt);
    }

    static Optional<SandboxReference> parse(String reference) {
        int dot = reference.lastIndexOf('.');
        if (!reference.startsWith("sbx_") || dot < 0) {
            return Optional.empty();
        }
        String[] parts = reference.substring(4, dot).split("_");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            Money amount = new Money(Long.parseLong(parts[1]), parts[2]);
            Instant startedAt = Instant.ofEpochMilli(Long.parseLong(parts[3]));
            return Optional.of(new SandboxReference(parts[0], amount, startedAt, reference.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
