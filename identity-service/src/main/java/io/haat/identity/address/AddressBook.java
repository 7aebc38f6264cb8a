package io.haat.identity.address;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;

/**
 * A user's addresses and their rules: at most {@link #MAX_ADDRESSES}; exactly one default while there are any
 * (the first is the default; making one default unsets the other; removing the default promotes the oldest).
 */
public final class AddressBook {

    public static final int MAX_ADDRESSES = 20;

    private final UUID userId;
    private final List<Address> addresses;

    public AddressBook(UUID userId, List<Address> addresses) {
        this.userId = userId;
        this.addresses = new ArrayList<>(addresses);
        this.addresses.sort(Comparator.comparing(Address::createdAt).thenComparing(Address::id));
    }

    public List<Address> addresses() {
        return List.copyOf(addresses);
    }

    public Optional<Address> find(UUID id) {
        return addresses.stream().filter(address -> address.id().equals(id)).findFirst();
    }

    public Address add(AddressDetails details, boolean makeDefault, Instant now) {
        if (addresses.size() >= MAX_ADDRESSES) {
            throw new ConflictException("address-limit-reached", "Too many addresses",
                    "An address book holds at most " + MAX_ADDRESSES + " addresses. Delete one first.");
        }
        boolean isDefault = makeDefault || addresses.isEmpty();
        if (isDefault) {
            clearDefault(now);
        }
        Address address = new Address(UUID.randomUUID(), userId, details, isDefault, now, now);
        addresses.add(address);
        return address;
    }

    /** Replaces the details; {@code makeDefault} true makes it the default, false leaves the default where it is. */
    public Address update(UUID id, AddressDetails details, boolean makeDefault, Instant now) {
        Address current = require(id);
        Address updated = current.withDetails(details, now);
        if (makeDefault && !current.isDefault()) {
            clearDefault(now);
            updated = updated.withDefault(true, now);
        }
        replace(updated);
        return updated;
    }

    public void remove(UUID id, Instant now) {
        Address removed = require(id);
        addresses.remove(removed);
        if (removed.isDefault() && !addresses.isEmpty()) {
            replace(addresses.getFirst().withDefault(true, now));
        }
    }

    private void clearDefault(Instant now) {
        addresses.replaceAll(address -> address.withDefault(false, now));
    }

    private void replace(Address address) {
        addresses.replaceAll(existing -> existing.id().equals(address.id()) ? address : existing);
    }

    /** Another user's address id is answered exactly like an unknown one. */
    private Address require(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Address " + id + " was not found."));
    }
}
