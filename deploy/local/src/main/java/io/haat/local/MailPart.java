package io.haat.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GreenMail: SMTP 3025 and IMAP 3143 for any address (no authentication), its REST API on 8025 to read mail. */
final class MailPart extends ProcessPart {

    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final int API_PORT = 8025;
    static final String API_URL = "http://localhost:" + API_PORT;

    MailPart(ProcessLauncher launcher) {
        super("mail", launcher);
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(SMTP_PORT, "mail SMTP"), new Port(IMAP_PORT, "mail IMAP"), new Port(API_PORT, "mail API"));
    }

    @Override
    public void start() {
        startAndRecord(javaCommand(workspace().mailClasspath(), smallJvm("256m"), MailMain.class,
                Integer.toString(SMTP_PORT), Integer.toString(IMAP_PORT), Integer.toString(API_PORT)), Map.of());
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.tcpOpen(SMTP_PORT) && Probes.tcpOpen(IMAP_PORT)
                && Probes.httpOk(API_URL + "/api/service/readiness"));
    }
}
