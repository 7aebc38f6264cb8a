package io.haat.notification.preferences;

import io.haat.notification.notice.NotificationType;
import io.haat.platform.web.UnprocessableException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads and changes users' notification preferences. */
@Service
public class Preferences {

    private final MongoTemplate mongo;

    public Preferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One type's new channels. */
    public record Change(NotificationType type, ChannelChoice choice) {
    }

    public UserPreferences of(String userId) {
        UserPreferences stored = mongo.findById(userId, UserPreferences.class);
        return stored != null ? stored : UserPreferences.defaults(userId);
    }

    /**
     * Applies the changes (the types not mentioned keep their choice). Switching off the email of a security or
     * transactional type is refused as a whole: nothing changes.
     */
    public UserPreferences change(String userId, List<Change> changes) {
        List<String> refused = changes.stream()
                .filter(change -> change.type().category().emailRequired() && !change.choice().email())
                .map(change -> change.type().name()).toList();
        if (!refused.isEmpty()) {
            throw new UnprocessableException("email-required", "This email cannot be switched off",
                    "Security and transactional emails are always sent: " + String.join(", ", refused) + ".");
        }
        Map<NotificationType, ChannelChoice> choices = new EnumMap<>(NotificationType.class);
        choices.putAll(of(userId).choices());
        changes.forEach(change -> choices.put(change.type(), change.choice()));
        return mongo.save(new UserPreferences(userId, choices));
    }
}
