package io.haat.notification.assistant;

import java.util.List;

/** One curated answer and the questions (paraphrases) it answers. */
public record FaqEntry(String id, List<String> questions, String answer, List<Link> links) {
}
