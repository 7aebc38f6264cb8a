package io.haat.platform.web.testapp;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Another service, played by WireMock in the tests. */
@FeignClient(name = "downstream", url = "${haat.test.downstream-url}")
public interface DownstreamClient {

    record Thing(String id, String name) {
    }

    @GetMapping("/things/{id}")
    Thing get(@PathVariable("id") String id);

    @PostMapping("/things")
    Thing create(@RequestBody Thing thing);
}
