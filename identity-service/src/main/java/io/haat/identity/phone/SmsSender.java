package io.haat.identity.phone;

/** Sends a text message (the port; adapters: {@link LoggingSmsSender} for development, {@link HttpSmsSender}). */
public interface SmsSender {

    /**
     * @param to   an E.164 number
     * @throws SmsNotSentException if the message could not be handed over
     */
    void send(String to, String text);

    /** The message could not be handed to the SMS provider. */
    class SmsNotSentException extends RuntimeException {
        public SmsNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
