package io.haat.notification.notice;

import io.haat.notification.delivery.DeliveryQueue;
import io.haat.notification.delivery.DeliveryWorker;
import io.haat.notification.feed.Feed;
import io.haat.notification.feed.FeedItem;
import io.haat.notification.feed.Notification;
import io.haat.notification.preferences.Preferences;
import io.haat.notification.preferences.UserPreferences;
import io.haat.notification.stream.LiveUpdates;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Turns a notice into the messages its user chose: records it (the feed; the once-only step), queues its email and
 * push, and sends it live. A notice seen before (the same source event again) is not sent live again, and its
 * deliveries are queued again only in case a crash came between recording and queueing: their ids make that a
 * no-op otherwise (a delivery still queued is not added twice; one already finished is dropped unsent when claimed).
 */
@Service
public class Notifier {

    private final Preferences preferences;
    private final Feed feed;
    private final DeliveryQueue queue;
    private final DeliveryWorker worker;
    private final LiveUpdates live;

    public Notifier(Preferences preferences, Feed feed, DeliveryQueue queue, DeliveryWorker worker,
                    LiveUpdates live) {
        this.preferences = preferences;
        this.feed = feed;
        this.queue = queue;
        this.worker = worker;
        this.live = live;
    }

    /** Sends the notice; returns whether it was new. */
    public boolean notify(Notice notice) {
        UserPreferences chosen = preferences.of(notice.userId());
        Optional<Notification> recorded = feed.record(notice, chosen.allows(notice.type(), Channel.IN_APP));
        // a duplicate: the first delivery's record decides (its channels were chosen then)
        Notification notification = recorded.or(() -> feed.find(notice.id())).orElseThrow();
        recorded.ifPresent(n -> live.publish(n.userId(), notice.type().eventName(), FeedItem.of(n)));
        List<Channel> channels = Stream.of(Channel.EMAIL, Channel.PUSH)
                .filter(channel -> chosen.allows(notice.type(), channel)).toList();
        if (!channels.isEmpty()) {
            queue.enqueue(notification.id(), notification.userId(), channels);
            worker.wakeUp();
        }
        return recorded.isPresent();
    }
}
