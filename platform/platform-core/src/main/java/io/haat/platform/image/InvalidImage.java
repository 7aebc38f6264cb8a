package io.haat.platform.image;

import io.haat.platform.web.BadRequestException;

/** 400: the upload is not an image we accept, is damaged, or is too large once decoded. */
public class InvalidImage extends BadRequestException {

    public InvalidImage(String type, String title, String detail) {
        super(type, title, detail);
    }

    public static InvalidImage notAnImage() {
        return new InvalidImage("not-an-image", "Not an accepted image",
                "The file is not a JPEG, PNG or WebP image (checked by its content, not its name).");
    }

    public static InvalidImage corrupt(String format) {
        return new InvalidImage("corrupt-image", "Damaged image", "The file looks like " + format
                + " but could not be decoded.");
    }

    public static InvalidImage tooManyPixels(int width, int height, long maxPixels, int maxSide) {
        var problem = new InvalidImage("image-dimensions-too-large", "Image dimensions too large",
                "The image is " + width + " × " + height + " pixels; at most " + maxSide + " pixels a side and "
                        + maxPixels + " pixels in all are accepted.");
        problem.with("width", width).with("height", height);
        return problem;
    }

    public static InvalidImage fileTooLarge(long bytes, long maxBytes) {
        var problem = new InvalidImage("image-file-too-large", "Image file too large",
                "The file has " + bytes + " bytes; at most " + maxBytes + " bytes are accepted.");
        problem.with("maxBytes", maxBytes);
        return problem;
    }
}
