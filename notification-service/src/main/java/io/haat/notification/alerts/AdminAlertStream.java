package io.haat.notification.alerts;

import io.haat.notification.live.LiveDestinations;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * New alerts, live, to every admin watching: SSE streams of {@code GET /admin/alerts/stream} and the STOMP topic
 * {@code /topic/admin.alerts} (subscribable by admins only). Open streams end when the service stops, before the
 * web server's graceful shutdown, which would otherwise wait its whole timeout for them (admins' clients reconnect).
 */
@Component
class AdminAlertStream implements SmartLifecycle {

    static final String EVENT = "admin.alert";

    private final SimpMessagingTemplate stomp;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final long timeoutMillis;
    private volatile boolean running;

    AdminAlertStream(SimpMessagingTemplate stomp, AlertProperties properties) {
        this.stomp = stomp;
        this.timeoutMillis = properties.streamTimeout().toMillis();
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("admin alerts"));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    void publish(AlertResponse alert) {
        stomp.convertAndSend(LiveDestinations.ADMIN_ALERTS, alert);
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(alert.id()).name(EVENT).data(alert, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    /** Keeps idle streams (and the proxies on their way) open. */
    @Scheduled(fixedDelayString = "${haat.live.sse-heartbeat:PT25S}")
    void heartbeat() {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : emitters) {
            emitters.remove(emitter);
            emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
