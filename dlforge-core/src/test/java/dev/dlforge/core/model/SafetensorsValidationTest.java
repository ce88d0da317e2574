package dev.dlforge.core.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each header rule of the format, broken once by a hand-made file. */
class SafetensorsValidationTest {
    @TempDir
    Path dir;

    private static String tensor(String name, String dtype, String shape, String offsets) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    private void rejects(byte[] bytes, String... fragments) throws Exception {
        Path file = SafetensorsBytes.write(dir, "bad.safetensors", bytes);
        var thrown = assertThatThrownBy(() -> SafetensorsFile.open(file).close())
                .isInstanceOf(DlforgeException.class).hasMessageContaining(file.toString());
        for (String f : fragments) {
            thrown.hasMessageContaining(f);
        }
    }

    private void rejects(String header, int dataBytes, String... fragments) throws Exception {
        rejects(SafetensorsBytes.of(header, new byte[dataBytes]), fragments);
    }

    @Test
    void aFileShorterThanTheLengthPrefixIsRejected() throws Exception {
        rejects(new byte[5], "shorter than the 8-byte header length");
    }

    @Test
    void aHeaderLengthOverTheCapOrPastTheFileIsRejectedBeforeAllocating() throws Exception {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        rejects(SafetensorsBytes.withLength(100_000_001L, json, new byte[0]), "100000001 bytes, over the limit");
        rejects(SafetensorsBytes.withLength(-1L, json, new byte[0]), "18446744073709551615 bytes");
        rejects(SafetensorsBytes.withLength(50, json, new byte[0]), "header of 50 bytes, but only 2 bytes follow");
    }

    @Test
    void aHeaderThatIsNotUtf8OrNotAJsonObjectIsRejected() throws Exception {
        rejects(SafetensorsBytes.withLength(4, new byte[] {'{', (byte) 0xC3, '(', '}'}, new byte[0]), "not valid UTF-8");
        rejects("{\"a\":", 0, "not valid JSON");
        rejects("[1, 2]", 0, "not a JSON object");
        rejects("", 0, "not a JSON object");
        rejects("{} {}", 0, "text after the end");
    }

    @Test
    void anEntryThatIsNotAnObjectOrLacksFieldsIsRejected() throws Exception {
        rejects("{\"w\": 3}", 0, "tensor 'w'", "not an object");
        rejects("{\"w\": {\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "tensor 'w'", "no dtype");
        rejects("{\"w\": {\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4, "tensor 'w' shape");
        rejects("{" + tensor("w", "F32", "[1]", "[0,4,8]") + "}", 4, "tensor 'w' data_offsets", "not 2");
        rejects("{\"__metadata__\":{\"k\":1}}", 0, "__metadata__ value 'k'", "not a string");
        rejects("{\"__metadata__\":[\"k\"]}", 0, "__metadata__", "not an object");
    }

    @Test
    void anUnknownDtypeIsRejected() throws Exception {
        rejects("{" + tensor("w", "float32", "[1]", "[0,4]") + "}", 4, "tensor 'w'", "unknown dtype 'float32'");
    }

    @Test
    void negativeFractionalOrHugeNumbersAreRejected() throws Exception {
        rejects("{" + tensor("w", "F32", "[-1]", "[0,4]") + "}", 4, "tensor 'w' shape", "negative");
        rejects("{" + tensor("w", "F32", "[2.5]", "[0,4]") + "}", 4, "tensor 'w' shape", "2.5");
        rejects("{" + tensor("w", "F32", "[1e30]", "[0,4]") + "}", 4, "tensor 'w' shape");
        rejects("{" + tensor("w", "F32", "[18446744073709551616]", "[0,4]") + "}", 4, "fits 64 bits");
        rejects("{" + tensor("w", "F32", "[\"1\"]", "[0,4]") + "}", 4, "tensor 'w' shape");
        rejects("{" + tensor("w", "F32", "[1]", "[-4,0]") + "}", 4, "tensor 'w' data_offsets", "negative");
    }

    @Test
    void aShapeWhoseByteSizeOverflowsIsRejected() throws Exception {
        rejects("{" + tensor("w", "F32", "[4294967296,4294967296]", "[0,4]") + "}", 4, "tensor 'w'", "overflows");
        rejects("{" + tensor("w", "F64", "[1152921504606846976, 2]", "[0,4]") + "}", 4, "overflows");
    }

    @Test
    void offsetsThatDisagreeWithShapeAreReversedOrPastTheEndAreRejected() throws Exception {
        rejects("{" + tensor("w", "F32", "[2]", "[0,4]") + "}", 4, "tensor 'w'", "spanning 4 bytes", "need 8");
        rejects("{" + tensor("w", "F32", "[0]", "[4,0]") + "}", 4, "tensor 'w'", "end before they begin");
        rejects("{" + tensor("w", "F32", "[2]", "[0,8]") + "}", 4, "tensor 'w'", "only 4 bytes long");
        rejects("{" + tensor("w", "F4", "[3]", "[0,1]") + "}", 1, "not a whole number of bytes");
    }

    @Test
    void overlappingTensorsAreRejected() throws Exception {
        rejects("{" + tensor("a", "F32", "[2]", "[0,8]") + "," + tensor("b", "F32", "[1]", "[4,8]") + "}", 8,
                "tensor 'b'", "overlapping tensor 'a'");
    }

    @Test
    void dataBytesCoveredByNoTensorAreRejected() throws Exception {
        rejects("{" + tensor("a", "F32", "[1]", "[4,8]") + "}", 8, "bytes [0, 4)", "before tensor 'a'");
        rejects("{" + tensor("a", "F32", "[1]", "[0,4]") + "}", 12, "8 data bytes after the last tensor");
    }

    @Test
    void duplicateNamesAreRejected() throws Exception {
        rejects("{" + tensor("a", "F32", "[1]", "[0,4]") + "," + tensor("a", "F32", "[1]", "[4,8]") + "}", 8, "Duplicate", "'a'");
    }
}
