package dev.dlforge.data.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An IDX header is checked before anything is allocated from it, and the file must be as long as it says. */
class IdxHeaderTest {
    @TempDir
    Path dir;

    /** An image-file header (N, rows, cols) followed by {@code dataBytes} bytes. */
    static byte[] header(int n, int rows, int cols, int dataBytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(n);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(new byte[dataBytes]);
        return bytes.toByteArray();
    }

    /** Bytes this thread allocated while running {@code body}. */
    static long allocatedBy(Runnable body) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        body.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"0,28,28", "5,0,0", "5,28,0", "-3,28,28"})
    void aDimensionBelowOneIsRefusedNamingTheFile(int n, int rows, int cols) throws Exception {
        Path file = Files.write(dir.resolve("img"), header(n, rows, cols, 0));
        assertThatThrownBy(() -> IdxReader.read(file, 3)).isInstanceOf(DlforgeException.class)
                .hasMessageStartingWith(file + ": dimension").hasMessageContaining("must be at least 1")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("fetch the dataset again"));
    }

    @ParameterizedTest(name = "gzip={0}")
    @CsvSource({"false", "true"})
    void anAbsurdHeaderIsRefusedBeforeAllocating(boolean gzip) throws Exception {
        Path huge = dir.resolve("huge");
        IdxFiles.write(huge, header(1, 100_000, 100_000, 16), gzip);
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> IdxReader.read(huge, 3)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("1x100000").hasMessageContaining("above " + IdxReader.MAX_SIDE));
        assertThat(allocated).as("bytes allocated").isLessThan(8L << 20);

        // Within every limit (1.6 GB) yet backed by 16 bytes: refused by the file length, or as the data fails to arrive.
        Path liar = dir.resolve("liar");
        IdxFiles.write(liar, header(1, 16_000, 16_000, 16), gzip);
        allocated = allocatedBy(() -> assertThatThrownBy(() -> IdxReader.read(liar, 3)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("truncated: header 1x16000x16000 promises 256000000 bytes of data, file has 16"));
        assertThat(allocated).as("bytes allocated").isLessThan(8L << 20);
    }

    @ParameterizedTest(name = "gzip={0}")
    @CsvSource({"false", "true"})
    void bytesBeyondWhatTheHeaderDescribesAreRefused(boolean gzip) throws Exception {
        byte[] valid = IdxFiles.images(3, 2, 4);
        IdxFiles.write(dir.resolve("long"), Arrays.copyOf(valid, valid.length + 3), gzip);
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("long"), 3)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void aValidFileReadsWithExactlyItsData() throws Exception {
        IdxFiles.write(dir.resolve("img"), IdxFiles.images(3, 2, 4), false);
        IdxReader.IdxArray array = IdxReader.read(dir.resolve("img"), 3);
        assertThat(array.dims()).containsExactly(3, 2, 4);
        assertThat(array.data()).hasSize(24);
    }
}
