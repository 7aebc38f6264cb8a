package io.haat.notification.preferences;

/** Whether one type of notification goes to each channel. */
public record ChannelChoice(boolean email, boolean push, boolean inApp) {
}
