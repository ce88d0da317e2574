package dev.dlforge.core.optim;

import ai.djl.ndarray.NDArray;
import dev.dlforge.core.model.ArrayRecords;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-parameter buffers of an optimiser (momentum, second moment...), created lazily next to the
 * weight and serialised by parameter name.
 */
final class OptimizerState {
    private final int buffersPerParameter;
    private final Map<String, NDArray[]> buffers = new LinkedHashMap<>();

    OptimizerState(int buffersPerParameter) {
        this.buffersPerParameter = buffersPerParameter;
    }

    /** The buffers of one parameter, zeros of its shape on first use. */
    NDArray[] of(TrainableParameters.Entry entry) {
        return buffers.computeIfAbsent(entry.name(), name -> {
            NDArray[] b = new NDArray[buffersPerParameter];
            for (int i = 0; i < b.length; i++) {
                b[i] = entry.array().zerosLike();
            }
            return b;
        });
    }

    void write(DataOutputStream out, TrainableParameters params) throws IOException {
        out.writeInt(buffersPerParameter);
        out.writeInt(params.entries().size());
        for (TrainableParameters.Entry e : params.entries()) {
            out.writeUTF(e.name());
            for (NDArray b : of(e)) {
                ArrayRecords.write(out, b);
            }
        }
    }

    void read(DataInputStream in, TrainableParameters params) throws IOException {
        int perParameter = in.readInt();
        int count = in.readInt();
        if (perParameter != buffersPerParameter || count != params.entries().size()) {
            throw new IOException("optimiser state does not match this model (" + count
                    + " parameters with " + perParameter + " buffers each)");
        }
        for (TrainableParameters.Entry e : params.entries()) {
            String name = in.readUTF();
            if (!name.equals(e.name())) {
                throw new IOException("optimiser state for '" + name + "' found where '" + e.name() + "' was expected");
            }
            NDArray[] target = of(e);
            for (int i = 0; i < perParameter; i++) {
                ArrayRecords.readInto(in, target[i], "optimiser state for '" + name + "'");
            }
        }
    }
}
