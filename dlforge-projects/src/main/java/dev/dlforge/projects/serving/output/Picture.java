package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A picture a model made (style transfer, a GAN's sample, a denoised photo). In JSON the bytes are base64
 * ({@code "image"}), as the image predictors take pictures.
 *
 * @param mediaType the bytes' format, e.g. {@code image/png}
 * @param image the encoded picture
 * @param width pixels
 * @param height pixels
 */
@JsonTypeName("picture")
public record Picture(@JsonProperty("media_type") String mediaType, byte[] image, int width, int height) implements Output {

    public Picture {
        Objects.requireNonNull(mediaType, "mediaType");
        if (image == null || image.length == 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture needs bytes and a size of at least 1x1, got " + width + "x" + height);
        }
    }

    /** {@code image} encoded as PNG. */
    public static Picture png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new DlforgeException("no PNG writer for a picture of type " + image.getType(), "draw the picture as TYPE_INT_RGB");
            }
        } catch (IOException e) {
            throw new DlforgeException("cannot encode a picture as PNG: " + e.getMessage(), "report this as a bug");
        }
        return new Picture("image/png", out.toByteArray(), image.getWidth(), image.getHeight());
    }

    /** The file name extension for {@link #mediaType}, e.g. {@code png}. */
    public String extension() {
        String sub = mediaType.substring(mediaType.indexOf('/') + 1);
        return "jpeg".equals(sub) ? "jpg" : sub;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Picture p && mediaType.equals(p.mediaType) && Arrays.equals(image, p.image) && width == p.width && height == p.height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, Arrays.hashCode(image), width, height);
    }

    @Override
    public String toString() {
        return "Picture[" + mediaType + ", " + image.length + " bytes, " + width + "x" + height + "]";
    }
}
