package io.haat.catalog.imagesearch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generated "product photos" for the image search tests: each one a gradient background, a textured pattern
 * (stripes at an angle, checks, dots, rings, noise, waves) and a few shapes in several colours, all drawn from a
 * seed, so the set is distinct but reproducible; and the transformations a customer's photo of one goes through.
 */
public final class SyntheticPictures {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 400;

    private SyntheticPictures() {
    }

    /** Picture {@code index} of the set (the same index always draws the same picture). */
    public static BufferedImage product(int index) {
        Random random = new Random(7919L * (index + 1));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color a = colour(random);
        Color b = colour(random);
        g.setPaint(new GradientPaint(0, 0, a, random.nextInt(WIDTH), HEIGHT, b));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        pattern(g, random, index % 6);
        int shapes = 2 + random.nextInt(3);
        for (int s = 0; s < shapes; s++) {
            shape(g, random);
        }
        g.dispose();
        return image;
    }

    /** A named transformation of a picture. */
    public record Transform(String name, UnaryOperator<BufferedImage> apply) {
    }

    /** The transformations a query photo goes through: crops up to 30 %, resizing, re-compression, rotation, light. */
    public static List<Transform> transforms() {
        List<Transform> transforms = new ArrayList<>();
        transforms.add(new Transform("crop 10% centred", i -> crop(i, 0.05, 0.05, 0.90, 0.90)));
        transforms.add(new Transform("crop 30% off-centre", i -> crop(i, 0.14, 0.16, 0.84, 0.83)));
        transforms.add(new Transform("resize to 40%", i -> resize(i, 0.4)));
        transforms.add(new Transform("JPEG quality 0.3", i -> i)); // re-compressed below
        transforms.add(new Transform("rotate 5°", i -> rotate(i, 5)));
        transforms.add(new Transform("rotate -8° and crop 15%", i -> crop(rotate(i, -8), 0.07, 0.08, 0.85, 0.86)));
        transforms.add(new Transform("brighter 25%", i -> light(i, 1.25f, 20)));
        transforms.add(new Transform("darker 30%", i -> light(i, 0.7f, 0)));
        transforms.add(new Transform("darker, cropped 20%, resized 60%", i -> resize(crop(light(i, 0.8f, 0),
                0.1, 0.1, 0.8, 0.8), 0.6)));
        return transforms;
    }

    /** The JPEG the customer uploads: every query is re-compressed, the "JPEG quality" one heavily. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage crop(BufferedImage image, double x, double y, double w, double h) {
        int cx = (int) (image.getWidth() * x);
        int cy = (int) (image.getHeight() * y);
        return copy(image.getSubimage(cx, cy, (int) (image.getWidth() * w), (int) (image.getHeight() * h)));
    }

    static BufferedImage resize(BufferedImage image, double factor) {
        int w = (int) (image.getWidth() * factor);
        int h = (int) (image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Rotated about the centre, then cropped to the largest upright rectangle without empty corners. */
    static BufferedImage rotate(BufferedImage image, double degrees) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0));
        g.drawImage(image, 0, 0, null);
        g.dispose();
        double sin = Math.sin(Math.toRadians(Math.abs(degrees)));
        double mx = 0.5 * h * sin / w + 0.01;
        double my = 0.5 * w * sin / h + 0.01;
        return crop(out, mx, my, 1 - 2 * mx, 1 - 2 * my);
    }

    static BufferedImage light(BufferedImage image, float factor, int offset) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xFF) * factor + offset);
                int gr = clamp(((p >> 8) & 0xFF) * factor + offset);
                int b = clamp((p & 0xFF) * factor + offset);
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static Color colour(Random random) {
        return Color.getHSBColor(random.nextFloat(), 0.3f + 0.7f * random.nextFloat(), 0.35f + 0.65f * random.nextFloat());
    }

    private static void pattern(Graphics2D g, Random random, int kind) {
        Color ink = colour(random);
        g.setColor(new Color(ink.getRed(), ink.getGreen(), ink.getBlue(), 150 + random.nextInt(100)));
        int step = 14 + random.nextInt(30);
        switch (kind) {
            case 0 -> { // stripes at an angle
                Graphics2D s = (Graphics2D) g.create();
                s.rotate(random.nextDouble() * Math.PI, WIDTH / 2.0, HEIGHT / 2.0);
                s.setStroke(new BasicStroke(step / 3f));
                for (int x = -WIDTH; x < 2 * WIDTH; x += step) {
                    s.drawLine(x, -HEIGHT, x, 2 * HEIGHT);
                }
                s.dispose();
            }
            case 1 -> { // checks
                for (int y = 0; y < HEIGHT; y += step) {
                    for (int x = (y / step) % 2 * step; x < WIDTH; x += 2 * step) {
                        g.fillRect(x, y, step, step);
                    }
                }
            }
            case 2 -> { // dots
                for (int y = step / 2; y < HEIGHT; y += step) {
                    for (int x = step / 2; x < WIDTH; x += step) {
                        g.fillOval(x - step / 4, y - step / 4, step / 2, step / 2);
                    }
                }
            }
            case 3 -> { // rings
                g.setStroke(new BasicStroke(step / 4f));
                int cx = random.nextInt(WIDTH);
                int cy = random.nextInt(HEIGHT);
                for (int r = step; r < WIDTH * 1.5; r += step) {
                    g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
                }
            }
            case 4 -> { // speckle noise
                for (int i = 0; i < 4000; i++) {
                    g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 3, 3);
                }
            }
            default -> { // waves
                g.setStroke(new BasicStroke(3f));
                for (int y = 0; y < HEIGHT; y += step) {
                    int prevX = 0;
                    int prevY = y;
                    for (int x = 8; x < WIDTH; x += 8) {
                        int ny = y + (int) (step / 3.0 * Math.sin(x / (double) step));
                        g.drawLine(prevX, prevY, x, ny);
                        prevX = x;
                        prevY = ny;
                    }
                }
            }
        }
    }

    private static void shape(Graphics2D g, Random random) {
        g.setColor(colour(random));
        int w = 60 + random.nextInt(180);
        int h = 60 + random.nextInt(160);
        int x = random.nextInt(WIDTH - w);
        int y = random.nextInt(HEIGHT - h);
        switch (random.nextInt(4)) {
            case 0 -> g.fillOval(x, y, w, h);
            case 1 -> g.fillRect(x, y, w, h);
            case 2 -> g.fillPolygon(new Polygon(new int[] {x, x + w / 2, x + w}, new int[] {y + h, y, y + h}, 3));
            default -> {
                g.setStroke(new BasicStroke(6 + random.nextInt(10)));
                g.drawRoundRect(x, y, w, h, 30, 30);
            }
        }
    }
}
