package io.haat.order;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.test.stub.FeignClientStub;

/** A WireMock stand-in for identity-service, the address book checkout reads (Feign client {@code orderIdentity}). */
public final class IdentityServiceStub extends FeignClientStub {

    private static final String CLIENT = "orderIdentity";

    public IdentityServiceStub() {
        super(CLIENT);
    }

    public static WireMockServer get() {
        return server(CLIENT);
    }
}
