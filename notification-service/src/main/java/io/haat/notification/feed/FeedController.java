package io.haat.notification.feed;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.Paging;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's in-app feed: {@code GET /notifications}, mark one or all read. */
@RestController
@RequestMapping("/notifications")
class FeedController {

    private final Feed feed;
    private final CurrentUser currentUser;

    FeedController(Feed feed, CurrentUser currentUser) {
        this.feed = feed;
        this.currentUser = currentUser;
    }

    @GetMapping
    FeedPage list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return feed.page(currentUser.subject(), Paging.of(page, size));
    }

    @PostMapping("/{id}/read")
    FeedItem read(@PathVariable String id) {
        return feed.markRead(currentUser.subject(), id);
    }

    @PostMapping("/read-all")
    Map<String, Long> readAll() {
        return Map.of("marked", feed.markAllRead(currentUser.subject()));
    }
}
