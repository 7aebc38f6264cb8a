package io.haat.notification.notice;

import java.util.Locale;

/**
 * Every kind of message this service sends. Each has a category (whether its email can be switched off), an email
 * template ({@code templates/email/<template>.html} and {@code .txt}) and an event name for the live channel.
 */
public enum NotificationType {
    WELCOME(Category.TRANSACTIONAL),
    ACCOUNT_SUSPENDED(Category.SECURITY),
    ORDER_PLACED(Category.TRANSACTIONAL),
    ORDER_CONFIRMED(Category.TRANSACTIONAL),
    ORDER_CANCELLED(Category.TRANSACTIONAL),
    PAYMENT_RECEIVED(Category.TRANSACTIONAL),
    PAYMENT_FAILED(Category.TRANSACTIONAL),
    ORDER_SHIPPED(Category.TRANSACTIONAL),
    OUT_FOR_DELIVERY(Category.TRANSACTIONAL),
    ORDER_DELIVERED(Category.TRANSACTIONAL),
    DELIVERY_FAILED(Category.TRANSACTIONAL),
    RETURN_UPDATED(Category.TRANSACTIONAL),
    REFUND_ISSUED(Category.TRANSACTIONAL),
    DISPUTE_UPDATED(Category.TRANSACTIONAL),
    NEW_SELLER_ORDER(Category.TRANSACTIONAL),
    SELLER_APPROVED(Category.TRANSACTIONAL),
    SELLER_REJECTED(Category.TRANSACTIONAL),
    PAYOUT_UPDATED(Category.TRANSACTIONAL),
    LOW_STOCK(Category.OPERATIONAL),
    CASH_COLLECTED(Category.OPERATIONAL),
    CHAT_UNREAD(Category.TRANSACTIONAL),
    PROMOTIONS(Category.MARKETING);

    private final Category category;

    NotificationType(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** The template name, e.g. {@code order-placed}. */
    public String template() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The live event's name, e.g. {@code order.placed}. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
