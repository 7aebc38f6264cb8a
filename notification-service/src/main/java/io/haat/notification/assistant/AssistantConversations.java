package io.haat.notification.assistant;

import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The last turns of each assistant conversation (what support sees when a customer is handed over). The server
 * picks the ids: an unknown id, or one that belongs to another signed-in user, starts a new conversation.
 */
@Component
class AssistantConversations {

    static final String COLLECTION = "assistant_conversations";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int turns;

    AssistantConversations(MongoTemplate mongo, Clock clock, AssistantProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.turns = properties.conversationTurns();
    }

    /** The conversation this message continues, or a new one. */
    String resolve(String conversationId, String userId) {
        if (conversationId != null) {
            Document existing = mongo.findById(conversationId, Document.class, COLLECTION);
            if (existing != null && Objects.equals(existing.getString("userId"), userId)) {
                return conversationId;
            }
        }
        return UUID.randomUUID().toString();
    }

    void record(String conversationId, String userId, String question, AssistantReply reply) {
        Document turn = new Document("at", Date.from(clock.instant())).append("question", question)
                .append("reply", reply.reply()).append("kind", reply.kind()).append("faqId", reply.faqId());
        Update update = new Update().setOnInsert("userId", userId).set("updatedAt", Date.from(clock.instant()));
        update.push("turns").slice(-turns).each(turn);
        mongo.upsert(Query.query(Criteria.where("_id").is(conversationId)), update, COLLECTION);
    }
}
