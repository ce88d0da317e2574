package dev.dlforge.core.model;

import ai.djl.ndarray.NDArray;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
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
        long most = maxEncodedLength(target);
        if (length < 0 || length > most) {
            // Checked before allocating: a damaged length must not ask for gigabytes.
            throw new IOException(what + " claims " + length + " bytes, at most " + most + " fit "
                    + target.getDataType() + target.getShape());
        }
        byte[] encoded = new byte[length];
        try {
            in.readFully(encoded);
        } catch (EOFException e) {
            throw new EOFException(what + " is cut short: its " + length + " bytes are not all there");
        }
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

    /** What DJL's encoding of an array like {@code target} can take: its data plus a header (magic, dtype, shape). */
    static long maxEncodedLength(NDArray target) {
        long data = target.getShape().size() * target.getDataType().getNumOfBytes();
        return Math.min(Integer.MAX_VALUE - 16L, data + 1024 + 16L * target.getShape().dimension());
    }
}
