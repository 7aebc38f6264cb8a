package io.haat.identity.address;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.haat.identity.profile.ProfileService;
import io.haat.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/** The caller's address book; each change is one {@link AddressBooks} transaction. */
@Service
public class AddressService {

    private final ProfileService profileService;
    private final AddressRepository addresses;
    private final AddressBooks books;
    private final Clock clock;

    public AddressService(ProfileService profileService, AddressRepository addresses, AddressBooks books,
                          Clock clock) {
        this.profileService = profileService;
        this.addresses = addresses;
        this.books = books;
        this.clock = clock;
    }

    public List<Address> list() {
        return addresses.load(profileService.current().id()).addresses();
    }

    public Address get(UUID id) {
        return addresses.load(profileService.current().id()).find(id)
                .orElseThrow(() -> new NotFoundException("Address " + id + " was not found."));
    }

    public Address add(AddressRequest request) {
        return books.change(owner(), book -> book.add(request.details(), request.makeDefault(), clock.instant()));
    }

    public Address replace(UUID id, AddressRequest request) {
        return books.change(owner(), book -> book.update(id, request.details(), request.makeDefault(),
                clock.instant()));
    }

    public void delete(UUID id) {
        books.change(owner(), book -> {
            book.remove(id, clock.instant());
            return null;
        });
    }

    /** The caller, whose profile is made on first use (outside the change's transaction: it may call Keycloak). */
    private UUID owner() {
        return profileService.current().id();
    }
}
