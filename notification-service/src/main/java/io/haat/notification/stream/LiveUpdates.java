package io.haat.notification.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The one way to push something to a signed-in user live: {@link #publish} appends the event to the user's replay
 * buffer (the last few minutes, bounded per user, so a reconnecting SSE client resumes with {@code Last-Event-ID}),
 * pushes it to the user's open SSE streams and sends it to the user's STOMP queue {@code /user/queue/updates}.
 * <p>
 * The buffer lives in this instance's memory: it covers a reconnect to the same instance (the gateway's sticky
 * load balancing aside, a reconnect elsewhere resumes from "now").
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    public static final String USER_QUEUE = "/queue/updates";
    private static final long RECONNECT_MILLIS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final SimpMessagingTemplate stomp;
    private final Clock clock;
    private final Duration retention;
    private final int perUserLimit;
    private final Duration emitterTimeout;
    private final ConcurrentMap<String, UserChannel> channels = new ConcurrentHashMap<>();
    private final AtomicLong sequence;
    private volatile boolean running;

    public LiveUpdates(SimpMessagingTemplate stomp, Clock clock,
                       @Value("${haat.live.replay-retention:PT5M}") Duration retention,
                       @Value("${haat.live.replay-per-user:200}") int perUserLimit,
                       @Value("${haat.live.sse-timeout:PT30M}") Duration emitterTimeout) {
        this.stomp = stomp;
        this.clock = clock;
        this.retention = retention;
        this.perUserLimit = perUserLimit;
        this.emitterTimeout = emitterTimeout;
        // ids keep increasing over a restart, so an old Last-Event-ID never hides newer events
        this.sequence = new AtomicLong(clock.millis() * 1000);
    }

    /** Publishes {@code data} as an event of {@code type} to {@code userId}; returns the event as sent. */
    public LiveEvent publish(String userId, String type, Object data) {
        return publish(userId, new LiveEvent(sequence.incrementAndGet(), type, data, clock.instant()));
    }

    /** Publishes an event built by the caller (its id should come from {@link #nextId()}). */
    public LiveEvent publish(String userId, LiveEvent event) {
        Instant oldest = clock.instant().minus(retention);
        while (!channel(userId).publish(event, oldest, perUserLimit)) {
            // retired by the sweep between lookup and use: take the fresh one
        }
        try {
            stomp.convertAndSendToUser(userId, USER_QUEUE, event);
        } catch (RuntimeException e) {
            log.warn("live event {} to {} not sent over STOMP: {}", event.id(), userId, e.toString());
        }
        return event;
    }

    /** The next event id. */
    public long nextId() {
        return sequence.incrementAndGet();
    }

    /**
     * Opens an SSE stream for {@code userId}; events after {@code lastEventId} still in the replay buffer are sent
     * first, then every new event, with no gap or duplicate between the two.
     */
    public SseEmitter subscribe(String userId, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(emitterTimeout.toMillis());
        UserChannel channel;
        do {
            channel = channel(userId);
        } while (!channel.open(emitter, lastEventId));
        UserChannel opened = channel;
        emitter.onCompletion(() -> opened.remove(emitter));
        emitter.onTimeout(() -> opened.remove(emitter));
        emitter.onError(e -> opened.remove(emitter));
        return emitter;
    }

    /** Events still buffered for {@code userId} after {@code lastEventId} (none when null: a fresh stream). */
    public List<LiveEvent> replay(String userId, Long lastEventId) {
        UserChannel channel = channels.get(userId);
        return channel == null ? List.of() : channel.after(lastEventId);
    }

    private UserChannel channel(String userId) {
        UserChannel channel = channels.computeIfAbsent(userId, id -> new UserChannel());
        if (channel.retired()) {
            channels.remove(userId, channel);
            return channels.computeIfAbsent(userId, id -> new UserChannel());
        }
        return channel;
    }

    /** Drops expired events and forgets users with neither buffered events nor open streams. */
    @Scheduled(fixedDelayString = "${haat.live.replay-sweep:PT1M}")
    void sweep() {
        Instant oldest = clock.instant().minus(retention);
        channels.forEach((userId, channel) -> {
            if (channel.expire(oldest)) {
                channels.remove(userId, channel);
            }
        });
    }

    /** A comment line every so often keeps idle connections (and proxies) from timing out. */
    @Scheduled(fixedDelayString = "${haat.live.sse-heartbeat:PT25S}")
    void heartbeat() {
        channels.values().forEach(UserChannel::heartbeat);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends the open streams first, so a graceful shutdown does not wait for them (clients reconnect elsewhere). */
    @Override
    public void stop() {
        running = false;
        channels.values().forEach(UserChannel::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static SseEmitter.SseEventBuilder sse(LiveEvent event) {
        return SseEmitter.event().id(Long.toString(event.id())).name(event.type())
                .data(event, MediaType.APPLICATION_JSON);
    }

    /** One user's buffer and streams; its monitor orders publishing against opening a stream. */
    private static final class UserChannel {
        private final ArrayDeque<LiveEvent> buffer = new ArrayDeque<>();
        private final List<SseEmitter> emitters = new ArrayList<>();
        private boolean retired;

        synchronized boolean retired() {
            return retired;
        }

        synchronized boolean publish(LiveEvent event, Instant oldest, int limit) {
            if (retired) {
                return false;
            }
            buffer.addLast(event);
            while (buffer.size() > limit || buffer.peekFirst().at().isBefore(oldest)) {
                buffer.removeFirst();
            }
            for (Iterator<SseEmitter> it = emitters.iterator(); it.hasNext(); ) {
                SseEmitter emitter = it.next();
                try {
                    emitter.send(sse(event));
                } catch (IOException | IllegalStateException e) {
                    it.remove();
                    emitter.completeWithError(e);
                }
            }
            return true;
        }

        synchronized boolean open(SseEmitter emitter, Long lastEventId) {
            if (retired) {
                return false;
            }
            try {
                // sent at once, so the client has the response headers (and a retry delay) before any event
                emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("open"));
                for (LiveEvent event : after(lastEventId)) {
                    emitter.send(sse(event));
                }
                emitters.add(emitter);
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
            return true;
        }

        synchronized List<LiveEvent> after(Long lastEventId) {
            if (lastEventId == null) {
                return List.of();
            }
            return buffer.stream().filter(event -> event.id() > lastEventId).toList();
        }

        synchronized void remove(SseEmitter emitter) {
            emitters.remove(emitter);
        }

        synchronized boolean expire(Instant oldest) {
            while (!buffer.isEmpty() && buffer.peekFirst().at().isBefore(oldest)) {
                buffer.removeFirst();
            }
            retired = buffer.isEmpty() && emitters.isEmpty();
            return retired;
        }

        synchronized void close() {
            emitters.forEach(SseEmitter::complete);
            emitters.clear();
        }

        synchronized void heartbeat() {
            for (Iterator<SseEmitter> it = emitters.iterator(); it.hasNext(); ) {
                SseEmitter emitter = it.next();
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    it.remove();
                    emitter.completeWithError(e);
                }
            }
        }
    }
}
