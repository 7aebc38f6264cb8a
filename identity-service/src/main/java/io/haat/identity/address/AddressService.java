package io.haat.identity.address;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.haat.identity.profile.ProfileService;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The caller's address book. Changes lock the owner's profile row, so the limit and the default hold under concurrency. */
@Service
public class AddressService {

    private final ProfileService profileService;
    private final UserProfileRepository profiles;
    private final AddressRepository addresses;
    private final TransactionTemplate transaction;

    public AddressService(ProfileService profileService, UserProfileRepository profiles, AddressRepository addresses,
                          TransactionTemplate transaction) {
        this.profileService = profileService;
        this.profiles = profiles;
        this.addresses = addresses;
        this.transaction = transaction;
    }

    public List<Address> list() {
        return addresses.load(profileService.current().id()).addresses();
    }

    public Address get(UUID id) {
        return addresses.load(profileService.current().id()).find(id)
                .orElseThrow(() -> new NotFoundException("Address " + id + " was not found."));
    }

    public Address add(AddressRequest request) {
        return change(book -> book.add(request.details(), request.makeDefault(), Instant.now()));
    }

    public Address replace(UUID id, AddressRequest request) {
        return change(book -> book.update(id, request.details(), request.makeDefault(), Instant.now()));
    }

    public void delete(UUID id) {
        change(book -> {
            book.remove(id, Instant.now());
            return null;
        });
    }

    private Address change(Function<AddressBook, Address> change) {
        UUID userId = profileService.current().id();
        return transaction.execute(status -> {
            profiles.lockById(userId).orElseThrow();
            AddressBook before = addresses.load(userId);
            AddressBook after = new AddressBook(userId, before.addresses());
            Address result = change.apply(after);
            addresses.saveChanges(before, after);
            return result == null ? null : after.find(result.id()).orElse(result);
        });
    }
}
