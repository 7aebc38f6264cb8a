package io.haat.order.checkout;

import io.haat.events.Money;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.identity.AddressBook;
import io.haat.order.order.Order;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Checkout: checks the request, resolves the address (identity-service, before any transaction: a remote call never
 * holds the cart's lock), then lets {@link OrderPlacement} turn the cart into an order in one transaction.
 */
@Service
public class CheckoutService {

    private final OrderPlacement placement;
    private final AddressBook addressBook;
    private final CurrentUser currentUser;

    public CheckoutService(OrderPlacement placement, AddressBook addressBook, CurrentUser currentUser) {
        this.placement = placement;
        this.addressBook = addressBook;
        this.currentUser = currentUser;
    }

    /** The caller's order; {@code 409 cart-changed} (with {@code changes}) when the cart is not as it was shown. */
    public Order checkout(CheckoutRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if ((request.addressId() == null) == (request.address() == null)) {
            errors.add(new FieldProblem("address", "give either addressId or address"));
        }
        PaymentProvider provider = provider(request.paymentMethod());
        if (provider == null) {
            errors.add(new FieldProblem("paymentMethod", "must be one of " + Arrays.toString(PaymentProvider.values())
                    + " or COD"));
        }
        nonNegative(request.cashOnDelivery(), "cashOnDelivery", errors);
        nonNegative(request.expectedTotal(), "expectedTotal", errors);
        Map<String, String> methods = request.shippingMethods() == null ? Map.of() : request.shippingMethods();
        methods.forEach((store, method) -> {
            if (method == null || method.isBlank()) {
                errors.add(new FieldProblem("shippingMethods." + store, "must name a shipping method"));
            }
        });
        InvalidRequestException.throwIfAny(errors);
        DeliveryAddress address = request.addressId() != null ? addressBook.address(request.addressId())
                : request.address().toDeliveryAddress();
        var outcome = placement.place(currentUser.id(), new OrderPlacement.Choices(address, methods, provider,
                request.cashOnDelivery(), request.expectedTotal()));
        return switch (outcome) {
            case CheckoutOutcome.Placed placed -> placed.order();
            case CheckoutOutcome.CartChanged changed -> throw new ConflictException("cart-changed", "Cart changed",
                    "Prices or availability changed since the cart was shown; nothing was ordered. The cart now "
                            + "shows today's prices.").with("changes", changed.changes());
        };
    }

    /** A provider's name, or {@code COD} for CASH_ON_DELIVERY (API.md's name for it); null if unknown. */
    static PaymentProvider provider(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("COD")) {
            return PaymentProvider.CASH_ON_DELIVERY;
        }
        return Arrays.stream(PaymentProvider.values()).filter(p -> p.name().equals(upper)).findFirst().orElse(null);
    }

    private static void nonNegative(Money amount, String field, List<FieldProblem> errors) {
        if (amount != null && amount.belowZero()) {
            errors.add(new FieldProblem(field, "must not be negative"));
        }
    }
}
