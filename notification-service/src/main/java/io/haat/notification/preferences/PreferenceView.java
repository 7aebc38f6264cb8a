package io.haat.notification.preferences;

import io.haat.notification.notice.Category;
import io.haat.notification.notice.NotificationType;

/** One type's channels as {@code GET/PUT /notifications/preferences} answer them. */
public record PreferenceView(NotificationType type, Category category, boolean email, boolean push,
                             boolean inApp, boolean emailLocked) {

    static PreferenceView of(NotificationType type, ChannelChoice choice) {
        return new PreferenceView(type, type.category(), choice.email(), choice.push(), choice.inApp(),
                type.category().emailRequired());
    }
}
