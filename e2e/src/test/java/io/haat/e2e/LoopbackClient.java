package io.haat.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client with an address of its own on this machine: HTTP/1.1 over a socket bound to a loopback address
 * such as 127.23.4.5 (all of 127/8 is this host on Linux), so the gateway sees a different client than the
 * rest of the suite. The JDK HttpClient cannot bind a local address, hence the plain socket.
 */
final class LoopbackClient {

    /** A response: status, headers (lower-case names) and body. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final String address;

    LoopbackClient(String address) {
        this.address = address;
    }

    /** A client on a random loopback address other than 127.0.0.1, fresh for every run. */
    static LoopbackClient random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new LoopbackClient("127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "."
                + random.nextInt(2, 255));
    }

    String address() {
        return address;
    }

    Response send(String method, String path, String bearer, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        if (bearer != null) {
            all.put("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return exchange(method, path, all, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any request, byte for byte as given: the path is sent as it is (it may hold what {@link java.net.URI} refuses,
     * such as {@code %ZZ}), and {@code Content-Length} is added for a body.
     */
    Response exchange(String method, String path, Map<String, String> headers, byte[] body) {
        URI gateway = URI.create(Marketplace.get().gatewayUrl());
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), gateway.getPort()), 5_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(gateway.getAuthority()).append("\r\nConnection: close\r\n");
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            // head and body in one write, as a browser sends a small request: written apart, the body could reach
            // the gateway after it had answered a request it refuses early (firewall 400, 401, 413) and closed, and
            // the kernel then resets the connection, discarding the answer before this client reads it
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                whole.write(body);
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(whole.toByteArray());
            } catch (IOException closed) {
                // the server answered before reading the whole body (a 404, a 413) and closed: read its answer
            }
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + address, e);
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (chunked[lineEnd] != '\r') {
                lineEnd++;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }
}
