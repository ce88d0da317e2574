package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ImageFiles#decode} parses bytes from anyone: mutated and truncated PNGs must give an image
 * or a {@link DlforgeException}, never another exception or an Error, and never take long; a bit
 * flipped without repairing the CRC is always refused. Most mutations repair the CRCs afterwards, so
 * they reach the decoder and not only the chunk check. The same holds for JPEG, GIF and BMP files.
 */
class ImageFilesFuzzTest {
    private static final long SEED = 20_240_611L;
    private static final int ITERATIONS = 6_000;
    private static final Duration BUDGET = Duration.ofSeconds(90);
    /** Small limits: a mutated header asking for 8192x2929 would be refused by the defaults only after a 24 MB allocation per try. */
    private static final ImageLimits LIMITS = new ImageLimits(512, 1 << 18);

    @Test
    void mutatedAndTruncatedPngsGiveAnImageOrADlforgeExceptionAndNothingElse() throws IOException {
        Random random = new Random(SEED);
        List<byte[]> seeds = seeds(random);
        DecodeBudget budget = new DecodeBudget(1L << 24, Duration.ofSeconds(1));
        long start = System.nanoTime();
        long slowest = 0;
        int decoded = 0;
        int refused = 0;
        int reachedDecoder = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] original = seeds.get(random.nextInt(seeds.size()));
            int kind = random.nextInt(8);
            byte[] png = mutate(original, kind, random);
            long t0 = System.nanoTime();
            try {
                BufferedImage image = ImageFiles.decode(png, "fuzz-" + i + ".png", LIMITS, budget);
                assertThat(image.getWidth() * image.getHeight()).isPositive();
                if (kind == 0) {
                    fail("iteration " + i + ": a PNG with a bit flipped and its CRC left as it was decoded: " + HexFormat.of().formatHex(png));
                }
                decoded++;
            } catch (DlforgeException e) {
                assertThat(e.getMessage()).startsWith("image fuzz-" + i + ".png");
                refused++;
                if (!e.getMessage().contains("PNG chunk") && !e.getMessage().contains("the first chunk")) {
                    reachedDecoder++;
                }
            } catch (Throwable e) {
                fail("iteration " + i + " (mutation " + kind + ") threw " + e + " for " + HexFormat.of().formatHex(png), e);
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            slowest = Math.max(slowest, millis);
            assertThat(millis).as("iteration %d (mutation %d) ms", i, kind).isLessThan(2_000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("whole run").isLessThan(BUDGET);
        }
        assertThat(decoded + refused).isEqualTo(ITERATIONS);
        assertThat(reachedDecoder).as("mutations that got past the chunk check to the decoder").isGreaterThan(ITERATIONS / 10);
        assertThat(budget.available()).isEqualTo(1L << 24);
        System.out.printf("fuzz: %d decoded, %d refused (%d by the decoder), slowest %d ms%n", decoded, refused, reachedDecoder, slowest);
    }

