package io.haat.notification.notice;

import io.haat.events.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Money as people read it in a message: {@code PKR 1,250.00}. */
public final class Amounts {

    private Amounts() {
    }

    public static String format(Money money) {
        if (money == null) {
            return null;
        }
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        NumberFormat number = NumberFormat.getNumberInstance(Locale.ENGLISH);
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        return money.currency() + " " + number.format(BigDecimal.valueOf(money.amountMinor(), digits));
    }

    /** A short, readable form of an id for subjects: its first 8 characters, upper case. */
    public static String shortId(String id) {
        if (id == null) {
            return "";
        }
        String plain = id.replace("-", "");
        return plain.substring(0, Math.min(8, plain.length())).toUpperCase(Locale.ROOT);
    }
}
