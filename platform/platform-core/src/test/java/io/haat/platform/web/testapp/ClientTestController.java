package io.haat.platform.web.testapp;

import java.time.Duration;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.haat.platform.web.ClientAddress;
import io.haat.platform.web.LockedException;
import io.haat.platform.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;

/** What the service believes about the caller, and the two "retry later" problems. */
@RestController
public class ClientTestController {

    @GetMapping("/test/public/client")
    public Map<String, Object> client(HttpServletRequest request) {
        return Map.of("address", ClientAddress.of(request), "scheme", request.getScheme(),
                "host", request.getServerName());
    }

    @GetMapping("/test/public/throttled")
    public void throttled() {
        throw new TooManyRequestsException("Too many pings; slow down.", Duration.ofMillis(1500));
    }

    @GetMapping("/test/public/locked")
    public void locked() {
        throw new LockedException("account-locked", "Account temporarily locked", "Try again later.",
                Duration.ofSeconds(30));
    }
}
