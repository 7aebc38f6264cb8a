package io.haat.identity.profile;

import io.haat.events.Topics;
import io.haat.events.identity.UserProfileChanged;
import io.haat.events.identity.UserRegistered;
import io.haat.platform.messaging.outbox.EventPublisher;
import org.springframework.stereotype.Component;

/** The {@code identity.user} events about profiles, written to the outbox in the caller's transaction. */
@Component
public class ProfileEvents {

    private final EventPublisher events;

    public ProfileEvents(EventPublisher events) {
        this.events = events;
    }

    public void registered(UserProfile profile, Role role) {
        events.publish(Topics.IDENTITY_USER,
                new UserRegistered(profile.id().toString(), profile.email(), profile.fullName(), role.name()),
                profile.version());
    }

    public void changed(UserProfile profile) {
        events.publish(Topics.IDENTITY_USER, new UserProfileChanged(profile.id().toString(), profile.email(),
                profile.fullName(), profile.phone(), profile.phoneVerified(), profile.emailVerified(), profile.locale()),
                profile.version());
    }
}
