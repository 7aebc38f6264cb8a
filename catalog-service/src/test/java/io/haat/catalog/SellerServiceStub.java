package io.haat.catalog;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.test.stub.FeignClientStub;

/** A WireMock stand-in for seller-service, which catalog asks for stores and sellers its copies do not have yet. */
public final class SellerServiceStub extends FeignClientStub {

    private static final String CLIENT = "seller-service";

    public SellerServiceStub() {
        super(CLIENT);
    }

    public static WireMockServer get() {
        return server(CLIENT);
    }
}
