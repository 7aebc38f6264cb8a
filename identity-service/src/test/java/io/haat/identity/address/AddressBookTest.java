package io.haat.identity.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;

/** The address book's rules, without a database. */
class AddressBookTest {

    private final UUID owner = UUID.randomUUID();
    private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void exactlyOneDefaultWhateverTheOrderOfChanges() {
        AddressBook book = new AddressBook(owner, List.of());
        Address first = book.add(details("A"), false, now);
        Address second = book.add(details("B"), false, now.plusSeconds(1));
        assertThat(first.isDefault()).isTrue();
        assertThat(second.isDefault()).isFalse();

        book.update(second.id(), details("B2"), true, now.plusSeconds(2));
        assertThat(defaults(book)).containsExactly("B2");

        book.update(second.id(), details("B3"), false, now.plusSeconds(3));
        assertThat(defaults(book)).as("false leaves the default where it is").containsExactly("B3");

        book.remove(second.id(), now.plusSeconds(4));
        assertThat(defaults(book)).containsExactly("A");
        book.remove(first.id(), now.plusSeconds(5));
        assertThat(book.addresses()).isEmpty();
    }

    @Test
    void holdsAtMostTwenty() {
        AddressBook book = new AddressBook(owner, List.of());
        for (int i = 0; i < AddressBook.MAX_ADDRESSES; i++) {
            book.add(details("R" + i), false, now.plusSeconds(i));
        }
        assertThatThrownBy(() -> book.add(details("one more"), true, now)).isInstanceOf(ConflictException.class);
        assertThat(book.addresses()).hasSize(20);
        assertThat(defaults(book)).containsExactly("R0");
    }

    @Test
    void anUnknownIdIsNotFound() {
        AddressBook book = new AddressBook(owner, List.of());
        assertThatThrownBy(() -> book.remove(UUID.randomUUID(), now)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.update(UUID.randomUUID(), details("x"), true, now))
                .isInstanceOf(NotFoundException.class);
    }

    private static List<String> defaults(AddressBook book) {
        return book.addresses().stream().filter(Address::isDefault).map(a -> a.details().recipient()).toList();
    }

    private static AddressDetails details(String recipient) {
        return new AddressDetails(recipient, "+9779812345678", "Line 1", null, "Kathmandu", null, null, "NP");
    }
}
