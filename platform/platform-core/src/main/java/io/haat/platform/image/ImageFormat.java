package io.haat.platform.image;

import java.util.Optional;

/** The accepted upload formats, recognised by their first bytes (never by file name or declared type). */
public enum ImageFormat {
    JPEG("jpeg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp");

    private final String readerName;
    private final String mediaType;

    ImageFormat(String readerName, String mediaType) {
        this.readerName = readerName;
        this.mediaType = mediaType;
    }

    public String readerName() {
        return readerName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of(PNG);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
