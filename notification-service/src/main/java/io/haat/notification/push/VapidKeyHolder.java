package io.haat.notification.push;

import com.interaso.webpush.VapidKeys;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The service's VAPID key pair, from configuration, or generated at start where that is allowed. */
@Component
public class VapidKeyHolder {

    private static final Logger log = LoggerFactory.getLogger(VapidKeyHolder.class);

    private final VapidKeys keys;

    public VapidKeyHolder(PushProperties properties) {
        PushProperties.Vapid vapid = properties.vapid();
        if (hasText(vapid.publicKey()) && hasText(vapid.privateKey())) {
            this.keys = VapidKeys.fromUncompressedBytes(vapid.publicKey(), vapid.privateKey());
        } else if (vapid.generateWhenMissing()) {
            this.keys = VapidKeys.generate();
            log.warn("No VAPID keys configured (haat.push.vapid.public-key/private-key): generated a throwaway pair "
                    + "for this run; browsers subscribed with it must subscribe again after a restart");
        } else {
            throw new IllegalStateException("haat.push.vapid.public-key and private-key are required: set "
                    + "HAAT_VAPID_PUBLIC_KEY and HAAT_VAPID_PRIVATE_KEY (or HAAT_VAPID_GENERATE=true for a throwaway pair, "
                    + "the default only in development)");
        }
    }

    public VapidKeys keys() {
        return keys;
    }

    /** The public key as browsers take it ({@code applicationServerKey}): base64url of the uncompressed point. */
    public String applicationServerKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getApplicationServerKey());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
