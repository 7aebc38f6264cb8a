package io.haat.notification.chat;

import io.haat.notification.directory.Directory;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Live chat: opening a conversation, listing one's chats, reading and writing messages, read receipts. Only the
 * participants see a chat (anyone else gets 404). Each change is one atomic single-document write on the chat
 * (counters, last message) plus the message's own insert; a crash between the two leaves a counter one higher
 * than the messages, which only shows as one phantom unread message until the next read.
 */
@Service
public class ChatService {

    private static final int PREVIEW = 140;

    private final MongoTemplate mongo;
    private final Directory directory;
    private final ChatRateLimit rateLimit;
    private final ChatBroadcast broadcast;
    private final ChatProperties properties;
    private final Clock clock;

    ChatService(MongoTemplate mongo, Directory directory, ChatRateLimit rateLimit, ChatBroadcast broadcast,
                ChatProperties properties, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.rateLimit = rateLimit;
        this.broadcast = broadcast;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens the caller's chat with a store or support (or continues the one they already have) with a message. */
    public Opened open(Caller caller, OpenChatRequest request) {
        boolean support = request.withSupport();
        if (support == (request.storeId() != null)) {
            throw new InvalidRequestException("storeId", "give either a storeId or support: true");
        }
        String body = checked(request.message());
        String storeName = null;
        if (!support) {
            storeName = directory.storeName(request.storeId())
                    .orElseThrow(() -> NotFoundException.of("Store", request.storeId()));
            if (directory.userOfStore(request.storeId()).filter(caller.userId()::equals).isPresent()) {
                throw new UnprocessableException("You cannot open a chat with your own store.");
            }
        }
        rateLimit.acquire(caller.userId());
        ChatKind kind = support ? ChatKind.SUPPORT : ChatKind.STORE;
        String key = Chat.keyOf(kind, caller.userId(), request.storeId());
        Instant now = clock.instant();
        boolean created = true;
        try {
            mongo.insert(new Chat(UUID.randomUUID().toString(), key, kind, caller.userId(), request.storeId(),
                    storeName, now, now, null, new Chat.Counts(0, 0), new Chat.Counts(0, 0), null, null));
        } catch (DuplicateKeyException alreadyOpen) {
            created = false;
        }
        Chat chat = mongo.findOne(Query.query(Criteria.where("key").is(key)), Chat.class);
        Appended appended = append(chat, ChatSide.CUSTOMER, caller.userId(), body);
        return new Opened(ChatResponse.of(appended.chat(), ChatSide.CUSTOMER), appended.message(), created);
    }

    /** The caller's chats, most recent first: as customer, as the seller of a store, and support chats for agents. */
    public PageResponse<ChatResponse> list(Caller caller, Paging paging) {
        List<Criteria> mine = new ArrayList<>();
        mine.add(Criteria.where("customerId").is(caller.userId()));
        List<String> ownStores = directory.storesOfUser(caller.userId());
        if (!ownStores.isEmpty()) {
            mine.add(Criteria.where("storeId").in(ownStores));
        }
        if (caller.answersSupport()) {
            mine.add(Criteria.where("kind").is(ChatKind.SUPPORT));
        }
        Query query = Query.query(new Criteria().orOperator(mine));
        long total = mongo.count(query, Chat.class);
        List<ChatResponse> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "lastMessageAt"))
                        .skip(paging.offset()).limit(paging.size()), Chat.class).stream()
                .map(chat -> ChatResponse.of(chat, chat.customerId().equals(caller.userId())
                        ? ChatSide.CUSTOMER : ChatSide.AGENT))
                .toList();
        return PageResponse.of(items, paging, total);
    }

    /** A chat's messages, newest first. */
    public PageResponse<MessageResponse> messages(Caller caller, String chatId, Paging paging) {
        Chat chat = participation(caller, chatId).chat();
        Query query = Query.query(Criteria.where("chatId").is(chatId));
        long total = mongo.count(query, ChatMessage.class);
        List<MessageResponse> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "sentAt", "seq"))
                        .skip(paging.offset()).limit(paging.size()), ChatMessage.class).stream()
                .map(message -> MessageResponse.of(message, chat)).toList();
        return PageResponse.of(items, paging, total);
    }

    /** Sends a message as the caller's side of the chat. */
    public MessageResponse send(Caller caller, String chatId, String message) {
        Participation participation = participation(caller, chatId);
        String body = checked(message);
        rateLimit.acquire(caller.userId());
        return append(participation.chat(), participation.side(), caller.userId(), body).message();
    }

    /** Marks every message of the other side read for the caller's side. */
    public ChatResponse markRead(Caller caller, String chatId) {
        Participation participation = participation(caller, chatId);
        ChatSide side = participation.side();
        Chat chat = participation.chat();
        for (int attempt = 0; attempt < 5; attempt++) {
            long upTo = chat.sent() == null ? 0 : chat.sent().of(side.other());
            // the wait ends only if no newer message arrived meanwhile (then the filter misses and we read again)
            Chat after = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(chatId).and("sent." + side.other().field()).is(upTo)),
                    new Update().max("read." + side.field(), upTo).unset("waitingSince." + side.field())
                            .unset("remindedAt." + side.field()),
                    FindAndModifyOptions.options().returnNew(true), Chat.class);
            if (after != null) {
                if (upTo > (chat.read() == null ? 0 : chat.read().of(side))) {
                    broadcast.read(after, participation.storeSellerUserId(),
                            new ReadReceipt(chatId, side, caller.userId(), upTo));
                }
                return ChatResponse.of(after, side);
            }
            chat = mongo.findById(chatId, Chat.class);
        }
        throw new ConflictException("chat-busy", "Chat busy",
                "New messages keep arriving; try again.");
    }

    /** Whether the user takes part in the chat (for STOMP subscriptions). */
    public boolean isParticipant(String chatId, Caller caller) {
        return find(caller, chatId).isPresent();
    }

    private Appended append(Chat chat, ChatSide side, String senderId, String body) {
        Instant now = clock.instant();
        ChatSide other = side.other();
        Chat after = mongo.findAndModify(Query.query(Criteria.where("_id").is(chat.id())),
                new Update().inc("sent." + side.field(), 1).set("lastMessageAt", now)
                        .set("lastMessage", body.length() > PREVIEW ? body.substring(0, PREVIEW) : body)
                        .min("waitingSince." + other.field(), now),
                FindAndModifyOptions.options().returnNew(true), Chat.class);
        ChatMessage message = mongo.insert(new ChatMessage(UUID.randomUUID().toString(), chat.id(), side, senderId,
                body, after.sent().of(side), now));
        MessageResponse response = MessageResponse.of(message, after);
        broadcast.message(after, chat.kind() == ChatKind.STORE ? directory.userOfStore(chat.storeId()).orElse(null)
                : null, response);
        return new Appended(after, response);
    }

    private String checked(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidRequestException("message", "must not be blank");
        }
        String body = message.strip();
        if (body.length() > properties.maxMessageLength()) {
            throw new UnprocessableException("message-too-long", "Message too long",
                    "A message has at most %d characters.".formatted(properties.maxMessageLength()));
        }
        return body;
    }

    private Participation participation(Caller caller, String chatId) {
        return find(caller, chatId).orElseThrow(() -> NotFoundException.of("Chat", chatId));
    }

    private Optional<Participation> find(Caller caller, String chatId) {
        Chat chat = mongo.findById(chatId, Chat.class);
        if (chat == null) {
            return Optional.empty();
        }
        String seller = chat.kind() == ChatKind.STORE ? directory.userOfStore(chat.storeId()).orElse(null) : null;
        return chat.sideOf(caller, seller).map(side -> new Participation(chat, side, seller));
    }

    private record Participation(Chat chat, ChatSide side, String storeSellerUserId) {
    }

    private record Appended(Chat chat, MessageResponse message) {
    }

    /** A chat opened (or continued) with its first message. */
    public record Opened(ChatResponse chat, MessageResponse message, boolean created) {
    }
}
