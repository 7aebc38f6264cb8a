package io.haat.catalog.imagesearch;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A hand-made visual descriptor of a picture, computed the same way for a product image and for a customer's photo:
 * <ol>
 *   <li>a colour histogram in HSV (12 hues × 2 saturations, soft-binned, plus 4 grey levels for unsaturated pixels),
 *       weighted towards the centre (a crop removes borders first) — hue ignores brightness changes;</li>
 *   <li>an edge-orientation histogram (12 unsigned orientations, soft-binned, gradient-magnitude weighted) of the
 *       whole picture and of each cell of a 2 × 2 grid, plus the relative edge density of a 3 × 3 grid (texture
 *       layout; brightness scaling cancels out);</li>
 *   <li>the low frequencies of a 32 × 32 DCT (as in pHash), also kept as a 64-bit perceptual {@link #hash()}.</li>
 * </ol>
 * Each block is square-rooted (Hellinger) where it is a histogram, L2-normalised, weighted and concatenated; the
 * whole vector is L2-normalised, so cosine similarity compares two pictures. Plain Java, no model, no download.
 *
 * @param vector the concatenated, L2-normalised descriptor ({@link #DIMENSIONS} floats)
 * @param hash   the DCT perceptual hash (64 bits), for re-ranking near ties by Hamming distance
 */
public record VisualDescriptor(float[] vector, long hash) {

    static final int HUES = 12;
    static final int SATURATIONS = 2;
    static final int GREYS = 4;
    static final int COLOUR = HUES * SATURATIONS + GREYS;
    static final int ORIENTATIONS = 12;
    static final int EDGE_GLOBAL = ORIENTATIONS;
    static final int EDGE_GRID = 4 * ORIENTATIONS;
    static final int DENSITY = 9;
    static final int DCT = 8 * 8 - 1;
    /** Bumped whenever the algorithm changes: stored descriptors of another version are computed again. */
    public static final int VERSION = 1;
    /** Length of {@link #vector()}: the index's vector field is declared with it. */
    public static final int DIMENSIONS = COLOUR + EDGE_GLOBAL + EDGE_GRID + DENSITY + DCT;

    private static final int SIDE = 96;
    private static final float W_COLOUR = 1.0f;
    private static final float W_EDGE_GLOBAL = 0.55f;
    private static final float W_EDGE_GRID = 0.45f;
    private static final float W_DENSITY = 0.3f;
    private static final float W_DCT = 0.35f;

    public VisualDescriptor {
        if (vector.length != DIMENSIONS) {
            throw new IllegalArgumentException("a descriptor has " + DIMENSIONS + " dimensions, not " + vector.length);
        }
    }

    public static VisualDescriptor of(BufferedImage picture) {
        int[] rgb = pixels(picture);
        float[] luma = new float[SIDE * SIDE];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }
        float[] vector = new float[DIMENSIONS];
        int at = 0;
        at = put(vector, at, hellinger(colour(rgb)), W_COLOUR);
        float[][] edges = edges(luma);
        at = put(vector, at, hellinger(edges[0]), W_EDGE_GLOBAL);
        at = put(vector, at, hellinger(edges[1]), W_EDGE_GRID);
        at = put(vector, at, edges[2], W_DENSITY);
        float[] dct = dct(luma);
        at = put(vector, at, dct, W_DCT);
        normalise(vector);
        return new VisualDescriptor(vector, hashOf(dct));
    }

    /** Cosine similarity of two descriptors (both unit length): 1 for the same picture. */
    public double similarity(VisualDescriptor other) {
        return dot(vector, other.vector);
    }

    /** Bits in which two perceptual hashes differ (0 … 64). */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    // the picture scaled (aspect ignored) to SIDE × SIDE RGB, transparent areas on white
    private static int[] pixels(BufferedImage picture) {
        BufferedImage square = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIDE, SIDE);
            g.drawImage(picture, 0, 0, SIDE, SIDE, null);
        } finally {
            g.dispose();
        }
        return square.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
    }

    private static float[] colour(int[] rgb) {
        float[] histogram = new float[COLOUR];
        float[] hsv = new float[3];
        float centre = (SIDE - 1) / 2f;
        float sigma2 = 2 * (0.45f * SIDE) * (0.45f * SIDE);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int p = rgb[y * SIDE + x];
                Color.RGBtoHSB((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, hsv);
                float dx = x - centre;
                float dy = y - centre;
                float weight = (float) Math.exp(-(dx * dx + dy * dy) / sigma2);
                float chroma = hsv[1] * hsv[2];
                if (chroma < 0.12f) {
                    soft(histogram, HUES * SATURATIONS, GREYS, hsv[2] * (GREYS - 1), false, weight);
                } else {
                    float satPosition = Math.min(1f, Math.max(0f, (hsv[1] - 0.2f) / 0.6f)) * (SATURATIONS - 1);
                    int s0 = (int) satPosition;
                    float s1w = satPosition - s0;
                    float huePosition = hsv[0] * HUES - 0.5f;
                    soft(histogram, s0 * HUES, HUES, huePosition, true, weight * (1 - s1w));
                    if (s1w > 0 && s0 + 1 < SATURATIONS) {
                        soft(histogram, (s0 + 1) * HUES, HUES, huePosition, true, weight * s1w);
                    }
                }
            }
        }
        return histogram;
    }

    // linear interpolation between the two nearest bins of histogram[offset … offset+bins)
    private static void soft(float[] histogram, int offset, int bins, float position, boolean circular, float weight) {
        int lower = (int) Math.floor(position);
        float upperWeight = position - lower;
        int upper = lower + 1;
        if (circular) {
            lower = Math.floorMod(lower, bins);
            upper = Math.floorMod(upper, bins);
        } else {
            lower = Math.max(0, Math.min(bins - 1, lower));
            upper = Math.max(0, Math.min(bins - 1, upper));
        }
        histogram[offset + lower] += weight * (1 - upperWeight);
        histogram[offset + upper] += weight * upperWeight;
    }

    /** [0] global orientations, [1] orientations per 2 × 2 cell, [2] relative edge density per 3 × 3 cell. */
    private static float[][] edges(float[] luma) {
        float[] global = new float[EDGE_GLOBAL];
        float[] grid = new float[EDGE_GRID];
        float[] density = new float[DENSITY];
        double total = 0;
        for (int y = 1; y < SIDE - 1; y++) {
            for (int x = 1; x < SIDE - 1; x++) {
                float gx = luma[(y - 1) * SIDE + x + 1] + 2 * luma[y * SIDE + x + 1] + luma[(y + 1) * SIDE + x + 1]
                        - luma[(y - 1) * SIDE + x - 1] - 2 * luma[y * SIDE + x - 1] - luma[(y + 1) * SIDE + x - 1];
                float gy = luma[(y + 1) * SIDE + x - 1] + 2 * luma[(y + 1) * SIDE + x] + luma[(y + 1) * SIDE + x + 1]
                        - luma[(y - 1) * SIDE + x - 1] - 2 * luma[(y - 1) * SIDE + x] - luma[(y - 1) * SIDE + x + 1];
                float magnitude = (float) Math.sqrt(gx * gx + gy * gy);
                if (magnitude < 8) {
                    continue; // JPEG noise and smooth gradients
                }
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                float position = (float) (angle / Math.PI * ORIENTATIONS) - 0.5f;
                soft(global, 0, ORIENTATIONS, position, true, magnitude);
                int cell = (y * 2 / SIDE) * 2 + (x * 2 / SIDE);
                soft(grid, cell * ORIENTATIONS, ORIENTATIONS, position, true, magnitude);
                density[(y * 3 / SIDE) * 3 + (x * 3 / SIDE)] += magnitude;
                total += magnitude;
            }
        }
        if (total > 0) {
            for (int i = 0; i < DENSITY; i++) {
                density[i] = (float) (density[i] / total);
            }
        }
        return new float[][] {global, grid, density};
    }

    // the 8 × 8 lowest frequencies (without the DC term) of the 32 × 32 DCT-II of the luma
    private static float[] dct(float[] luma) {
        int n = 32;
        float[] small = new float[n * n];
        int step = SIDE / n;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                float sum = 0;
                for (int dy = 0; dy < step; dy++) {
                    for (int dx = 0; dx < step; dx++) {
                        sum += luma[(y * step + dy) * SIDE + x * step + dx];
                    }
                }
                small[y * n + x] = sum / (step * step);
            }
        }
        double[][] cos = new double[8][n];
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < n; x++) {
                cos[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * n));
            }
        }
        float[] low = new float[DCT];
        int k = 0;
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                if (u == 0 && v == 0) {
                    continue;
                }
                double sum = 0;
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        sum += small[y * n + x] * cos[u][x] * cos[v][y];
                    }
                }
                low[k++] = (float) sum;
            }
        }
        return low;
    }

    private static long hashOf(float[] dct) {
        float[] sorted = dct.clone();
        Arrays.sort(sorted);
        float median = sorted[sorted.length / 2];
        long hash = 0;
        for (int i = 0; i < dct.length; i++) {
            if (dct[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    private static float[] hellinger(float[] histogram) {
        float[] rooted = new float[histogram.length];
        for (int i = 0; i < histogram.length; i++) {
            rooted[i] = (float) Math.sqrt(Math.max(0, histogram[i]));
        }
        return rooted;
    }

    // block normalised to unit length, then scaled by its weight, copied into vector at `at`
    private static int put(float[] vector, int at, float[] block, float weight) {
        float[] copy = block.clone();
        normalise(copy);
        for (int i = 0; i < copy.length; i++) {
            vector[at + i] = copy[i] * weight;
        }
        return at + copy.length;
    }

    private static void normalise(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
    }
}
