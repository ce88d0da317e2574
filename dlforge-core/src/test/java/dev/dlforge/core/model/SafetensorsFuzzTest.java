package dev.dlforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of damaged variants of one valid file: each must either load data consistent with its
 * header or fail with a DlforgeException; no other exception, no crash, no huge allocation.
 */
class SafetensorsFuzzTest {
    private static final int ATTEMPTS = 3000;
    private static final String[] NUMBERS = {"-1", "0", "1", "3", "7", "4294967296", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "-9223372036854775808", "1e30", "2.5", "-0", "\"4\"", "null", "[]", "{}"};
    private static final String[] DTYPES = {"F32", "F16", "BF16", "F64", "I64", "I32", "BOOL", "U8", "F4", "F6_E2M3", "C64",
        "f32", "", "F8", "\"x\"", "FLOAT"};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern DTYPE = Pattern.compile("\"dtype\":\"([A-Z0-9_]+)\"");

    @TempDir
    Path dir;

    @Test
    void damagedFilesLoadConsistentlyOrFailWithADlforgeException() throws Exception {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[24,30]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[30,32]},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[32,48]}}";
        byte[] data = new byte[48];
        new Random(1).nextBytes(data);
        byte[] valid = SafetensorsBytes.of(header, data);
        Random random = new Random(20240501);
        int loaded = 0;
        long start = System.nanoTime();
        try (NDManager manager = Engines.newManager()) {
            for (int i = 0; i < ATTEMPTS; i++) {
                String kind = kinds()[random.nextInt(kinds().length)];
                byte[] bytes = mutate(kind, valid, header, data, random);
                Path file = dir.resolve("fuzz-" + i + ".safetensors");
                Files.write(file, bytes);
                try (NDManager scope = manager.newSubManager()) {
                    loadEverything(file, scope);
                    loaded++;
                } catch (DlforgeException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (Throwable other) {
                    fail("attempt " + i + " (" + kind + ") threw " + other + " for bytes " + Arrays.toString(bytes), other);
                }
                Files.delete(file);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // both outcomes must occur, or the mutations are not exercising the reader
        assertThat(loaded).isBetween(ATTEMPTS / 20, ATTEMPTS - ATTEMPTS / 20);
    }

    private static String[] kinds() {
        return new String[] {"flip-length", "flip-header", "flip-data", "truncate", "extend", "set-length", "rewrite-number", "rewrite-dtype"};
    }

    /** Loads every tensor both ways; what loads must match the header's shape. */
    private static void loadEverything(Path file, NDManager manager) {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            for (String name : st.names()) {
                SafetensorsEntry e = st.entry(name);
                try {
                    NDArray a = st.loadFloat32(name, manager);
                    assertThat(a.getShape()).isEqualTo(new Shape(e.shape()));
                } catch (DlforgeException notAFloat) {
                    long[] values = st.loadInt64(name);
                    assertThat((long) values.length).isEqualTo(e.elementCount());
                }
            }
        }
    }

    private static byte[] mutate(String kind, byte[] valid, String header, byte[] data, Random r) {
        byte[] b = valid.clone();
        switch (kind) {
            case "flip-length" -> b[r.nextInt(8)] ^= (byte) (1 << r.nextInt(8));
            case "flip-header" -> {
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    b[8 + r.nextInt(b.length - 8 - data.length)] = (byte) r.nextInt(256);
                }
            }
            case "flip-data" -> b[b.length - 1 - r.nextInt(data.length)] ^= (byte) (1 << r.nextInt(8));
            case "truncate" -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case "extend" -> {
                b = Arrays.copyOf(b, b.length + 1 + r.nextInt(64));
                for (int k = valid.length; k < b.length; k++) {
                    b[k] = (byte) r.nextInt(256);
                }
            }
            case "set-length" -> {
                long[] lengths = {0, 1, 7, header.length() - 1, header.length() + 1, header.length() + data.length, 100_000_000,
                    100_000_001, Long.MAX_VALUE, Long.MIN_VALUE, -1, r.nextLong()};
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, lengths[r.nextInt(lengths.length)]);
            }
            case "rewrite-number" -> b = SafetensorsBytes.of(replaceOne(header, NUMBER, NUMBERS[r.nextInt(NUMBERS.length)], r), data);
            case "rewrite-dtype" -> b = SafetensorsBytes.of(replaceOne(header, DTYPE, "\"dtype\":\"" + DTYPES[r.nextInt(DTYPES.length)] + "\"", r), data);
            default -> throw new IllegalArgumentException(kind);
        }
        return b;
    }

    /** Replaces one randomly chosen match of {@code pattern} in {@code text}. */
    private static String replaceOne(String text, Pattern pattern, String replacement, Random r) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        int target = r.nextInt(count);
        m.reset();
        for (int k = 0; k <= target; k++) {
            m.find();
        }
        return text.substring(0, m.start()) + replacement + text.substring(m.end());
    }
}
