package io.haat.notification.chat;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live chat over HTTP; the same conversations are live over STOMP ({@link ChatStompController}). */
@RestController
class ChatController {

    private final ChatService chats;

    ChatController(ChatService chats) {
        this.chats = chats;
    }

    /** 201 with a new chat, or 200 when the caller already had one with that store (or support). */
    @PostMapping("/chats")
    ResponseEntity<ChatService.Opened> open(Principal principal, @Valid @RequestBody OpenChatRequest request) {
        ChatService.Opened opened = chats.open(Caller.of(principal), request);
        return opened.created()
                ? ResponseEntity.created(URI.create("/chats/" + opened.chat().id())).body(opened)
                : ResponseEntity.ok(opened);
    }

    @GetMapping("/chats")
    PageResponse<ChatResponse> list(Principal principal, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return chats.list(Caller.of(principal), Paging.of(page, size));
    }

    @GetMapping("/chats/{id}/messages")
    PageResponse<MessageResponse> messages(Principal principal, @PathVariable String id,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return chats.messages(Caller.of(principal), id, Paging.of(page, size));
    }

    @PostMapping("/chats/{id}/messages")
    ResponseEntity<MessageResponse> send(Principal principal, @PathVariable String id,
                                         @Valid @RequestBody SendMessageRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(chats.send(Caller.of(principal), id, request.message()));
    }

    /** Read receipt: everything the other side sent so far is read. */
    @PostMapping("/chats/{id}/read")
    ChatResponse read(Principal principal, @PathVariable String id) {
        return chats.markRead(Caller.of(principal), id);
    }
}
