package io.haat.notification.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client that writes STOMP frames by hand, so a test can send what a well-behaved client library
 * never would (a {@code STOMP} opening frame, a {@code SUBSCRIBE} before any {@code CONNECT}, a {@code SEND} to a
 * broker destination), and reads every frame the server answers.
 */
public final class StompWire implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final Listener listener;

    private StompWire(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** Opens the WebSocket at {@code url}; {@code handshakeToken} (may be null) goes in the upgrade's Authorization. */
    public static StompWire open(String url, String handshakeToken) throws Exception {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (handshakeToken != null) {
            builder.header("Authorization", "Bearer " + handshakeToken);
        }
        return new StompWire(builder.buildAsync(URI.create(url), listener).get(10, TimeUnit.SECONDS), listener);
    }

    /** Sends one frame: command, headers as name/value pairs, optional body. */
    public StompWire frame(String command, String body, String... headers) {
        StringBuilder frame = new StringBuilder(command).append('\n');
        for (int i = 0; i < headers.length; i += 2) {
            frame.append(headers[i]).append(':').append(headers[i + 1]).append('\n');
        }
        frame.append('\n').append(body == null ? "" : body).append('\u0000');
        socket.sendText(frame, true).join();
        return this;
    }

    /** {@code CONNECT} (or {@code STOMP}) with a bearer token (none when null); answers the server's frame. */
    public Frame connect(String command, String token) throws InterruptedException {
        if (token == null) {
            frame(command, null, "accept-version", "1.2", "host", "localhost");
        } else {
            frame(command, null, "accept-version", "1.2", "host", "localhost", "Authorization", "Bearer " + token);
        }
        return next();
    }

    public StompWire subscribe(String id, String destination) {
        return frame("SUBSCRIBE", null, "id", id, "destination", destination, "receipt", "sub-" + id);
    }

    public StompWire send(String destination, String json) {
        return frame("SEND", json, "destination", destination, "content-type", "application/json");
    }

    /** The next frame the server sent; fails after ten seconds without one. */
    public Frame next() throws InterruptedException {
        Frame frame = listener.frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no STOMP frame within " + WAIT + (listener.closed.isDone()
                    ? " (the server closed the connection: " + listener.closed.join() + ")" : ""));
        }
        return frame;
    }

    /**
     * How the server refused the last frame: its {@code ERROR} frame, or {@code null} when the connection was closed
     * without one. STOMP wants ERROR then close, but Spring's session decorator drops a frame it had to buffer (another
     * thread was still flushing) once the close starts, so a refused client sometimes sees only the close (1002).
     * Fails on any other frame, and when neither comes within ten seconds.
     */
    public Frame refusal() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = listener.frames.poll(50, TimeUnit.MILLISECONDS);
            if (frame != null) {
                if (!frame.command().equals("ERROR")) {
                    throw new AssertionError("expected a refusal but got " + frame);
                }
                return frame;
            }
            if (listener.closed.isDone() && listener.frames.isEmpty()) {
                return null;
            }
        }
        throw new AssertionError("neither an ERROR frame nor a close within " + WAIT);
    }

    /** The next frame with this command, skipping others (receipts, for example). */
    public Frame next(String command) throws InterruptedException {
        Frame frame = next();
        while (!frame.command().equals(command)) {
            if (frame.command().equals("ERROR")) {
                throw new AssertionError("expected " + command + " but got " + frame);
            }
            frame = next();
        }
        return frame;
    }

    /** Completes with the close status code once the server has closed the connection. */
    public CompletableFuture<Integer> closed() {
        return listener.closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    /** One STOMP frame. */
    public record Frame(String command, Map<String, String> headers, String body) {

        static Frame parse(String text) {
            String frame = text.endsWith("\u0000") ? text.substring(0, text.length() - 1) : text;
            int split = frame.indexOf("\n\n");
            String head = split < 0 ? frame : frame.substring(0, split);
            String[] lines = head.split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
                }
            }
            return new Frame(lines[0].strip(), headers, split < 0 ? "" : frame.substring(split + 2));
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                if (!text.isBlank()) { // heart-beats are a bare newline
                    frames.add(Frame.parse(text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
