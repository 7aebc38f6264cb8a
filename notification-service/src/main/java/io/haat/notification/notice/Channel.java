package io.haat.notification.notice;

/** Where a notification goes. */
public enum Channel {
    IN_APP, EMAIL, PUSH
}
