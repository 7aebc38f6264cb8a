package io.haat.platform.messaging.outbox;

import java.util.Map;

/** Captures the current trace context as message headers (W3C {@code traceparent}), empty when none. */
@FunctionalInterface
public interface TraceHeaders {

    TraceHeaders NONE = Map::of;

    Map<String, String> current();
}
