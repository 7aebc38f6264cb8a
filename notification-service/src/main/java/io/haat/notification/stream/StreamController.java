package io.haat.notification.stream;

import io.haat.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /stream}: the caller's live updates as server-sent events, resumable with {@code Last-Event-ID}. */
@RestController
class StreamController {

    private final LiveUpdates liveUpdates;
    private final CurrentUser currentUser;

    StreamController(LiveUpdates liveUpdates, CurrentUser currentUser) {
        this.liveUpdates = liveUpdates;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return liveUpdates.subscribe(currentUser.subject(), parse(lastEventId));
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return null; // an id from elsewhere: start fresh rather than fail the reconnect
        }
    }
}
