package dev.dlforge.llm.gguf;

import java.util.Objects;

/**
 * One metadata value with its GGUF type, so that a file read and written again keeps its types.
 *
 * <p>Java types by GGUF type: UINT8, INT8, UINT16, INT16, INT32 → {@link Integer}; UINT32, UINT64, INT64 → {@link Long}
 * (UINT64 above 2^63 wraps, as Java's long does: read it with {@link Long#toUnsignedString}); FLOAT32 → {@link Float};
 * FLOAT64 → {@link Double}; BOOL → {@link Boolean}; STRING → {@link String}; ARRAY → {@link GgufArray}.
 */
public record GgufValue(GgufValueType type, Object value) {
    public GgufValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Class<?> expected = switch (type) {
            case UINT8, INT8, UINT16, INT16, INT32 -> Integer.class;
            case UINT32, UINT64, INT64 -> Long.class;
            case FLOAT32 -> Float.class;
            case FLOAT64 -> Double.class;
            case BOOL -> Boolean.class;
            case STRING -> String.class;
            case ARRAY -> GgufArray.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(type + " holds a " + expected.getSimpleName() + ", not " + value.getClass().getSimpleName());
        }
    }

    public static GgufValue of(String s) {
        return new GgufValue(GgufValueType.STRING, s);
    }

    public static GgufValue ofUint32(long v) {
        return new GgufValue(GgufValueType.UINT32, v);
    }

    public static GgufValue ofInt32(int v) {
        return new GgufValue(GgufValueType.INT32, v);
    }

    public static GgufValue ofFloat32(float v) {
        return new GgufValue(GgufValueType.FLOAT32, v);
    }

    public static GgufValue ofBool(boolean v) {
        return new GgufValue(GgufValueType.BOOL, v);
    }

    public static GgufValue of(GgufArray array) {
        return new GgufValue(GgufValueType.ARRAY, array);
    }
}
