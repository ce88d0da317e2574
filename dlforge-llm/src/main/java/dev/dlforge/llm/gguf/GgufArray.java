package dev.dlforge.llm.gguf;

import java.lang.reflect.Array;
import java.util.Objects;

/**
 * A metadata array: its element type and a Java array of the elements, held unboxed.
 *
 * <p>{@code values} is an {@code int[]} for UINT8/INT8/UINT16/INT16/INT32, {@code long[]} for UINT32/UINT64/INT64,
 * {@code float[]} for FLOAT32, {@code double[]} for FLOAT64, {@code boolean[]} for BOOL, {@code String[]} for STRING and
 * {@code GgufArray[]} for nested arrays.
 */
public record GgufArray(GgufValueType elementType, Object values) {
    public GgufArray {
        Objects.requireNonNull(elementType, "elementType");
        Class<?> expected = switch (elementType) {
            case UINT8, INT8, UINT16, INT16, INT32 -> int[].class;
            case UINT32, UINT64, INT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
            case BOOL -> boolean[].class;
            case STRING -> String[].class;
            case ARRAY -> GgufArray[].class;
        };
        if (!expected.isInstance(values)) {
            throw new IllegalArgumentException("an array of " + elementType + " holds a " + expected.getSimpleName());
        }
    }

    public int length() {
        return Array.getLength(values);
    }

    public static GgufArray of(String... values) {
        return new GgufArray(GgufValueType.STRING, values);
    }

    public static GgufArray of(float... values) {
        return new GgufArray(GgufValueType.FLOAT32, values);
    }

    public static GgufArray ofInt32(int... values) {
        return new GgufArray(GgufValueType.INT32, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufArray a && a.elementType == elementType && java.util.Objects.deepEquals(a.values, values);
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 31 + java.util.Arrays.deepHashCode(new Object[] {values});
    }

    @Override
    public String toString() {
        return "GgufArray[" + elementType + " x " + length() + "]";
    }
}
