package io.haat.platform.image;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Reads the EXIF orientation of a JPEG (phones store photos sideways plus this tag) so that the re-encoded
 * image, which carries no metadata, is stored upright.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** 1 (as stored) to 8; 1 when absent or unreadable. */
    static int of(byte[] jpeg) {
        try {
            int pos = 2;
            while (pos + 4 < jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
                int marker = jpeg[pos + 1] & 0xFF;
                int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
                if (marker == 0xE1 && length > 8 && new String(jpeg, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("Exif")) {
                    return fromTiff(jpeg, pos + 10);
                }
                if (marker == 0xDA) {
                    break; // start of scan: no more metadata segments
                }
                pos += 2 + length;
            }
        } catch (RuntimeException e) {
            // damaged metadata: keep the image as stored
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff) {
        boolean little = b[tiff] == 'I';
        int ifd = tiff + read(b, tiff + 4, 4, little);
        int entries = read(b, ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (read(b, entry, 2, little) == 0x0112) {
                int value = read(b, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int read(byte[] b, int at, int bytes, boolean little) {
        int value = 0;
        for (int i = 0; i < bytes; i++) {
            int octet = b[at + (little ? bytes - 1 - i : i)] & 0xFF;
            value = (value << 8) | octet;
        }
        return value;
    }

    /** The image turned upright for an orientation value. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        boolean swap = orientation >= 5;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
