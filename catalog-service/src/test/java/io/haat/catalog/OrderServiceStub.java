package io.haat.catalog;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.test.stub.FeignClientStub;

/** A WireMock stand-in for order-service, whose wishlist recommendations read with the caller's token. */
public final class OrderServiceStub extends FeignClientStub {

    private static final String CLIENT = "order-service";

    public OrderServiceStub() {
        super(CLIENT);
    }

    public static WireMockServer get() {
        return server(CLIENT);
    }
}
