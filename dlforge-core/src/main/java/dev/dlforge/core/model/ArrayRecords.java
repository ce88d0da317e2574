package dev.dlforge.core.model;

import ai.djl.ndarray.NDArray;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One array in a binary stream: {@code int length}, then DJL's encoding (dtype, shape, data). Shared
 * by weights files and optimiser state so both check a damaged file the same way.
 */
public final class ArrayRecords {
    private ArrayRecords() {}

    public static void write(DataOutputStream out, NDArray array) throws IOException {
        byte[] encoded = array.encode();
        out.writeInt(encoded.length);
        out.write(encoded);
    }

    /**
     * Reads one record into {@code target}, which keeps its identity (optimisers and gradient flags
     * hold references to it); {@code what} names the record in errors.
     */
    public static void readInto(DataInputStream in, NDArray target, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            throw new IOException(what + " has an impossible length " + length);
        }
        byte[] encoded = new byte[length];
        in.readFully(encoded);
        try (NDArray loaded = target.getManager().decode(encoded)) {
            if (!loaded.getShape().equals(target.getShape()) || loaded.getDataType() != target.getDataType()) {
                throw new IOException(what + " is " + loaded.getDataType() + loaded.getShape()
                        + ", the model expects " + target.getDataType() + target.getShape());
            }
            loaded.copyTo(target);
        } catch (RuntimeException e) { // DJL's decoder reports damaged bytes as buffer underflows and the like
            throw new IOException(what + " is damaged: " + e.getMessage(), e);
        }
    }
}
