package io.haat.order.order;

/**
 * An event names an order this service does not hold. The consumer's error handler retries it (bounded), then
 * sends it to the dead-letter topic, as the order ↔ payment contract says.
 */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String orderId) {
        super("unknown order " + orderId);
    }
}
