package io.haat.platform.web.testapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Import;

/**
 * A servlet service as the web-platform tests see it: every auto-configuration (so platform-core as a
 * service gets it), a few test controllers and one Feign client. No component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableFeignClients(clients = DownstreamClient.class)
@Import({ProblemsTestController.class, SecureTestController.class, IdempotentTestController.class,
        FeignTestController.class, ClientTestController.class})
public class PlatformWebTestApplication {
}
