package dev.dlforge.data.read;

import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.image.LabeledImages;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * CIFAR-10 in its canonical binary distribution, {@code cifar-10-binary.tar.gz}, read straight from
 * the tarball: {@code data_batch_1..5.bin} (train), {@code test_batch.bin} (test) and
 * {@code batches.meta.txt} (class names). Each record is one label byte followed by 3,072 pixel
 * bytes: the red, green and blue 32x32 planes, row-major, i.e. (C, H, W).
 */
public final class CifarBinaryReader {
    static final int SIDE = 32;
    static final int RECORD = 1 + 3 * SIDE * SIDE;

    private CifarBinaryReader() {}

    public static ImageClassData read(Path tarGz, String datasetId) throws IOException {
        TreeMap<String, byte[]> trainBatches = new TreeMap<>();
        byte[] test = null;
        List<String> classes = null;
        try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(tarGz), 1 << 16));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (name.matches("data_batch_\\d+\\.bin")) {
                    trainBatches.put(name, readAll(tar));
                } else if (name.equals("test_batch.bin")) {
                    test = readAll(tar);
                } else if (name.equals("batches.meta.txt")) {
                    classes = Arrays.stream(new String(readAll(tar), StandardCharsets.UTF_8).split("\\s+"))
                            .filter(s -> !s.isBlank()).toList();
                }
            }
        } catch (IOException e) {
            throw new IOException(tarGz.getFileName() + ": not a readable CIFAR-10 binary tarball (" + e.getMessage() + ")", e);
        }
        if (trainBatches.isEmpty() || test == null || classes == null) {
            throw new IOException(tarGz.getFileName() + " lacks " + (trainBatches.isEmpty() ? "data_batch_*.bin" : test == null
                    ? "test_batch.bin" : "batches.meta.txt") + ": not the CIFAR-10 binary version");
        }
        List<byte[]> parts = new ArrayList<>(trainBatches.values());
        LabeledImages train = records(concat(parts), classes.size(), "data_batch_*.bin");
        LabeledImages testImages = records(test, classes.size(), "test_batch.bin");
        return new ImageClassData(datasetId, classes, train, testImages,
                "the canonical split: data_batch_1-5 for training, test_batch for testing");
    }

    /** Parses concatenated records; rejects a partial record or an out-of-range label. */
    static LabeledImages records(byte[] bytes, int classes, String what) throws IOException {
        if (bytes.length % RECORD != 0) {
            throw new IOException(what + ": " + bytes.length + " bytes is not a whole number of " + RECORD
                    + "-byte records (truncated file?)");
        }
        int n = bytes.length / RECORD;
        int[] labels = new int[n];
        byte[] pixels = new byte[n * (RECORD - 1)];
        for (int i = 0; i < n; i++) {
            labels[i] = bytes[i * RECORD] & 0xFF;
            if (labels[i] >= classes) {
                throw new IOException(what + ": label " + labels[i] + " in record " + i + " is out of range for " + classes + " classes");
            }
            System.arraycopy(bytes, i * RECORD + 1, pixels, i * (RECORD - 1), RECORD - 1);
        }
        return new LabeledImages(pixels, labels, 3, SIDE, SIDE);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
