package dev.dlforge.llm.gguf;

import dev.dlforge.llm.tensor.RowCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Re-quantises a GGUF model to a target type the way llama.cpp's {@code llama-quantize} does by default: each tensor's
 * type from {@link QuantRules}, each row dequantised from its stored type and quantised with ggml's reference
 * quantiser ({@link RowCodec}, bit-exact), metadata copied with {@code general.file_type} and
 * {@code general.quantization_version} (2) set, tensors in the same order. Tensors that keep their type are copied
 * byte for byte from the memory-mapped input; the quantised ones are held in memory until the file is written.
 */
public final class GgufQuantiser {
    /** ggml's GGML_QNT_VERSION, which llama.cpp writes as general.quantization_version. */
    public static final int QUANTIZATION_VERSION = 2;

    /** Told after each tensor: its name, its new type, and how many of the input's data bytes are done. */
    public interface Listener {
        void tensorDone(TensorInfo input, GgmlType written, long inputBytesDone);
    }

    /** What was written. */
    public record Summary(int tensors, int requantised, long inputBytes, long outputBytes) { }

    private GgufQuantiser() {
    }

    public static Summary quantise(Path input, Path output, GgmlType target, Listener listener) throws IOException {
        try (GgufFile in = GgufFile.open(input)) {
            QuantRules rules = new QuantRules(target, in.tensors());
            GgufWriter writer = new GgufWriter().putAll(in.metadata())
                    .put("general.quantization_version", GgufValue.ofUint32(QUANTIZATION_VERSION))
                    .put("general.file_type", GgufValue.ofUint32(rules.fileType()));
            long done = 0;
            long outBytes = 0;
            int requantised = 0;
            for (TensorInfo t : in.tensors()) {
                GgmlType type = rules.typeOf(t);
                ByteBuffer data = in.data(t);
                ByteBuffer written = type == t.type() ? data : convert(t, data, type);
                if (type != t.type()) {
                    requantised++;
                }
                writer.tensor(t.name(), type, t.shape(), written);
                done += t.byteSize();
                outBytes += written.remaining();
                listener.tensorDone(t, type, done);
            }
            writer.write(output);
            return new Summary(in.tensors().size(), requantised, done, outBytes);
        }
    }

    /** Every row of {@code t} from its stored type to {@code type}, rows in parallel (the codecs hold no state). */
    static ByteBuffer convert(TensorInfo t, ByteBuffer data, GgmlType type) {
        int rowLength = Math.toIntExact(t.rowLength());
        long rows = t.rows();
        long rowBytesOut = type.bytes(rowLength);
        long total = Math.multiplyExact(rows, rowBytesOut);
        if (total > Integer.MAX_VALUE) {
            throw new GgufFormatException("tensor " + t.name() + " would take " + total + " bytes as " + type
                    + "; tensors over 2 GiB are not supported yet");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        RowCodec from = RowCodec.of(t.type());
        RowCodec to = RowCodec.of(type);
        IntStream.range(0, Math.toIntExact(rows)).parallel().forEach(r -> {
            float[] row = new float[rowLength];
            from.dequantise(data, (long) r * rowLength, row, 0, rowLength);
            to.quantise(row, 0, rowLength, out, r * rowBytesOut);
        });
        return out;
    }
}
