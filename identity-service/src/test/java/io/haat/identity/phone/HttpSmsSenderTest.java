package io.haat.identity.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.identity.IdentityProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The HTTP SMS adapter against a WireMock stand-in for the provider. */
class HttpSmsSenderTest {

    private static final WireMockServer provider = new WireMockServer(options().dynamicPort());
    private HttpSmsSender sender;

    @BeforeAll
    static void start() {
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @BeforeEach
    void setUp() {
        provider.resetAll();
        sender = new HttpSmsSender(RestClient.builder(), new IdentityProperties.Sms.Http(
                URI.create(provider.baseUrl() + "/v1/messages"), "sms-api-key", "Haat", Duration.ofSeconds(1)));
    }

    @Test
    void postsTheMessageWithTheApiKey() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202)));

        sender.send("+9779812345678", "Your code is 123456");

        provider.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Authorization", equalTo("Bearer sms-api-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"from\":\"Haat\",\"to\":\"+9779812345678\",\"text\":\"Your code is 123456\"}")));
    }

    @Test
    void aRefusalOrATimeoutIsAnSmsNotSent() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> sender.send("+9779812345678", "x")).isInstanceOf(SmsSender.SmsNotSentException.class);

        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        assertThatThrownBy(() -> sender.send("+9779812345678", "x")).isInstanceOf(SmsSender.SmsNotSentException.class);
    }

    @Test
    void needsAUrl() {
        assertThatThrownBy(() -> new HttpSmsSender(RestClient.builder(),
                new IdentityProperties.Sms.Http(URI.create(""), "k", "Haat", Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
