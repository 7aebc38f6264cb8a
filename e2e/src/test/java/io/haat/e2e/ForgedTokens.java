package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access tokens an attacker makes from a real one: the same claims with {@code alg: none}, signed with HS256 and the
 * realm's public key as the secret, signed with a key of their own; and real tokens that must still be refused: from a
 * client without the API's audience, from another realm, with another issuer.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Every forgery of {@code realToken}'s claims, by name. */
    static Map<String, String> forgeriesOf(String realToken) {
        String[] parts = realToken.split("\\.");
        JsonNode header = Gateway.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        String kid = header.path("kid").asString("");
        String payload = parts[1];
        Map<String, String> forged = new LinkedHashMap<>();
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            String unsigned = encode("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + payload;
            forged.put("alg " + none + ", no signature", unsigned + ".");
            forged.put("alg " + none + ", the original signature", unsigned + "." + parts[2]);
        }
        RSAPublicKey realmKey = realmKey(kid);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(realmKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
        secrets.put("PEM without final newline", pem.strip().getBytes(StandardCharsets.US_ASCII));
        secrets.put("DER", realmKey.getEncoded());
        secrets.put("modulus", realmKey.getModulus().toByteArray());
        for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
            for (String alg : new String[] {"HS256", "HS512"}) {
                String unsigned = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + payload;
                forged.put(alg + " with the realm's public key (" + secret.getKey() + ") as secret",
                        unsigned + "." + hmac(alg, secret.getValue(), unsigned));
            }
        }
        KeyPair own = rsaKeyPair();
        forged.put("RS256 with another key, the realm's kid", rs256(own.getPrivate(),
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", payload));
        forged.put("RS256 with another key, an unknown kid", rs256(own.getPrivate(),
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker\"}", payload));
        forged.put("RS256 with another key, announced by jku", rs256(own.getPrivate(),
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"jku\":\"http://127.0.0.1:1/jwks\"}", payload));
        forged.put("RS256 with another key, embedded as jwk", rs256(own.getPrivate(),
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\""
                        + B64.encodeToString(((RSAPublicKey) own.getPublic()).getModulus().toByteArray()) + "\"}}", payload));
        // the real signature over claims the attacker changed (an admin role added)
        ObjectNode claims = (ObjectNode) Gateway.JSON.readTree(Base64.getUrlDecoder().decode(payload));
        claims.putObject("realm_access").putArray("roles").add("ADMIN").add("CUSTOMER");
        forged.put("the real signature over an added ADMIN role",
                parts[0] + "." + encode(Gateway.JSON.writeValueAsString(claims)) + "." + parts[2]);
        // expired claims, signed with another key (an attacker cannot sign anything else)
        ObjectNode expired = (ObjectNode) Gateway.JSON.readTree(Base64.getUrlDecoder().decode(payload));
        expired.put("exp", 1_000_000_000L);
        forged.put("expired claims", rs256(own.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                encode(Gateway.JSON.writeValueAsString(expired))));
        forged.put("empty signature", parts[0] + "." + payload + ".");
        forged.put("two parts", parts[0] + "." + payload);
        return forged;
    }

    /** A real token of the realm from a test client that does not add the API's audience ({@code haat-api}). */
    static String withoutApiAudience(String email, String password) {
        String clientId = "haat-e2e-no-audience";
        HttpResponse<String> created = KeycloakAdmin.post("/clients", """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false}""".formatted(clientId));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        String token = Gateway.keycloakToken(clientId, email, password);
        assertThat(claims(token).path("aud").toString()).doesNotContain("haat-api");
        return token;
    }

    /**
     * A real token of the realm, signed with its key, whose issuer names another host: Keycloak without a fixed
     * hostname writes the host a client used into {@code iss}. Null when this Keycloak always writes the same issuer.
     */
    static String withAnotherIssuer(String email, String password) {
        String issuer = Marketplace.get().issuer();
        String otherHost = issuer.contains("localhost") ? issuer.replace("localhost", "127.0.0.1")
                : issuer.replace("127.0.0.1", "localhost");
        HttpResponse<String> response = Gateway.send(HttpRequest.newBuilder(
                        URI.create(otherHost + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.form(Map.of("grant_type", "password",
                        "client_id", "haat-web", "username", email, "password", password, "scope", "openid"))))
                .build());
        if (response.statusCode() != 200) {
            return null;
        }
        String token = Gateway.json(response).get("access_token").asString();
        return claims(token).path("iss").asString().equals(issuer) ? null : token;
    }

    static JsonNode claims(String token) {
        return Gateway.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static RSAPublicKey realmKey(String kid) {
        HttpResponse<String> jwks = Gateway.send(HttpRequest.newBuilder(
                URI.create(Marketplace.get().issuer() + "/protocol/openid-connect/certs")).GET().build());
        assertThat(jwks.statusCode()).isEqualTo(200);
        for (JsonNode key : Gateway.json(jwks).path("keys")) {
            if (key.path("kid").asString("").equals(kid) || kid.isEmpty() && "RSA".equals(key.path("kty").asString(""))) {
                try {
                    BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asString()));
                    BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asString()));
                    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                } catch (GeneralSecurityException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new IllegalStateException("the realm publishes no key " + kid + ": " + jwks.body());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(PrivateKey key, String header, String payload) {
        String unsigned = encode(header) + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String alg, byte[] secret, String unsigned) {
        String algorithm = alg.equals("HS256") ? "HmacSHA256" : "HmacSHA512";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return B64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
