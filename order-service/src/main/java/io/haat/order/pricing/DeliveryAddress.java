package io.haat.order.pricing;

/**
 * Where a seller order goes, as snapshotted on the order at checkout (from identity-service's address book or
 * given inline). {@code country} is ISO 3166-1 alpha-2 (upper case); {@code province} is free text compared
 * case-insensitively with a shipping method's regions.
 */
public record DeliveryAddress(String fullName, String phone, String line1, String line2, String city,
                              String province, String postalCode, String country) {
}
