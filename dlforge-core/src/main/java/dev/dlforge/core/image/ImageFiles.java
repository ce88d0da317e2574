package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Decodes user images (PNG, JPEG, GIF, BMP) with one clear error for each way that can fail. */
public final class ImageFiles {
    /** Larger files are refused before decoding: a 28x28 classifier needs no 50 MB photo. */
    public static final long MAX_BYTES = 32L << 20;

    private ImageFiles() {}

    public static BufferedImage read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DlforgeException("image " + file + " is " + (size >> 20) + " MB, over the "
                        + (MAX_BYTES >> 20) + " MB limit", "scale it down first");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DlforgeException("image " + file + " does not exist", "check the path");
        } catch (IOException e) {
            throw new DlforgeException("cannot read image " + file + ": " + e.getMessage(), "check the file's permissions");
        }
        return decode(bytes, file.toString());
    }

    /** Decodes image bytes; {@code name} appears in errors (a file name, an upload's name). */
    public static BufferedImage decode(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new DlforgeException("image " + name + " is empty", "pass a PNG or JPEG file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // ImageIO signals truncated or corrupt data with IIOException and, for some inputs,
            // with runtime exceptions from inside its decoders.
            throw new DlforgeException("image " + name + " is corrupt or truncated (" + e.getMessage() + ")",
                    "re-export it as PNG or JPEG");
        }
        if (image == null) {
            throw new DlforgeException("image " + name + " is not in a format dlforge reads", "use PNG, JPEG, GIF or BMP");
        }
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new DlforgeException("image " + name + " has no pixels", "pass a non-empty image");
        }
        return image;
    }
}
