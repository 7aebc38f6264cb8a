package io.haat.notification.chat;

/** The two sides of a conversation: the customer who opened it, and whoever answers (seller or support). */
public enum ChatSide {
    CUSTOMER, AGENT;

    public ChatSide other() {
        return this == CUSTOMER ? AGENT : CUSTOMER;
    }

    /** The field name of this side's counters in a chat document. */
    String field() {
        return this == CUSTOMER ? "customer" : "agent";
    }
}
