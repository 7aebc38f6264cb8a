package io.haat.payment.provider;

import io.haat.events.Money;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** What every provider test needs: requests, a JSON mapper, an HTTP client with a short time-out, a clock. */
public final class Fixtures {

    /** Short enough to make a WireMock delay of {@link #SLOW} fail, long enough for any normal stub answer. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    public static final int SLOW = 10_000;
    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final UUID ORDER = UUID.fromString("0f6f3a52-8d0e-4b0c-9a55-6f8e0c1d2e3f");
    public static final UUID PAYMENT = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");

    private Fixtures() {
    }

    public static PaymentRequest request(Money amount) {
        return new PaymentRequest(PAYMENT, ORDER, 2, amount, "Haat order",
                URI.create("http://shop.test/payments/return/x"), URI.create("http://shop.test/payments/return/x?failed"));
    }

    public static ProviderHttp http() {
        return new ProviderHttp(Duration.ofSeconds(1), READ_TIMEOUT, JSON);
    }

    /** A clock the test moves by hand. */
    public static final class MovableClock extends Clock {
        private Instant now;

        public MovableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
