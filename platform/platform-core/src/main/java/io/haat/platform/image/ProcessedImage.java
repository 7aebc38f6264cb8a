package io.haat.platform.image;

/** An upload after re-encoding: the full rendition (metadata stripped) and its 800 px and 200 px thumbnails. */
public record ProcessedImage(String contentType, int width, int height, byte[] full, byte[] large, byte[] small) {

    /** The rendition served at a size: 0 (full), 800 or 200. */
    public byte[] rendition(int size) {
        return switch (size) {
            case 0 -> full;
            case 800 -> large;
            case 200 -> small;
            default -> throw new IllegalArgumentException("no rendition " + size);
        };
    }
}
