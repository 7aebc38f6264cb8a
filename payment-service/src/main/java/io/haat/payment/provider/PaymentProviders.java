package io.haat.payment.provider;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every provider of the service, and which of them can be used: one without credentials is listed by
 * {@link #unavailable()} (for the operator) but never offered nor returned by {@link #find}.
 */
public final class PaymentProviders {

    private final Map<io.haat.events.payment.PaymentProvider, PaymentProvider> byKind =
            new EnumMap<>(io.haat.events.payment.PaymentProvider.class);

    public PaymentProviders(List<PaymentProvider> providers) {
        for (PaymentProvider provider : providers) {
            if (byKind.putIfAbsent(provider.kind(), provider) != null) {
                throw new IllegalStateException("two providers for " + provider.kind());
            }
        }
    }

    /** The providers a customer may choose, in the enum's order. */
    public List<io.haat.events.payment.PaymentProvider> available() {
        return byKind.values().stream().filter(PaymentProvider::available).map(PaymentProvider::kind)
                .sorted(Comparator.naturalOrder()).toList();
    }

    /** The providers known but not configured (or without an implementation), for the operator's eyes. */
    public List<io.haat.events.payment.PaymentProvider> unavailable() {
        return java.util.Arrays.stream(io.haat.events.payment.PaymentProvider.values())
                .filter(kind -> !available().contains(kind)).toList();
    }

    /** The provider, if it is available. */
    public Optional<PaymentProvider> find(io.haat.events.payment.PaymentProvider kind) {
        return Optional.ofNullable(byKind.get(kind)).filter(PaymentProvider::available);
    }
}