    @Test
    void mutatedAndTruncatedJpegGifAndBmpFilesGiveAnImageOrADlforgeExceptionAndNothingElse() throws IOException {
        Random random = new Random(SEED + 1);
        List<byte[]> seeds = new ArrayList<>();
        for (String format : List.of("jpeg", "gif", "bmp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(randomImage(BufferedImage.TYPE_INT_RGB, 24, 17, random), format, out);
            seeds.add(out.toByteArray());
        }
        DecodeBudget budget = new DecodeBudget(1L << 24, Duration.ofSeconds(1));
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS / 2; i++) {
            byte[] bytes = seeds.get(i % seeds.size()).clone();
            int kind = random.nextInt(3);
            if (kind == 0) {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            } else if (kind == 1) {
                bytes = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
            } else {
                int from = random.nextInt(bytes.length);
                for (int j = from; j < Math.min(bytes.length, from + 1 + random.nextInt(12)); j++) {
                    bytes[j] = (byte) random.nextInt();
                }
            }
            long t0 = System.nanoTime();
            try {
                ImageFiles.decode(bytes, "fuzz-" + i, LIMITS, budget);
            } catch (DlforgeException e) {
                assertThat(e.getMessage()).startsWith("image fuzz-" + i);
            } catch (Throwable e) {
                fail("iteration " + i + " (mutation " + kind + ") threw " + e + " for " + HexFormat.of().formatHex(bytes), e);
            }
            assertThat((System.nanoTime() - t0) / 1_000_000).as("iteration %d ms", i).isLessThan(2_000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("whole run").isLessThan(BUDGET);
        }
        assertThat(budget.available()).isEqualTo(1L << 24);
    }

    /** Small PNGs of every colour type ImageIO writes, with random pixels, plus an interlaced one and a stored one. */
    private static List<byte[]> seeds(Random random) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_INDEXED,
            BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY};
        for (int type : types) {
            seeds.add(png(randomImage(type, 7 + random.nextInt(20), 5 + random.nextInt(20), random), false));
        }
        seeds.add(png(randomImage(BufferedImage.TYPE_INT_RGB, 19, 13, random), true));
        byte[] pixels = new byte[12 * 9];
        random.nextBytes(pixels);
        seeds.add(PngBytes.stored(12, 9, pixels));
        return seeds;
    }

    private static BufferedImage randomImage(int type, int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (interlaced) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // Adam7
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] original, int kind, Random random) {
        byte[] png = original.clone();
        switch (kind) {
            case 0 -> flipBits(png, random); // CRCs left wrong: the chunk check's job
            case 1 -> { // the decoder's job: damaged data behind valid CRCs
                flipBits(png, random);
                fixCrcs(png);
            }
            case 2 -> png = Arrays.copyOf(png, random.nextInt(png.length)); // truncated anywhere
            case 3 -> { // a chunk length set to an edge value
                List<Integer> starts = chunkStarts(png);
                int at = starts.get(random.nextInt(starts.size() - 1)); // the last entry is the end of the file
                int[] lengths = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, ByteBuffer.wrap(png, at, 4).getInt() + random.nextInt(9) - 4};
                ByteBuffer.wrap(png, at, 4).putInt(lengths[random.nextInt(lengths.length)]);
                if (random.nextBoolean()) {
                    fixCrcs(png);
                }
            }
            case 4 -> { // IHDR fields: size, bit depth, colour type, compression, filter, interlace
                int field = 16 + random.nextInt(13);
                int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 255, random.nextInt(256)};
                png[field] = (byte) values[random.nextInt(values.length)];
                fixCrcs(png);
            }
            case 5 -> { // bytes inserted or removed inside the chunks, then CRCs repaired
                int at = 8 + random.nextInt(png.length - 8);
                int n = 1 + random.nextInt(16);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(png, 0, at);
                if (random.nextBoolean()) {
                    byte[] inserted = new byte[n];
                    random.nextBytes(inserted);
                    out.writeBytes(inserted);
                    out.write(png, at, png.length - at);
                } else {
                    int removed = Math.min(n, png.length - at);
                    out.write(png, at + removed, png.length - at - removed);
                }
                png = out.toByteArray();
                fixCrcs(png);
            }
            case 6 -> { // a run of random bytes over the pixel data, CRCs repaired
                int from = 33 + random.nextInt(Math.max(1, png.length - 45));
                for (int i = from; i < Math.min(png.length, from + 1 + random.nextInt(40)); i++) {
                    png[i] = (byte) random.nextInt();
                }
                fixCrcs(png);
            }
            default -> { // a chunk removed or duplicated
                List<Integer> starts = chunkStarts(png);
                int c = random.nextInt(starts.size() - 1);
                int from = starts.get(c);
                int to = starts.get(c + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(png, 0, random.nextBoolean() ? from : to);
                out.write(png, from, png.length - from);
                png = out.toByteArray();
            }
        }
        return png;
    }

    private static void flipBits(byte[] png, Random random) {
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            png[8 + random.nextInt(png.length - 8)] ^= (byte) (1 << random.nextInt(8));
        }
    }

    /** Where each chunk that fits in the file starts, and the file's end. */
    private static List<Integer> chunkStarts(byte[] png) {
        List<Integer> starts = new ArrayList<>();
        int at = 8;
        while (at + 12 <= png.length) {
            starts.add(at);
            long length = ByteBuffer.wrap(png, at, 4).getInt() & 0xFFFFFFFFL;
            if (length > png.length - at - 12) {
                break;
            }
            at += 12 + (int) length;
        }
        starts.add(png.length);
        return starts;
    }

    private static void fixCrcs(byte[] png) {
        List<Integer> starts = chunkStarts(png);
        for (int c = 0; c < starts.size() - 1; c++) {
            int at = starts.get(c);
            long length = ByteBuffer.wrap(png, at, 4).getInt() & 0xFFFFFFFFL;
            if (length <= png.length - at - 12) {
                PngBytes.fixCrc(png, at);
            }
        }
    }
}
