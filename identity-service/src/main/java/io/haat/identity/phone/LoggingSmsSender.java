package io.haat.identity.phone;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development SMS adapter: logs each message (the code shows in the service log) and keeps the last ones in
 * memory, where tests read them. Never for production: the log holds the codes.
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int KEPT = 100;

    /** One message "sent". */
    public record Sms(String to, String text, Instant at) {
    }

    private final Deque<Sms> sent = new ConcurrentLinkedDeque<>();
    private final Clock clock;

    public LoggingSmsSender(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(String to, String text) {
        log.info("SMS to {} (development adapter, not sent): {}", to, text);
        sent.addFirst(new Sms(to, text, clock.instant()));
        while (sent.size() > KEPT) {
            sent.pollLast();
        }
    }

    /** The messages kept, newest first. */
    public List<Sms> sent() {
        return new ArrayList<>(sent);
    }

    public Optional<Sms> lastTo(String to) {
        return sent.stream().filter(sms -> sms.to().equals(to)).findFirst();
    }
}
