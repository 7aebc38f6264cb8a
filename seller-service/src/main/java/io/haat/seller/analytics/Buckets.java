package io.haat.seller.analytics;

import java.time.Instant;

/** Analytics are kept per 15 minutes: every time zone's offset is a whole number of quarter hours. */
final class Buckets {

    static final long SECONDS = 15 * 60;

    private Buckets() {
    }

    static Instant of(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), SECONDS) * SECONDS);
    }
}
