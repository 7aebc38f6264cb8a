package io.haat.notification.push;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A browser's Web Push subscription for a user. The endpoint is its id: subscribing again from the same browser
 * replaces it (and moves it to whoever is signed in there now).
 */
@Document("push_subscriptions")
public record PushSubscription(@Id String endpoint, @Indexed String userId, String p256dh, String auth,
                               Instant createdAt) {
}
