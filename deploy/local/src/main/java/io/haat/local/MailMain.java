package io.haat.local;

import com.icegreen.greenmail.standalone.GreenMailStandaloneRunner;

/**
 * Runs GreenMail's standalone server (SMTP, IMAP and its REST API) on 127.0.0.1, with authentication off so any
 * address receives mail and any password reads it. Arguments: SMTP port, IMAP port, API port.
 */
public final class MailMain {

    private MailMain() {
    }

    public static void main(String[] args) {
        System.setProperty("greenmail.smtp.hostname", "127.0.0.1");
        System.setProperty("greenmail.smtp.port", args[0]);
        System.setProperty("greenmail.imap.hostname", "127.0.0.1");
        System.setProperty("greenmail.imap.port", args[1]);
        System.setProperty("greenmail.api.hostname", "127.0.0.1");
        System.setProperty("greenmail.api.port", args[2]);
        System.setProperty("greenmail.auth.disabled", "true");
        GreenMailStandaloneRunner.main(new String[0]);
    }
}
