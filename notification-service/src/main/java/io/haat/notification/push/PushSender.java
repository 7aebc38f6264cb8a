package io.haat.notification.push;

import com.interaso.webpush.WebPush;
import io.haat.notification.NotificationProperties;
import io.haat.notification.delivery.ChannelSender;
import io.haat.notification.delivery.Delivery;
import io.haat.notification.delivery.DeliveryFailedException;
import io.haat.notification.delivery.DeliveryQueue;
import io.haat.notification.feed.Notification;
import io.haat.notification.notice.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends a notification to each of the user's browsers by Web Push: the payload encrypted for the subscription
 * (RFC 8291, {@code aes128gcm}) and the request signed with the VAPID key (RFC 8292), both by
 * {@code com.interaso:webpush}; the request itself by the JDK's HTTP client. A push service answering 404 or 410
 * says the subscription is gone: it is removed. A browser already served is not sent to again when the delivery is
 * retried for another one.
 */
@Component
class PushSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);

    private final PushSubscriptions subscriptions;
    private final DeliveryQueue queue;
    private final WebPush webPush;
    private final PushProperties properties;
    private final NotificationProperties notificationProperties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final PushEndpoints endpoints;

    PushSender(PushSubscriptions subscriptions, DeliveryQueue queue, VapidKeyHolder vapid, PushProperties properties,
               NotificationProperties notificationProperties, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.webPush = new WebPush(properties.vapid().subject(), vapid.keys());
        this.properties = properties;
        this.notificationProperties = notificationProperties;
        this.json = json;
        // never follow a redirect: it could lead anywhere the allow-list does not
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoints = PushEndpoints.of(properties);
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public boolean send(Notification notification, Delivery delivery) {
        List<PushSubscription> targets = subscriptions.of(notification.userId()).stream()
                .filter(s -> !delivery.doneTargets().contains(s.endpoint())).toList();
        if (targets.isEmpty()) {
            return !delivery.doneTargets().isEmpty();
        }
        byte[] payload = json.writeValueAsBytes(payload(notification));
        List<String> failures = new ArrayList<>();
        for (PushSubscription target : targets) {
            try {
                int status = post(target, payload, notification);
                if (status == 404 || status == 410) {
                    log.info("push subscription of {} is gone ({}): removed", notification.userId(), status);
                    subscriptions.expired(target);
                } else if (status >= 200 && status < 300) {
                    queue.targetDone(delivery, target.endpoint());
                } else if (status == 429 || status >= 500) {
                    failures.add(target.endpoint() + " answered " + status);
                } else {
                    // 400, 403, 413: this request will not get better; other browsers still count
                    log.warn("push service refused a notification for {}: {}", notification.userId(), status);
                    queue.targetDone(delivery, target.endpoint());
                }
            } catch (IOException e) {
                failures.add(target.endpoint() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailedException("interrupted", false, e);
            }
        }
        if (!failures.isEmpty()) {
            throw new DeliveryFailedException(String.join("; ", failures), false);
        }
        return true;
    }

    private int post(PushSubscription target, byte[] payload, Notification notification)
            throws IOException, InterruptedException {
        URI endpoint = endpoints.parse(target.endpoint()).orElse(null);
        if (endpoint == null) {
            return 410; // not a push service this instance talks to (stored before the allow-list): treated as gone
        }
        byte[] body = webPush.getBody(payload, decode(target.p256dh()), decode(target.auth()));
        // getHeaders signs a fresh VAPID token for the endpoint's origin (getHeadersWithToken takes a ready token)
        Map<String, String> headers = webPush.getHeaders(target.endpoint(), (int) properties.ttl().toSeconds(),
                null, null);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(properties.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Map<String, Object> payload(Notification notification) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", notification.id());
        payload.put("type", notification.type().name());
        payload.put("title", notification.title());
        payload.put("body", notification.body());
        payload.put("url", notificationProperties.link(notification.link()));
        payload.put("data", notification.data());
        return payload;
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
    }
}
