package io.haat.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a Keycloak-shaped realm's JWKS and OpenID discovery documents on 127.0.0.1, so resource servers
 * configured with {@code issuer-uri} or {@code jwk-set-uri} work unchanged in tests, and its token endpoint for
 * the {@code haat-services} client-credentials grant, so service-to-service Feign calls carry a real signed service
 * token ({@code azp} {@code haat-services}, no realm roles) in tests as they do against Keycloak.
 */
final class JwksServer implements AutoCloseable {

    static final String REALM_PATH = "/realms/haat";
    static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    static final String TOKEN_PATH = REALM_PATH + "/protocol/openid-connect/token";
    static final String SERVICE_CLIENT_ID = "haat-services";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuer;

    JwksServer(String jwksJson, Supplier<String> serviceToken) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        String discovery = JSONObjectUtils.toJSONString(discovery(issuer));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(JWKS_PATH)) {
                respond(exchange, 200, jwksJson);
            }
            else if (isDiscoveryPath(path)) {
                respond(exchange, 200, discovery);
            }
            else if (path.equals(TOKEN_PATH) && "POST".equals(exchange.getRequestMethod())) {
                issueServiceToken(exchange, serviceToken);
            }
            else {
                respond(exchange, 404, "{\"error\":\"not_found\"}");
            }
        });
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "haat-test-jwks");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    String jwksUri() {
        return issuer.substring(0, issuer.length() - REALM_PATH.length()) + JWKS_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // Spring Security tries the OIDC path and both RFC 8414 forms, in that order
    private static boolean isDiscoveryPath(String path) {
        return path.equals(REALM_PATH + "/.well-known/openid-configuration")
                || path.equals("/.well-known/openid-configuration" + REALM_PATH)
                || path.equals("/.well-known/oauth-authorization-server" + REALM_PATH);
    }

    private static Map<String, Object> discovery(String issuer) {
        String oidc = issuer + "/protocol/openid-connect";
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", oidc + "/auth");
        document.put("token_endpoint", oidc + "/token");
        document.put("userinfo_endpoint", oidc + "/userinfo");
        document.put("end_session_endpoint", oidc + "/logout");
        document.put("jwks_uri", oidc + "/certs");
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token", "password",
                "client_credentials"));
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        return document;
    }

    /**
     * Keycloak's token endpoint for the one grant services use among themselves: client credentials of
     * {@code haat-services} (client id in HTTP Basic or in the form). Anything else is refused as Keycloak would.
     */
    private static void issueServiceToken(HttpExchange exchange, Supplier<String> serviceToken) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String clientId = basic != null && basic.startsWith("Basic ")
                ? URLDecoder.decode(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                        .split(":", 2)[0], StandardCharsets.UTF_8)
                : formValue(form, "client_id");
        if (!"client_credentials".equals(formValue(form, "grant_type")) || !SERVICE_CLIENT_ID.equals(clientId)) {
            respond(exchange, 401, "{\"error\":\"unauthorized_client\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + serviceToken.get()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"profile email\"}");
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
