package dev.dlforge.data.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dlforge.core.DlforgeException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDX reader is a parser of files from the internet: random mutations and truncations of a valid
 * file, plain and compressed, must each either read as a consistent array or fail with a
 * {@link DlforgeException}; never another exception, never a large allocation from a lying header.
 */
class IdxReaderFuzzTest {
    static final int ITERATIONS = 3000;
    static final long SEED = 20_240_611L;
    /** Far above what a file of under 2 KB can need (64 KB stream buffers, a 1 MB first chunk), far below a header's lie. */
    static final long MAX_ALLOCATION = 16L << 20;
    private static final int[] SPECIAL = {0, 1, -1, 2, 28, Integer.MAX_VALUE, Integer.MIN_VALUE, 100_000, IdxReader.MAX_SIDE,
        IdxReader.MAX_SIDE + 1, 0x00000803, 0x00000801, 46_341};

    @TempDir
    Path dir;

    @Test
    void mutatedAndTruncatedFilesOnlyEverFailWithADlforgeException() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(SEED);
            byte[] images = IdxFiles.images(30, 6, 5);
            byte[] labels = IdxFiles.labels(1, 2, 3, 4, 5, 6, 7, 8, 9, 0);
            Path file = dir.resolve("fuzz");
            int refused = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                boolean isImages = random.nextBoolean();
                byte[] mutated = mutate(isImages ? images : labels, random);
                int mode = random.nextInt(3); // plain, gzip of the mutation, mutation of the gzip
                byte[] content = mode == 0 ? mutated : mode == 1 ? gzip(mutated) : mutate(gzip(isImages ? images : labels), random);
                Files.write(file, content);
                int dims = isImages ? 3 : 1;
                long[] allocated = new long[1];
                try {
                    allocated[0] = IdxHeaderTest.allocatedBy(() -> {
                        IdxReader.IdxArray array = IdxReader.read(file, dims);
                        long product = 1;
                        for (int d : array.dims()) {
                            assertThat(d).isPositive();
                            product *= d;
                        }
                        assertThat(array.data()).hasSize((int) product);
                    });
                } catch (DlforgeException expected) {
                    refused++;
                    assertThat(expected.getMessage()).startsWith(file.toString());
                } catch (Throwable other) {
                    fail("iteration " + i + " (seed " + SEED + ", mode " + mode + ") threw " + other + " for "
                            + Arrays.toString(Arrays.copyOf(content, Math.min(32, content.length))), other);
                }
                assertThat(allocated[0]).as("bytes allocated in iteration " + i).isLessThan(MAX_ALLOCATION);
            }
            assertThat(refused).as("most mutations are refused, some survive").isBetween(ITERATIONS / 2, ITERATIONS - 1);
        });
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip a few bytes, mostly in the header
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(16, b.length)) : random.nextInt(b.length);
                    b[at] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> { // a header field set to an edge value
                int field = random.nextInt(Math.min(4, b.length / 4));
                ByteBuffer.wrap(b).putInt(field * 4, random.nextInt(4) == 0 ? random.nextInt() : SPECIAL[random.nextInt(SPECIAL.length)]);
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncated
            case 3 -> { // extra bytes at the end
                byte[] extra = new byte[1 + random.nextInt(64)];
                random.nextBytes(extra);
                byte[] longer = Arrays.copyOf(b, b.length + extra.length);
                System.arraycopy(extra, 0, longer, b.length, extra.length);
                b = longer;
            }
            default -> random.nextBytes(b); // noise
        }
        return b;
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
