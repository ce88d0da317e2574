package dev.dlforge.data.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.data.image.ImageClassData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class CifarBinaryReaderTest {
    @TempDir
    Path dir;

    /** {@code n} records whose label is i % 10 and whose pixels encode (record, channel). */
    static byte[] records(int n, int firstId) {
        byte[] b = new byte[n * CifarBinaryReader.RECORD];
        for (int i = 0; i < n; i++) {
            b[i * CifarBinaryReader.RECORD] = (byte) ((firstId + i) % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    b[i * CifarBinaryReader.RECORD + 1 + c * 1024 + p] = (byte) (10 * c + firstId + i);
                }
            }
        }
        return b;
    }

    static Path tarball(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (var e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("cifar-10-batches-bin/" + e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> canonical(byte[] testBatch) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("batches.meta.txt", "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n".getBytes(StandardCharsets.UTF_8));
        entries.put("data_batch_2.bin", records(3, 3));
        entries.put("data_batch_1.bin", records(3, 0));
        entries.put("test_batch.bin", testBatch);
        return entries;
    }

    @Test
    void readsTheCanonicalTarballInBatchOrder() throws IOException {
        ImageClassData data = CifarBinaryReader.read(tarball(dir.resolve("c.tar.gz"), canonical(records(2, 50))), "cifar-10");
        assertThat(data.classes()).hasSize(10).startsWith("airplane").endsWith("truck");
        assertThat(data.train().size()).isEqualTo(6);
        assertThat(data.train().labels()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(data.train().channels()).isEqualTo(3);
        // record 4 (id 4): green plane value 10 * 1 + 4
        assertThat(data.train().pixels()[4 * 3072 + 1024]).isEqualTo((byte) 14);
        assertThat(data.test().size()).isEqualTo(2);
        assertThat(data.train().image(0).getWidth()).isEqualTo(32);
    }

    @Test
    void partialRecordIsReportedAsTruncation() throws IOException {
        byte[] cut = java.util.Arrays.copyOf(records(2, 0), CifarBinaryReader.RECORD + 100);
        Path file = tarball(dir.resolve("c.tar.gz"), canonical(cut));
        assertThatThrownBy(() -> CifarBinaryReader.read(file, "cifar-10")).hasMessageContaining("test_batch.bin").hasMessageContaining("truncated");
    }

    @Test
    void tarballWithoutTestBatchIsRejected() throws IOException {
        Map<String, byte[]> entries = canonical(records(1, 0));
        entries.remove("test_batch.bin");
        Path file = tarball(dir.resolve("c.tar.gz"), entries);
        assertThatThrownBy(() -> CifarBinaryReader.read(file, "cifar-10")).hasMessageContaining("lacks test_batch.bin");
    }

    @Test
    void notAGzipIsRejected() throws IOException {
        Files.writeString(dir.resolve("c.tar.gz"), "nope");
        assertThatThrownBy(() -> CifarBinaryReader.read(dir.resolve("c.tar.gz"), "cifar-10")).hasMessageContaining("not a readable CIFAR-10");
    }
}
