package io.haat.events;

/**
 * What an id in an event looks like, for the constraints on the event records ({@code @Pattern(regexp =
 * EventIds.ID)}): consumers refuse (dead-letter) an event whose ids do not parse instead of storing or looking up
 * garbage. Every Haat id fits: UUIDs, MongoDB object ids, Keycloak user ids, SKUs.
 */
public final class EventIds {

    /** Letters, digits, {@code . _ - :}, starting with a letter or digit, at most 128 characters. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private EventIds() {
    }
}
