package io.haat.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Browser origins allowed to call the API ({@code haat.gateway.cors.allowed-origins}, patterns allowed). */
@ConfigurationProperties("haat.gateway.cors")
public record CorsProperties(@DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> allowedOrigins) {
}
