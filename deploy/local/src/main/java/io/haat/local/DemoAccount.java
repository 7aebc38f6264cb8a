package io.haat.local;

import java.util.List;

/** A local demo login (development only; listed in API.md "Local demo accounts"). */
public record DemoAccount(String email, String password, String role, String firstName, String lastName) {

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin@haat.local", "haat-admin", "ADMIN", "Asha", "Admin"),
            new DemoAccount("seller@haat.local", "haat-seller", "SELLER", "Sita", "Seller"),
            new DemoAccount("customer@haat.local", "haat-customer", "CUSTOMER", "Chandra", "Customer"),
            new DemoAccount("courier@haat.local", "haat-courier", "DELIVERY_AGENT", "Kiran", "Courier"));
}
