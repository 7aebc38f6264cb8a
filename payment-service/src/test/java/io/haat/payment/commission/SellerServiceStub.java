package io.haat.payment.commission;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.test.stub.FeignClientStub;

/** A WireMock stand-in for seller-service, whose commission look-up payment-service asks when it knows no rule. */
public final class SellerServiceStub extends FeignClientStub {

    private static final String CLIENT = "seller-service";

    public SellerServiceStub() {
        super(CLIENT);
    }

    public static WireMockServer get() {
        return server(CLIENT);
    }
}
