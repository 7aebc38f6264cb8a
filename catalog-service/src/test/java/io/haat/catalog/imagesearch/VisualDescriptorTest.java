package io.haat.catalog.imagesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The descriptor alone: unit length, stable, closer for a transformed copy than for another picture. */
class VisualDescriptorTest {

    @Test
    void aDescriptorIsAUnitVectorOfFixedLengthAndTheSameForTheSamePicture() {
        VisualDescriptor a = VisualDescriptor.of(SyntheticPictures.product(1));
        VisualDescriptor again = VisualDescriptor.of(SyntheticPictures.product(1));

        assertThat(a.vector()).hasSize(VisualDescriptor.DIMENSIONS).isEqualTo(again.vector());
        assertThat(a.similarity(a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(a.hash()).isEqualTo(again.hash());
        assertThat(VisualDescriptor.hamming(a.hash(), again.hash())).isZero();
    }

    @Test
    void everyTransformedCopyIsCloserToItsPictureThanAnyOtherPictureIs() {
        for (int i = 0; i < 10; i++) {
            BufferedImage picture = SyntheticPictures.product(i);
            VisualDescriptor original = VisualDescriptor.of(picture);
            double closestOther = 0;
            for (int j = 0; j < 10; j++) {
                if (j != i) {
                    closestOther = Math.max(closestOther,
                            original.similarity(VisualDescriptor.of(SyntheticPictures.product(j))));
                }
            }
            for (SyntheticPictures.Transform transform : SyntheticPictures.transforms()) {
                double copy = original.similarity(VisualDescriptor.of(transform.apply().apply(picture)));
                assertThat(copy).as("picture %d, %s", i, transform.name()).isGreaterThan(closestOther);
            }
        }
    }

    @Test
    void aPlainWhitePictureStillHasADirection() {
        BufferedImage white = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        white.getGraphics().fillRect(0, 0, 50, 50);
        VisualDescriptor descriptor = VisualDescriptor.of(white);
        assertThat(descriptor.similarity(descriptor)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
}
