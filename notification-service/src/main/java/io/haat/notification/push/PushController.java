package io.haat.notification.push;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST/DELETE /push/subscriptions}: the browser's {@code PushSubscription.toJSON()} ({@code endpoint},
 * {@code keys.p256dh}, {@code keys.auth}); {@code GET /push/vapid-public-key} gives the key to subscribe with.
 */
@RestController
@RequestMapping("/push")
class PushController {

    record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {
    }

    record SubscriptionRequest(@NotBlank @Size(max = 2000) String endpoint, @NotNull @Valid Keys keys) {
    }

    record Unsubscribe(@NotBlank String endpoint) {
    }

    record SubscriptionResponse(String endpoint) {
    }

    private final PushSubscriptions subscriptions;
    private final VapidKeyHolder vapid;
    private final CurrentUser currentUser;
    private final PushEndpoints endpoints;

    PushController(PushSubscriptions subscriptions, VapidKeyHolder vapid, CurrentUser currentUser,
                   PushProperties properties) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.currentUser = currentUser;
        this.endpoints = PushEndpoints.of(properties);
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionResponse subscribe(@Valid @RequestBody SubscriptionRequest request) {
        URI endpoint = endpoint(request.endpoint());
        requireKey("keys.p256dh", request.keys().p256dh(), 65);
        requireKey("keys.auth", request.keys().auth(), 16);
        subscriptions.subscribe(currentUser.subject(), endpoint.toString(), request.keys().p256dh(),
                request.keys().auth());
        return new SubscriptionResponse(endpoint.toString());
    }

    @DeleteMapping("/subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@Valid @RequestBody Unsubscribe request) {
        if (!subscriptions.unsubscribe(currentUser.subject(), request.endpoint())) {
            throw new NotFoundException("No push subscription with this endpoint.");
        }
    }

    @GetMapping("/vapid-public-key")
    Map<String, String> publicKey() {
        return Map.of("publicKey", vapid.applicationServerKey());
    }

    private URI endpoint(String value) {
        return endpoints.parse(value).orElseThrow(() ->
                new InvalidRequestException("endpoint", "must be the https URL of a browser's push service"));
    }

    private static void requireKey(String field, String value, int length) {
        try {
            if (Base64.getUrlDecoder().decode(value.replace("=", "")).length == length) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidRequestException(field, "must be " + length + " bytes in base64url");
    }
}
