package io.haat.payment.provider;

import io.haat.events.payment.PaymentProvider;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /payment-methods} (public): the providers a customer may choose now, so a checkout page offers only
 * those. A provider without its configuration is not listed (and {@code POST /payments} refuses it with 422).
 */
@RestController
public class PaymentMethodsController {

    private final PaymentProviders providers;

    public PaymentMethodsController(PaymentProviders providers) {
        this.providers = providers;
    }

    /** {@code {methods: [{provider: "SANDBOX"}, …]}} in the contract enum's order. */
    public record PaymentMethods(List<Method> methods) {
    }

    public record Method(PaymentProvider provider) {
    }

    @GetMapping("/payment-methods")
    public PaymentMethods methods() {
        return new PaymentMethods(providers.available().stream().map(Method::new).toList());
    }
}
