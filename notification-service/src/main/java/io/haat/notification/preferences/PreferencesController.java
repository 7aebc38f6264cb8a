package io.haat.notification.preferences;

import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import io.haat.notification.notice.NotificationType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /notifications/preferences}: the caller's channels per notification type. */
@RestController
@RequestMapping("/notifications/preferences")
class PreferencesController {

    /** The answer of both calls: every type. */
    record PreferencesBody(List<PreferenceView> preferences) {
    }

    /** A PUT: the types to change, each with all three channels. */
    record PreferencesChange(@NotNull List<@Valid @NotNull Change> preferences) {
    }

    record Change(@NotNull NotificationType type, @NotNull Boolean email, @NotNull Boolean push,
                  @NotNull Boolean inApp) {
    }

    private final Preferences preferences;
    private final CurrentUser currentUser;

    PreferencesController(Preferences preferences, CurrentUser currentUser) {
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    @GetMapping
    PreferencesBody get() {
        return view(preferences.of(currentUser.subject()));
    }

    @PutMapping
    PreferencesBody put(@Valid @RequestBody PreferencesChange body) {
        return view(preferences.change(currentUser.subject(), body.preferences().stream()
                .map(c -> new Preferences.Change(c.type(), new ChannelChoice(c.email(), c.push(), c.inApp())))
                .toList()));
    }

    private static PreferencesBody view(UserPreferences stored) {
        return new PreferencesBody(Arrays.stream(NotificationType.values())
                .map(type -> PreferenceView.of(type, stored.choiceFor(type))).toList());
    }
}
