package io.haat.identity.address;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.haat.platform.web.PageResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /me/addresses}: the caller's delivery addresses (someone else's address id is answered 404). */
@RestController
public class AddressController {

    private final AddressService addresses;

    public AddressController(AddressService addresses) {
        this.addresses = addresses;
    }

    /** All of them (at most 20), oldest first, in the usual page shape. */
    @GetMapping("/me/addresses")
    public PageResponse<AddressResponse> list() {
        List<AddressResponse> items = addresses.list().stream().map(AddressResponse::from).toList();
        return new PageResponse<>(items, 0, AddressBook.MAX_ADDRESSES, items.size());
    }

    @GetMapping("/me/addresses/{id}")
    public AddressResponse get(@PathVariable UUID id) {
        return AddressResponse.from(addresses.get(id));
    }

    @PostMapping("/me/addresses")
    public ResponseEntity<AddressResponse> add(@Valid @RequestBody AddressRequest request) {
        Address address = addresses.add(request);
        return ResponseEntity.created(URI.create("/me/addresses/" + address.id())).body(AddressResponse.from(address));
    }

    @PutMapping("/me/addresses/{id}")
    public AddressResponse replace(@PathVariable UUID id, @Valid @RequestBody AddressRequest request) {
        return AddressResponse.from(addresses.replace(id, request));
    }

    @DeleteMapping("/me/addresses/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        addresses.delete(id);
        return ResponseEntity.noContent().build();
    }
}
