package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON bodies are limited to haat.web.max-body-size (256 KB): 413 as a problem; uploads keep their own limits. */
class RequestBodyLimitTest extends PlatformWebIntegrationTest {

    private String token;

    @BeforeEach
    void token() {
        token = jwt().token("7b1c1a52-3f0e-4c8e-9a43-1d2f3e4a5b6c", "CUSTOMER");
    }

    private static String item(int nameLength) {
        return "{\"name\": \"" + "n".repeat(nameLength) + "\", \"quantity\": 1}";
    }

    private HttpResponse<String> postChunked(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        // no declared length: the client sends the body chunked
        return send(request("/test/problems/items", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response)).containsEntry("type", "https://haat.io/problems/payload-too-large")
                .containsEntry("status", 413).containsEntry("detail", "The request body is larger than 256 KB.");
    }

    @Test
    void aJsonBodyOverTheLimitIsA413Problem() {
        assertTooLarge(post("/test/problems/items", token, item(300 * 1024)));
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsA413ProblemToo() {
        assertTooLarge(postChunked(item(300 * 1024)));
    }

    @Test
    void aBodyWithinTheLimitReachesTheApplicationWhetherChunkedOrNot() {
        HttpResponse<String> declared = post("/test/problems/items", token, item(100));
        HttpResponse<String> chunked = postChunked(item(100));

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
        assertThat(chunked.body()).contains("\"name\":\"" + "n".repeat(100) + "\"");
    }

    @Test
    void multipartUploadsAreLeftToTheMultipartLimits() {
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n"
                + "x".repeat(300 * 1024) + "\r\n--b--\r\n";
        HttpResponse<String> response = send(request("/test/problems/items", token)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(part)));

        assertThat(response.statusCode()).as(response.body()).isNotEqualTo(413);
    }
}
