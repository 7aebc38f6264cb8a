package io.haat.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** The local mail server's mailboxes (GreenMail's REST API), as a person reading their mail would see them. */
final class Mailbox {

    /** One mail: its subject and its raw MIME text (quoted-printable soft line breaks undone). */
    record Mail(String subject, String raw) {
    }

    private Mailbox() {
    }

    static List<Mail> of(String email) {
        URI mailbox = URI.create(Marketplace.get().mailApiUrl() + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/");
        HttpResponse<String> messages = Gateway.send(HttpRequest.newBuilder(mailbox).GET().build());
        List<Mail> mails = new ArrayList<>();
        if (messages.statusCode() != 200) {
            return mails;
        }
        for (JsonNode message : Gateway.json(messages)) {
            String raw = message.path("mimeMessage").asString("").replace("=\r\n", "").replace("=\n", "")
                    .replace("=3D", "=");
            mails.add(new Mail(message.path("subject").asString(""), raw));
        }
        return mails;
    }

    /** Waits for a mail to {@code email} matching {@code match}. */
    static Mail awaitMail(String email, String what, Predicate<Mail> match) {
        AtomicReference<Mail> found = new AtomicReference<>();
        await(what + " to " + email).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    of(email).stream().filter(match).findFirst().ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }
}
