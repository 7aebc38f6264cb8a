package io.haat.e2e;

/**
 * How big the benchmarks run: in {@code ./mvnw verify} a short smoke version of each (same code, smaller data and
 * fewer requests, so the whole build stays inside its time budget); with {@code -Pbench} (system property
 * {@code e2e.bench.full=true}) the full sizes the issues' targets are stated for.
 */
final class BenchScale {

    static final boolean FULL = Boolean.getBoolean("e2e.bench.full");

    private BenchScale() {
    }

    /** {@code full} under {@code -Pbench}, else {@code smoke}. */
    static int of(int full, int smoke) {
        return FULL ? full : smoke;
    }

    /** {@code full} under {@code -Pbench}, else {@code smoke}. */
    static java.time.Duration of(java.time.Duration full, java.time.Duration smoke) {
        return FULL ? full : smoke;
    }

    /** {@code full} under {@code -Pbench}, else {@code smoke}. */
    static String of(String full, String smoke) {
        return FULL ? full : smoke;
    }

    /** A word for the printed lines: which size ran. */
    static String label() {
        return FULL ? "full size (-Pbench)" : "smoke size (verify; -Pbench runs the full size)";
    }
}
