package io.haat.local;

import io.haat.test.LocalPorts;

import java.util.List;
import java.util.stream.Collectors;

/** Checks, before anything starts, that every port the run needs is free, and says which are not. */
final class PortCheck {

    private PortCheck() {
    }

    static List<Part.Port> busy(List<Part.Port> ports) {
        return ports.stream().filter(port -> inUse(port.number())).toList();
    }

    static String message(List<Part.Port> busy) {
        String lines = busy.stream()
                .map(port -> "  port %d (%s) is already in use".formatted(port.number(), port.part()))
                .collect(Collectors.joining(System.lineSeparator()));
        return "Cannot start: " + (busy.size() == 1 ? "a port is" : busy.size() + " ports are") + " taken."
                + System.lineSeparator() + lines + System.lineSeparator()
                + "If an earlier Haat run is still up, see ./run.sh status and stop it with ./run.sh stop;"
                + " otherwise stop the program using the port (ss -ltnp | grep <port> shows which).";
    }

    /** In use = something accepts connections on it, or it cannot be bound (a listener on another address). */
    static boolean inUse(int port) {
        return LocalPorts.inUse(port);
    }
}
