package io.haat.notification.chat;

/** Who answers the customer: the store's seller, or the marketplace's support team. */
public enum ChatKind {
    STORE, SUPPORT
}
