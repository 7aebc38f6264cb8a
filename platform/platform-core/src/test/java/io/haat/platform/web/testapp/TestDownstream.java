package io.haat.platform.web.testapp;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** One WireMock server per test JVM, standing in for the services the test application calls. */
public final class TestDownstream {

    private static WireMockServer server;

    private TestDownstream() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            WireMockServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "wiremock-stop"));
        }
        return server;
    }

    public static String baseUrl() {
        return server().baseUrl();
    }
}
