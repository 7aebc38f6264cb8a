package io.haat.notification.preferences;

import io.haat.notification.notice.Category;
import io.haat.notification.notice.Channel;
import io.haat.notification.notice.NotificationType;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's choices, only for the types they changed; every other type follows its category's default. The email of
 * a {@link Category#emailRequired() required} category is sent whatever is stored.
 */
@Document("preferences")
public record UserPreferences(@Id String userId, Map<NotificationType, ChannelChoice> choices) {

    public UserPreferences {
        choices = choices == null || choices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(choices));
    }

    public static UserPreferences defaults(String userId) {
        return new UserPreferences(userId, Map.of());
    }

    public ChannelChoice choiceFor(NotificationType type) {
        ChannelChoice stored = choices.get(type);
        boolean byDefault = type.category().onByDefault();
        ChannelChoice choice = stored != null ? stored : new ChannelChoice(byDefault, byDefault, true);
        return type.category().emailRequired() ? new ChannelChoice(true, choice.push(), choice.inApp()) : choice;
    }

    public boolean allows(NotificationType type, Channel channel) {
        ChannelChoice choice = choiceFor(type);
        return switch (channel) {
            case EMAIL -> choice.email();
            case PUSH -> choice.push();
            case IN_APP -> choice.inApp();
        };
    }
}
