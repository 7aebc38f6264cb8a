package io.haat.platform.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import io.haat.test.image.TestImages;
import org.junit.jupiter.api.Test;

/** Upload processing without Spring: format by content, pixel limit before decoding, re-encoding, thumbnails. */
class ImageProcessorTest {

    private final ImageProcessor processor = new ImageProcessor(new ImageLimits(5 * 1024 * 1024, 40_000_000,
            12_000, 2048, 2));

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void recognisesFormatsByTheirFirstBytes() {
        assertThat(ImageFormat.sniff(TestImages.jpeg(10, 10))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(TestImages.png(10, 10))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(TestImages.WEBP_1X1)).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.sniff("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
    }

    @Test
    void makesAFullRenditionAndThumbnailsOf800And200Pixels() throws IOException {
        ProcessedImage image = processor.process(TestImages.png(3000, 1500));
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(2048);
        assertThat(image.height()).isEqualTo(1024);
        assertThat(read(image.large()).getWidth()).isEqualTo(800);
        assertThat(read(image.large()).getHeight()).isEqualTo(400);
        assertThat(read(image.small()).getWidth()).isEqualTo(200);

        ProcessedImage small = processor.process(TestImages.jpeg(120, 90));
        assertThat(small.contentType()).isEqualTo("image/jpeg");
        assertThat(read(small.small()).getWidth()).as("never upscaled").isEqualTo(120);
    }

    @Test
    void stripsMetadataAndStoresThePhotoUpright() throws IOException {
        byte[] upload = TestImages.jpegWithMetadata(300, 100, "GPS 27.7172,85.3240 secret");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("secret").contains("Exif");

        ProcessedImage image = processor.process(upload);
        for (byte[] rendition : new byte[][] {image.full(), image.large(), image.small()}) {
            String raw = new String(rendition, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("secret").doesNotContain("Exif");
        }
        assertThat(image.width()).as("orientation 6 applied").isEqualTo(100);
        assertThat(image.height()).isEqualTo(300);
    }

    @Test
    void refusesADecompressionBombFromItsHeaderWithoutDecodingIt() {
        byte[] bomb = TestImages.pngDeclaring(20_000, 20_000);
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> processor.process(bomb)).isInstanceOf(InvalidImage.class)
                .hasMessageContaining("20000 × 20000");
    }

    @Test
    void refusesWhatIsNotAnAcceptedImage() {
        assertThatThrownBy(() -> processor.process("just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidImage.class).hasMessageContaining("not a JPEG, PNG or WebP");
        byte[] truncated = java.util.Arrays.copyOf(TestImages.png(50, 50), 40);
        assertThatThrownBy(() -> processor.process(truncated)).isInstanceOf(InvalidImage.class)
                .hasMessageContaining("could not be decoded");
        assertThatThrownBy(() -> processor.process(new byte[6 * 1024 * 1024])).isInstanceOf(InvalidImage.class)
                .hasMessageContaining("at most 5242880 bytes");
    }

    @Test
    void decodesWebPWithThePlugin() {
        ProcessedImage image = processor.process(TestImages.WEBP_1X1);
        assertThat(image.width()).isEqualTo(1);
        assertThat(image.contentType()).isIn("image/png", "image/jpeg");
    }
}
