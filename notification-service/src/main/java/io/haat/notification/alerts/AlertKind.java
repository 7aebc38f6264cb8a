package io.haat.notification.alerts;

/** What an admin alert is about. */
public enum AlertKind {
    /** identity's security signals: brute force, account lock-outs, bans. */
    SECURITY,
    /** More payment failures than the threshold within a window. */
    PAYMENT_FAILURES,
    LOW_STOCK,
    OUT_OF_STOCK,
    /** A message no consumer could handle landed on a {@code *.DLT} topic. */
    DEAD_LETTER,
    /** One user hit many 403/404 answers within a window. */
    UNUSUAL_ACCESS
}
