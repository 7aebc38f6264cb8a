package io.haat.identity.address;

import java.util.UUID;
import java.util.function.Function;

import io.haat.identity.profile.UserProfileRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One change to a user's address book, as one transaction: it locks the owner's profile row first, so the limit
 * and the single default hold when two changes of the same user race.
 */
@Component
public class AddressBooks {

    private final UserProfileRepository profiles;
    private final AddressRepository addresses;

    public AddressBooks(UserProfileRepository profiles, AddressRepository addresses) {
        this.profiles = profiles;
        this.addresses = addresses;
    }

    /**
     * Loads the book, applies {@code change} and saves what it changed.
     *
     * @return the address {@code change} returned, as stored afterwards (null if it returned null)
     */
    @Transactional
    public Address change(UUID owner, Function<AddressBook, Address> change) {
        profiles.lockById(owner).orElseThrow();
        AddressBook before = addresses.load(owner);
        AddressBook after = new AddressBook(owner, before.addresses());
        Address result = change.apply(after);
        addresses.saveChanges(before, after);
        return result == null ? null : after.find(result.id()).orElse(result);
    }
}
