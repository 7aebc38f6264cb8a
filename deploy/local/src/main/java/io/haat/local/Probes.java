package io.haat.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Readiness checks (TCP, HTTP) and the wait loop around them. */
final class Probes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(250);

    private Probes() {
    }

    static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean httpOk(String url) {
        return httpGet(url, "application/json").isPresent();
    }

    /** The body of a 2xx answer to GET {@code url}, or empty (error status, refused, timed out). */
    static Optional<String> httpGet(String url, String accept) {
        return httpGet(url, accept, null);
    }

    /** As {@link #httpGet(String, String)}, with this {@code Authorization} header unless null. */
    static Optional<String> httpGet(String url, String accept, String authorization) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).header("Accept", accept);
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            HttpRequest request = builder.GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** An HTTP basic {@code Authorization} header value. */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Polls {@code ready} until it holds. Fails as soon as {@code alive} does not hold (the process exited) or
     * when {@code timeout} has passed; {@code launcher} supplies the log tail for the message.
     */
    static void await(String part, Duration timeout, BooleanSupplier alive, BooleanSupplier ready, ProcessLauncher launcher) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new PartFailedException(part, "exited before it was ready; last lines of "
                        + launcher.workspace().logFile(part) + ":" + System.lineSeparator() + launcher.logTail(part, 15));
            }
            if (System.nanoTime() > deadline) {
                throw new PartFailedException(part, "not ready after " + timeout.toSeconds() + " s; see "
                        + launcher.workspace().logFile(part));
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartFailedException(part, "interrupted while waiting");
            }
        }
    }
}
