package io.haat.payment.provider.esewa;

import io.haat.payment.provider.Hmac;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * eSewa ePay v2's signature: HMAC-SHA256 (base64) of {@code name=value} pairs joined by commas, for the
 * fields that {@code signed_field_names} lists, in that order.
 */
public final class EsewaSignature {

    private final String secretKey;

    public EsewaSignature(String secretKey) {
        this.secretKey = secretKey;
    }

    /** Signs {@code fields} over the names given; every named field must be present. */
    public String sign(List<String> names, Map<String, String> fields) {
        String message = names.stream().map(name -> {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("signed field missing: " + name);
            }
            return name + "=" + value;
        }).collect(Collectors.joining(","));
        return Hmac.sha256Base64(secretKey, message);
    }

    /** Whether {@code signature} signs {@code fields} over the names given (false when one is missing). */
    public boolean verify(List<String> names, Map<String, String> fields, String signature) {
        if (names.isEmpty() || !names.stream().allMatch(fields::containsKey)) {
            return false;
        }
        return Hmac.same(sign(names, fields), signature);
    }
}
