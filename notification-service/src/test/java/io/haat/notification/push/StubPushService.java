package io.haat.notification.push;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service for tests: each browser ({@link Browser}) has its own endpoint and P-256 key pair + auth secret,
 * like a real subscription. What arrives is decrypted as the browser would (RFC 8291 / RFC 8188 {@code aes128gcm},
 * independently of the library that encrypted it); each endpoint answers the statuses queued for it, then 201.
 */
final class StubPushService implements AutoCloseable {

    /** A decrypted push as the browser received it. */
    record Received(String plaintext, Map<String, String> headers) {
    }

    final class Browser {
        final String path;
        final KeyPair keys;
        final byte[] auth = new byte[16];
        final List<Received> received = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();

        Browser(String path) throws Exception {
            this.path = path;
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
            new SecureRandom().nextBytes(auth);
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        String p256dh() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(uncompressed((ECPublicKey) keys.getPublic()));
        }

        String authSecret() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
        }

        /** Answers these statuses to the next requests (then 201 again). */
        void answer(Integer... next) {
            statuses.addAll(List.of(next));
        }
    }

    private final HttpServer server;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();

    StubPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push/", exchange -> {
            Browser browser = browsers.get(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer queued = browser == null ? Integer.valueOf(404) : browser.statuses.poll();
            int status = queued != null ? queued : 201;
            if (browser != null && status == 201) {
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                try {
                    browser.received.add(new Received(decrypt(browser, body), headers));
                } catch (Exception e) {
                    browser.received.add(new Received("UNDECRYPTABLE: " + e, headers));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    Browser browser() throws Exception {
        Browser browser = new Browser("/push/" + java.util.UUID.randomUUID());
        browsers.put(browser.path, browser);
        return browser;
    }

    /** RFC 8291 section 3.4 and RFC 8188: one record, keys derived from ECDH with the sender's key in the header. */
    private static String decrypt(Browser browser, byte[] message) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size
        byte[] senderPublic = new byte[in.get() & 0xff];
        in.get(senderPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        ECPublicKey receiverPublic = (ECPublicKey) browser.keys.getPublic();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.keys.getPrivate());
        agreement.doPhase(publicKey(senderPublic, receiverPublic), true);
        byte[] ecdhSecret = agreement.generateSecret();

        byte[] prkKey = hmac(browser.auth, ecdhSecret);
        byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
                uncompressed(receiverPublic), senderPublic, new byte[] {1});
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1})), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("no last-record delimiter");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    /** Whether the VAPID JWT (ES256, RFC 8292) is signed by the key the {@code k=} parameter names. */
    static boolean vapidSignatureValid(String jwt, String applicationServerKey) throws Exception {
        String[] parts = jwt.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = publicKey(Base64.getUrlDecoder().decode(applicationServerKey),
                (ECPublicKey) generator.generateKeyPair().getPublic());
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static ECPublicKey publicKey(byte[] uncompressed, ECPublicKey like) throws Exception {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65));
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), like.getParams()));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy32(key.getW().getAffineX(), out, 1);
        copy32(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copy32(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, out, at + 32 - length, length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
