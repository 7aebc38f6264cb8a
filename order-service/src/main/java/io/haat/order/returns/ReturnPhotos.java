package io.haat.order.returns;

import io.haat.platform.image.ImageProcessor;
import io.haat.platform.image.ProcessedImage;
import io.haat.platform.web.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A return's photos, validated and re-encoded by the platform's {@link ImageProcessor} (format by content, pixel
 * limits before decoding, metadata such as GPS stripped) before the return's transaction starts.
 */
@Component
public class ReturnPhotos {

    static final int MAX = 5;

    private final ImageProcessor processor;
    private final long maxStored;

    public ReturnPhotos(ImageProcessor processor, ReturnProperties properties) {
        this.processor = processor;
        this.maxStored = properties.photos().maxBytes();
    }

    /** A photo as it is stored. */
    public record Photo(String contentType, byte[] bytes) {
    }

    /** At most five; an empty part is ignored; a file that is not an accepted image → 400. */
    public List<Photo> process(List<MultipartFile> files) {
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (sent.size() > MAX) {
            throw new InvalidRequestException("photos", "at most " + MAX + " photos, not " + sent.size());
        }
        List<Photo> processed = new ArrayList<>();
        for (MultipartFile file : sent) {
            try {
                ProcessedImage image = processor.process(file.getBytes());
                // the full rendition, or the 800 px one when re-encoding made it larger than a stored photo may be
                byte[] kept = image.full().length <= maxStored ? image.full() : image.large();
                processed.add(new Photo(image.contentType(), kept));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return processed;
    }
}
