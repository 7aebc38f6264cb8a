package io.haat.test.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.haat.test.HaatInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of a service's HTTP integration tests: JSON calls to the service on its random port, as a client would
 * (real HTTP, real bearer tokens), answered as status + parsed body + headers. Redirects are not followed, so tests
 * see them.
 */
public abstract class HttpApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JsonMapper json;

    /** A user of the embedded JWT issuer ({@link io.haat.test.HaatInfrastructure}): id (the token's subject), token. */
    protected record User(String id, String token) {
    }

    /** A new user with these realm roles (and an e-mail address), signed by the embedded JWT issuer. */
    protected static User user(String... roles) {
        String id = UUID.randomUUID().toString();
        return new User(id, HaatInfrastructure.get().jwt().builder().subject(id).roles(roles)
                .email(id.substring(0, 8) + "@shop.test").sign());
    }

    /** An answer: status, the body parsed as JSON (empty object when there is none) and the headers. */
    protected record Response(int status, JsonNode body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String problemType() {
            return body.path("type").asString("");
        }
    }

    /**
     * Calls the service. A String body is sent as is, anything else as JSON; {@code headers} are name/value pairs.
     */
    protected Response call(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)))
                    .header("Accept", "application/json, application/problem+json");
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body() == null || response.body().isBlank()
                    ? json.createObjectNode() : json.readTree(response.body());
            return new Response(response.statusCode(), parsed, response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** An answer kept as text (a CSV report, say): status, body and headers. */
    protected record TextResponse(int status, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** {@code GET} asking for {@code accept} (e.g. {@code text/csv}), the answer as text. */
    protected TextResponse getText(String path, String token, String accept) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", accept).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextResponse(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    protected Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    protected Response post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    protected Response put(String path, String token, Object body, String... headers) {
        return call("PUT", path, token, body, headers);
    }

    protected Response delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    /** A file part of a multipart request. */
    public record FilePart(String name, String filename, String contentType, byte[] content) {
    }

    /**
     * A multipart/form-data POST: {@code json} as the part {@code jsonPart} (application/json), then the files.
     */
    protected Response multipart(String path, String token, String jsonPart, Object json, List<FilePart> files) {
        String boundary = "haat-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, new FilePart(jsonPart, null, "application/json",
                this.json.writeValueAsString(json).getBytes(StandardCharsets.UTF_8)));
        files.forEach(file -> part(body, boundary, file));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body() == null || response.body().isBlank()
                    ? this.json.createObjectNode() : this.json.readTree(response.body());
            return new Response(response.statusCode(), parsed, response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    /** A GET whose answer is kept as bytes (an image, a PDF). */
    protected HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, FilePart part) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"")
                + "\r\nContent-Type: " + part.contentType() + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(part.content());
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
