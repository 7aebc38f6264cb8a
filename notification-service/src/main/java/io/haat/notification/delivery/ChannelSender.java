package io.haat.notification.delivery;

import io.haat.notification.feed.Notification;
import io.haat.notification.notice.Channel;

/** Sends notifications over one channel. */
public interface ChannelSender {

    Channel channel();

    /**
     * Sends the notification to its user ({@code delivery}: this attempt, with the targets earlier attempts served).
     *
     * @return false when there was nothing to send to (no push subscription): done, nothing sent
     * @throws DeliveryFailedException when it failed (retried with backoff unless permanent)
     */
    boolean send(Notification notification, Delivery delivery);
}
