package io.haat.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a local port is taken, for the parts that need fixed ports (Keycloak in tests, the launcher). */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** In use = something accepts connections on it, or it cannot be bound (a listener on another address). */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException refused) {
            // nothing answers on loopback: try to bind it
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
