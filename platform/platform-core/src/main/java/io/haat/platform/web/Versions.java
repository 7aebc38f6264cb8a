package io.haat.platform.web;

/**
 * The one optimistic-concurrency check of an edit: the client names the version it edited, by
 * {@code If-Match} or by a {@code version} field in the body, and a version that is not the current one
 * is answered 412 {@code stale-version} ({@link StaleVersionException}). An edit without either is
 * unconditional (a lost race on the write itself is still a 409 {@code conflict}).
 */
public final class Versions {

    private Versions() {
    }

    /**
     * The version the client edited: from the {@code If-Match} header (see {@link ETags#expectedVersion}) or
     * the body's {@code version}; null when neither is sent; 400 when both are sent and disagree.
     */
    public static Long expected(String ifMatch, Long bodyVersion) {
        Long fromHeader = ETags.expectedVersion(ifMatch);
        if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
            throw new InvalidRequestException("version", "must match If-Match when both are sent");
        }
        return fromHeader != null ? fromHeader : bodyVersion;
    }

    /**
     * Throws 412 when the client expected a version ({@code expected} not null) other than {@code current};
     * {@code resource} starts the detail, e.g. {@code "The product"} or {@code "SKU TEA-250G"}.
     */
    public static void requireCurrent(String resource, Long expected, long current) {
        if (expected != null && expected != current) {
            throw new StaleVersionException(resource, expected, current);
        }
    }
}
