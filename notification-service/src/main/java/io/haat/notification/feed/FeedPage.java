package io.haat.notification.feed;

import java.util.List;

/** One page of a user's feed, newest first, with the count of unread notifications in the whole feed. */
public record FeedPage(List<FeedItem> items, long unread, int page, int size, long totalItems) {
}
