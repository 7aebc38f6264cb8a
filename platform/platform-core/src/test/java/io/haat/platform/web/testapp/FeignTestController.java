package io.haat.platform.web.testapp;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Calls the downstream service on behalf of the current request. */
@RestController
public class FeignTestController {

    private final DownstreamClient downstream;

    public FeignTestController(DownstreamClient downstream) {
        this.downstream = downstream;
    }

    @GetMapping("/test/feign/things/{id}")
    public DownstreamClient.Thing thing(@PathVariable String id) {
        return downstream.get(id);
    }
}
