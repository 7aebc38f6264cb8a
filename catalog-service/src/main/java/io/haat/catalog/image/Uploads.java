package io.haat.catalog.image;

import io.haat.platform.web.BadRequestException;
import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;

/** The bytes of an uploaded image part: an empty part is 400 {@code empty-file}. */
public final class Uploads {

    private Uploads() {
    }

    public static byte[] bytes(MultipartFile file) {
        if (file.isEmpty()) {
            throw new BadRequestException("empty-file", "Empty file", "The uploaded file is empty.");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new BadRequestException("The upload could not be read.", e);
        }
    }
}
