package dev.dlforge.core.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A block's parameters by name, including non-learned state such as batch-norm running statistics.
 *
 * <p>Format: {@code "DLFW"}, version, count, then per parameter its name and the DJL encoding of the
 * array (dtype, shape, data). Loading copies values into the block's existing arrays, so references
 * held by an optimiser and gradient flags stay valid, and every name and shape is checked.
 */
public final class Weights {
    private static final int MAGIC = 0x444C4657; // "DLFW"
    private static final int VERSION = 1;

    private Weights() {}

    public static void write(Block block, DataOutputStream out) throws IOException {
        var params = block.getParameters();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            out.writeUTF(p.getKey());
            ArrayRecords.write(out, p.getValue().getArray());
        }
    }

    /** How many bytes {@link #write} makes of {@code block}: what an intact weights file of it holds. */
    public static long byteSize(Block block) throws IOException {
        long[] count = new long[1];
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        write(block, new DataOutputStream(counter));
        return count[0];
    }

    public static void read(Block block, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a dlforge weights file (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("weights format version " + version + " is not supported (this dlforge reads " + VERSION + ")");
        }
        Map<String, Parameter> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            expected.put(p.getKey(), p.getValue());
        }
        Set<String> names = Set.copyOf(expected.keySet());
        int count = in.readInt();
        if (count != expected.size()) {
            throw new IOException("weights hold " + count + " tensors, the model has " + expected.size());
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            Parameter target = expected.remove(name);
            if (target == null) {
                throw new IOException("weights hold '" + name + "'" + (names.contains(name) ? " twice" : ", which this model does not have"));
            }
            ArrayRecords.readInto(in, target.getArray(), "weights entry '" + name + "'");
        }
    }
}
