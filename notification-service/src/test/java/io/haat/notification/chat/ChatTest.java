package io.haat.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who takes part in a chat, on which side, and what each side has not read. */
class ChatTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    private static Chat chat(ChatKind kind, Chat.Counts sent, Chat.Counts read) {
        return new Chat("c", Chat.keyOf(kind, "cust", "store"), kind, "cust", kind == ChatKind.STORE ? "store" : null,
                "Store", AT, AT, "hi", sent, read, null, null);
    }

    private static Caller caller(String id, String... roles) {
        return new Caller(id, Set.of(roles));
    }

    @Test
    void aStoreChatIsTheCustomersAndTheStoreSellersOnly() {
        Chat chat = chat(ChatKind.STORE, new Chat.Counts(1, 0), new Chat.Counts(0, 0));
        assertThat(chat.sideOf(caller("cust", "CUSTOMER"), "seller")).contains(ChatSide.CUSTOMER);
        assertThat(chat.sideOf(caller("seller", "SELLER"), "seller")).contains(ChatSide.AGENT);
        assertThat(chat.sideOf(caller("other-seller", "SELLER"), "seller")).isEmpty();
        assertThat(chat.sideOf(caller("admin", "ADMIN", "SUPPORT"), "seller")).isEmpty();
        assertThat(chat.sideOf(caller("seller", "SELLER"), null)).isEmpty(); // seller not known yet
    }

    @Test
    void aSupportChatIsAnsweredBySupportAgentsAndAdmins() {
        Chat chat = chat(ChatKind.SUPPORT, new Chat.Counts(1, 0), new Chat.Counts(0, 0));
        assertThat(chat.sideOf(caller("cust", "CUSTOMER"), null)).contains(ChatSide.CUSTOMER);
        assertThat(chat.sideOf(caller("agent", "SUPPORT"), null)).contains(ChatSide.AGENT);
        assertThat(chat.sideOf(caller("admin", "ADMIN"), null)).contains(ChatSide.AGENT);
        assertThat(chat.sideOf(caller("someone", "CUSTOMER", "SELLER"), null)).isEmpty();
    }

    @Test
    void unreadIsWhatTheOtherSideSentBeyondWhatThisSideRead() {
        Chat chat = chat(ChatKind.STORE, new Chat.Counts(5, 2), new Chat.Counts(1, 3));
        assertThat(chat.unreadFor(ChatSide.CUSTOMER)).isEqualTo(1); // agent sent 2, customer read 1
        assertThat(chat.unreadFor(ChatSide.AGENT)).isEqualTo(2);    // customer sent 5, agent read 3
        assertThat(chat.readByOtherSide(ChatSide.CUSTOMER, 3)).isTrue();
        assertThat(chat.readByOtherSide(ChatSide.CUSTOMER, 4)).isFalse();
        assertThat(chat.readByOtherSide(ChatSide.AGENT, 1)).isTrue();
        assertThat(chat.readByOtherSide(ChatSide.AGENT, 2)).isFalse();
    }
}
