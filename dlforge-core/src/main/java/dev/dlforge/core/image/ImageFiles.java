package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes user images (PNG, JPEG, GIF, BMP) with one clear error for each way that can fail. Every
 * picture a user gives dlforge (CLI predict, the HTTP API, dataset files) is decoded here, so the
 * checks against corrupt files and decompression bombs live in one place.
 */
public final class ImageFiles {
    /** Larger files are refused before decoding: a 28x28 classifier needs no 50 MB photo. */
    public static final long MAX_BYTES = 32L << 20;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

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

    /** Decodes image bytes within {@link ImageLimits#current()}; {@code name} appears in errors (a file name, an upload's name). */
    public static BufferedImage decode(byte[] bytes, String name) {
        return decode(bytes, name, ImageLimits.current());
    }

    /**
     * Decodes image bytes after checking them: a PNG's chunks and CRCs ({@link PngChunks}), then the
     * size its header gives against {@code limits}, then the pixels within the process-wide
     * {@link DecodeBudget}. Only PNG, JPEG, GIF and BMP are read: the other formats ImageIO knows
     * (TIFF, WBMP) are larger attack surface and nothing dlforge needs.
     *
     * @throws ImageTooLargeException when the header asks for more than {@code limits}, or decoding
     *     runs out of memory (the process stays healthy: the half-built image is garbage)
     * @throws ImageDecodeBusyException when other decodes hold the budget for the whole bounded wait
     * @throws DlforgeException when the bytes are empty, corrupt, truncated or in another format
     */
    public static BufferedImage decode(byte[] bytes, String name, ImageLimits limits) {
        return decode(bytes, name, limits, DecodeBudget.shared());
    }

    static BufferedImage decode(byte[] bytes, String name, ImageLimits limits, DecodeBudget budget) {
        if (bytes.length == 0) {
            throw new DlforgeException("image " + name + " is empty", "pass a PNG or JPEG file");
        }
        if (PngChunks.isPng(bytes)) {
            PngChunks.check(bytes, name);
        }
        int width = 0;
        int height = 0;
        ImageReader reader = null;
        // In memory, not ImageIO's default file cache: no temp file per request, and no copy of the
        // bytes beyond what the reader has not yet consumed (seek-forward-only lets it drop the rest).
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader = readerFor(in);
            if (reader == null) {
                throw new DlforgeException("image " + name + " is not in a format dlforge reads", "use PNG, JPEG, GIF or BMP");
            }
            reader.setInput(in, true, true);
            width = reader.getWidth(0); // the header only: nothing is allocated for pixels yet
            height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new DlforgeException("image " + name + " has no pixels", "pass a non-empty image");
            }
            limits.check(name, width, height);
            BufferedImage image;
            try (DecodeBudget.Permit permit = budget.acquire((long) width * height, name)) {
                image = reader.read(0);
            }
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw new DlforgeException("image " + name + " has no pixels", "pass a non-empty image");
            }
            return image;
        } catch (DlforgeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) { // the PNG reader wraps every Throwable in an IIOException
                throw ImageTooLargeException.outOfMemory(name, width, height, limits, oom);
            }
            // ImageIO signals truncated or corrupt data with IIOException and, for some inputs,
            // with runtime exceptions from inside its decoders.
            throw new DlforgeException("image " + name + " is corrupt or truncated (" + e.getMessage() + ")",
                    "re-export it as PNG or JPEG");
        } catch (OutOfMemoryError e) {
            throw ImageTooLargeException.outOfMemory(name, width, height, limits, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /** The first of ImageIO's readers that recognises the bytes and is one of the formats dlforge reads. */
    private static ImageReader readerFor(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String format;
            try {
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
            } catch (IOException e) {
                format = "";
            }
            if (FORMATS.contains(format)) {
                return reader;
            }
            reader.dispose();
        }
        return null;
    }
}
