package io.haat.platform.image;

import io.haat.platform.web.ServiceUnavailableException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an upload into safe renditions: the format is recognised by content; width and height are read from the
 * header and checked BEFORE decoding (a tiny file declaring 20,000 × 20,000 pixels is refused without allocating
 * them); the image is decoded (subsampled when larger than stored), turned upright, re-encoded without any of
 * the original's metadata (EXIF, GPS, ICC, comments), and scaled to 800 px and 200 px thumbnails.
 * JPEG stays JPEG and PNG stays PNG; WebP (decoded by the TwelveMonkeys plugin; the JDK has no WebP writer)
 * becomes PNG when it has transparency, JPEG otherwise.
 *
 * <p>A plain class: each service that takes images makes one bean of it with its own {@link ImageLimits}.
 */
public class ImageProcessor {

    /** The side of the large thumbnail. */
    public static final int LARGE = 800;
    /** The side of the small thumbnail. */
    public static final int SMALL = 200;

    private final ImageLimits limits;
    private final Semaphore decodes;

    public ImageProcessor(ImageLimits limits) {
        this.limits = limits;
        this.decodes = new Semaphore(Math.max(1, limits.concurrentDecodes()));
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins(); // the WebP reader, from whatever class loader runs the application
    }

    public ProcessedImage process(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw InvalidImage.fileTooLarge(bytes.length, limits.maxBytes());
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(InvalidImage::notAnImage);
        BufferedImage decoded = decode(bytes, format);
        if (format == ImageFormat.JPEG) {
            decoded = ExifOrientation.apply(decoded, ExifOrientation.of(bytes));
        }
        boolean alpha = decoded.getColorModel().hasAlpha();
        boolean png = format == ImageFormat.PNG || format == ImageFormat.WEBP && alpha;
        BufferedImage full = fit(decoded, limits.storedMaxSide());
        BufferedImage large = fit(full, LARGE);
        BufferedImage small = fit(large, SMALL);
        return new ProcessedImage(png ? "image/png" : "image/jpeg", full.getWidth(), full.getHeight(),
                encode(full, png), encode(large, png), encode(small, png));
    }

    private BufferedImage decode(byte[] bytes, ImageFormat format) {
        acquire();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
            if (!readers.hasNext()) {
                throw InvalidImage.notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: it is never read, let alone kept
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > limits.maxSide() || height > limits.maxSide()
                        || (long) width * height > limits.maxPixels()) {
                    throw InvalidImage.tooManyPixels(width, height, limits.maxPixels(), limits.maxSide());
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / limits.storedMaxSide());
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw InvalidImage.corrupt(format.name());
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidImage invalid) {
                throw invalid;
            }
            throw InvalidImage.corrupt(format.name());
        } finally {
            decodes.release();
        }
    }

    private void acquire() {
        try {
            if (!decodes.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new ServiceUnavailableException("Too many images are being processed; retry in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Image processing was interrupted; retry.");
        }
    }

    /** Scaled down (never up) to fit a square of {@code side}, halving first for a smooth result. */
    static BufferedImage fit(BufferedImage source, int side) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) side / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = normalized(source);
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetW && current.getHeight() == targetH ? current
                : draw(current, targetW, targetH);
    }

    // one pixel layout for everything downstream: RGB, or ARGB when there is transparency
    private static BufferedImage normalized(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return image.getType() == type ? image : draw(image, image.getWidth(), image.getHeight());
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, boolean png) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (png) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            BufferedImage rgb = image;
            if (image.getColorModel().hasAlpha()) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.drawImage(image, 0, 0, null);
                g.dispose();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not encode an image", e);
        }
    }
}
