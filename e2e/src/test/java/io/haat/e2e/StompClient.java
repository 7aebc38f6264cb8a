package io.haat.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal STOMP 1.2 client over the JDK's WebSocket, as a browser's STOMP library talks to the gateway's /ws. */
final class StompClient implements AutoCloseable {

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    StompClient(String token) throws Exception {
        URI uri = URI.create(Gateway.url("/ws").replaceFirst("^http", "ws"));
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(15, TimeUnit.SECONDS);
        send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n\n");
    }

    /** Waits for the CONNECTED frame; false when the server answered anything else (an ERROR) or nothing. */
    boolean connected() throws InterruptedException {
        String frame = frames.poll(15, TimeUnit.SECONDS);
        return frame != null && frame.startsWith("CONNECTED");
    }

    void subscribe(String destination) {
        send("SUBSCRIBE\nid:sub-" + destination.hashCode() + "\ndestination:" + destination + "\n\n");
    }

    /** The next MESSAGE frame whose body contains {@code text}, or null after {@code timeout}. */
    String nextMessageContaining(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String frame = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (frame != null && frame.startsWith("MESSAGE") && frame.contains(text)) {
                return frame;
            }
        }
        return null;
    }

    private void send(String frame) {
        socket.sendText(frame + "\0", true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
