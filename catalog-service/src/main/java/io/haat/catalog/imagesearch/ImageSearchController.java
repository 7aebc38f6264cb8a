package io.haat.catalog.imagesearch;

import io.haat.catalog.image.Uploads;
import io.haat.catalog.tracking.ClientRateLimiter;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ClientAddress;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /search/image} (multipart part {@code file}, anyone): the public products that look most like the
 * photo ({@code limit}: default 10, capped at {@code max-results}). Rate-limited per client (the user, or the client address when anonymous): describing a photo costs a
 * decode and a re-encode.
 */
@RestController
public class ImageSearchController {

    private final ImageSearchService search;
    private final ClientRateLimiter limiter;
    private final CurrentUser currentUser;

    public ImageSearchController(ImageSearchService search, ImageSearchProperties settings, CurrentUser currentUser) {
        this.search = search;
        this.limiter = new ClientRateLimiter(settings.perClientPerMinute(), settings.burst(), System::nanoTime);
        this.currentUser = currentUser;
    }

    public record ImageSearchResponse(List<ImageSearchService.Match> items) {
    }

    @PostMapping(path = "/search/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImageSearchResponse search(@RequestPart("file") MultipartFile file,
                                      @RequestParam(required = false) Integer limit, HttpServletRequest http) {
        if (limit != null && limit < 1) {
            throw new InvalidRequestException("limit", "must be at least 1");
        }
        ClientRateLimiter.Decision decision = limiter.tryAcquire(currentUser.isAuthenticated()
                ? "user:" + currentUser.subject() : "address:" + ClientAddress.of(http));
        if (!decision.allowed()) {
            throw new TooManyRequestsException("Too many image searches from this client; retry in "
                    + decision.retryAfterSeconds() + " s.", Duration.ofSeconds(decision.retryAfterSeconds()));
        }
        return new ImageSearchResponse(search.search(Uploads.bytes(file), limit == null ? 10 : limit));
    }

    @Scheduled(fixedDelay = 60_000)
    void evictIdleClients() {
        limiter.evictIdle();
    }
}

