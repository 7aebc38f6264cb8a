package io.haat.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The push-service hosts shipped in application.yml: the browsers' push services, nothing else. */
class PushEndpointsTest {

    private final PushEndpoints shipped = new PushEndpoints(shippedHosts(), false);

    @Test
    void theBrowsersPushServicesAreAccepted() {
        assertThat(List.of(
                "https://fcm.googleapis.com/fcm/send/fv3jabydF5c:APA92bEc8gXeukGXEvq",
                "https://android.googleapis.com/gcm/send/abc",
                "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk",
                "https://web.push.apple.com/QGuQyavXutnMUq0jQPTQKf",
                "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAD"))
                .allSatisfy(endpoint -> assertThat(shipped.allowed(endpoint)).as(endpoint).isTrue());
    }

    @Test
    void anyOtherHostSchemeOrTrickIsRefused() {
        assertThat(List.of(
                "https://attacker.example/push",
                "https://169.254.169.254/latest/meta-data/",
                "https://localhost/actuator",
                "https://fcm.googleapis.com.attacker.example/fcm/send/x",
                "https://evilfcm.googleapis.com.example/x",
                "https://notify.windows.com.attacker.example/w",
                "https://push.apple.com/x",
                "https://user:pw@fcm.googleapis.com/fcm/send/x",
                "http://fcm.googleapis.com/fcm/send/x",
                "ftp://fcm.googleapis.com/x",
                "not a url"))
                .allSatisfy(endpoint -> assertThat(shipped.allowed(endpoint)).as(endpoint).isFalse());
    }

    @Test
    void plainHttpOnlyWhereTestsAllowItAndOnlyOnAllowedHosts() {
        PushEndpoints tests = new PushEndpoints(List.of("127.0.0.1"), true);
        assertThat(tests.allowed("http://127.0.0.1:4000/browser/1")).isTrue();
        assertThat(tests.allowed("http://localhost:4000/browser/1")).isFalse();
        assertThat(new PushEndpoints(List.of(), false).allowed("https://fcm.googleapis.com/fcm/send/x")).isFalse();
    }

    /** The default of {@code haat.push.allowed-hosts} in application.yml ({@code ${HAAT_PUSH_ALLOWED_HOSTS:...}}). */
    private static List<String> shippedHosts() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String value = properties.getProperty("haat.push.allowed-hosts");
        assertThat(value).startsWith("${HAAT_PUSH_ALLOWED_HOSTS:");
        String defaults = value.substring("${HAAT_PUSH_ALLOWED_HOSTS:".length(), value.length() - 1);
        return Arrays.asList(defaults.split(","));
    }
}
