package io.haat.platform.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;

/** The part of a completed response that is replayed: status, {@code Location} / {@code Content-Type}, body. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = body != null ? body : new byte[0];
    }

    String headersText() {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    static Map<String, String> parseHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        return headers;
    }
}
