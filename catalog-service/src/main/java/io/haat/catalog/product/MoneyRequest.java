package io.haat.catalog.product;

import io.haat.events.Money;
import io.haat.platform.web.FieldProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Currency;
import java.util.List;

/** Money as clients send it: {@code {"amountMinor": 129900, "currency": "NPR"}} — minor units, ISO 4217 code. */
public record MoneyRequest(@NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long amountMinor,
                           @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NPR")
                           String currency) {

    /** The amount as {@link Money}, or null with a field error when the code is not an ISO 4217 currency. */
    public Money toMoney(String field, List<FieldProblem> errors) {
        try {
            Currency.getInstance(currency);
            return new Money(amountMinor, currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field + ".currency", "is not an ISO 4217 currency code"));
            return null;
        }
    }
}
