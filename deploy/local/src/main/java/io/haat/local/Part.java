package io.haat.local;

import java.time.Duration;
import java.util.List;

/** One piece of the local marketplace, run as an OS process of its own. */
interface Part {

    /** A TCP port a part listens on, for the up-front "port already in use" check. */
    record Port(int number, String part) {
    }

    /** The name used for its log ({@code .haat/logs/<name>.log}) and pid file. */
    String name();

    List<Port> ports();

    /** Work that can be done before the part's turn, while earlier parts start (unpacking, caches). */
    default void prepare() {
    }

    /** Launches the process and returns; {@link #awaitReady} then waits until it answers. */
    void start();

    /** Returns once the part is usable; throws {@link PartFailedException} if it exits or the timeout passes first. */
    void awaitReady(Duration timeout);

    /** Stops the part (from its pid file, so any process can); a part that is not running is left alone. */
    void stop();

    boolean isRunning();
}
