package io.haat.test.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * An SMTP server for the test JVM (GreenMail, in process, on a free port), and every test context's
 * {@code spring.mail.host/port} pointed at it. A context customizer equal for every test class, so the service's test
 * classes still share one context: list it in the service's test {@code META-INF/spring.factories} under
 * {@code org.springframework.test.context.ContextCustomizerFactory}. Needs {@code com.icegreen:greenmail} on the
 * service's test classpath.
 */
public final class TestSmtp implements ContextCustomizerFactory {

    private static final class Holder {
        static final GreenMail MAIL = start();

        private static GreenMail start() {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
            return mail;
        }
    }

    /** The JVM's SMTP server, started on first use. */
    public static GreenMail server() {
        return Holder.MAIL;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The mails received so far for {@code recipient}. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
    }

    private static boolean addressedTo(Message message, String recipient) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new PointMailAtTestSmtp();
    }

    /** A record: all equal, so the context cache still hits. */
    private record PointMailAtTestSmtp() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testSmtp",
                    Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(port()))));
        }
    }
}
