package io.haat.notification.notice;

/** Why a message is sent, which decides whether its email may be switched off. */
public enum Category {
    /** The account's safety (bans, access): always mailed. */
    SECURITY(true, true),
    /** What the user did or is owed (orders, payments, refunds, payouts, their seller application): always mailed. */
    TRANSACTIONAL(true, true),
    /** Running a store (low stock, cash collected): on by default, may be switched off. */
    OPERATIONAL(false, true),
    /** Offers and news: opt-in, off by default. */
    MARKETING(false, false);

    private final boolean emailRequired;
    private final boolean onByDefault;

    Category(boolean emailRequired, boolean onByDefault) {
        this.emailRequired = emailRequired;
        this.onByDefault = onByDefault;
    }

    /** Whether the email of this category cannot be switched off. */
    public boolean emailRequired() {
        return emailRequired;
    }

    public boolean onByDefault() {
        return onByDefault;
    }
}
