package io.haat.identity.phone;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

import io.haat.identity.IdentityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends text messages through an HTTP SMS API: {@code POST <url>} with a bearer API key and the JSON
 * {@code {"from", "to", "text"}}; any 2xx is success. (The common shape of SMS gateways; a provider with another
 * shape gets an adapter of its own.)
 */
public class HttpSmsSender implements SmsSender {

    private final RestClient http;
    private final URI url;
    private final String apiKey;
    private final String sender;

    public HttpSmsSender(RestClient.Builder builder, IdentityProperties.Sms.Http settings) {
        if (settings.url() == null || settings.url().toString().isBlank()) {
            throw new IllegalStateException("haat.identity.sms.http.url must be set when haat.identity.sms.provider=http");
        }
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build());
        requestFactory.setReadTimeout(settings.timeout());
        this.http = builder.clone().requestFactory(requestFactory).build();
        this.url = settings.url();
        this.apiKey = settings.apiKey();
        this.sender = settings.sender();
    }

    @Override
    public void send(String to, String text) {
        try {
            http.post().uri(url)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("from", sender, "to", to, "text", text))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            throw new SmsNotSentException("SMS provider refused or did not answer: " + e.getMessage(), e);
        }
    }
}
