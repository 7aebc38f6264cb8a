package io.haat.notification.alerts;

import java.util.Locale;

/** How urgent an alert is. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** A producer's severity word, MEDIUM when it is not one of ours. */
    static AlertSeverity parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // fall through
            }
        }
        return MEDIUM;
    }
}
