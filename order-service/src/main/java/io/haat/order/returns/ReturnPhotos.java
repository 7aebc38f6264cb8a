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

    public ReturnPhotos(ImageProcessor processor) {
        this.processor = processor;
    }

    /** At most five; an empty part is ignored; a file that is not an accepted image → 400. */
    public List<ProcessedImage> process(List<MultipartFile> files) {
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (sent.size() > MAX) {
            throw new InvalidRequestException("photos", "at most " + MAX + " photos, not " + sent.size());
        }
        List<ProcessedImage> processed = new ArrayList<>();
        for (MultipartFile file : sent) {
            try {
                processed.add(processor.process(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return processed;
    }
}
