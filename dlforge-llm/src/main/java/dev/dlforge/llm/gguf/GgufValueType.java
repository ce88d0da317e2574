package dev.dlforge.llm.gguf;

/** The metadata value types of GGUF v3, with their ids (gguf.md, "gguf_metadata_value_type"). */
public enum GgufValueType {
    UINT8(0, 1), INT8(1, 1), UINT16(2, 2), INT16(3, 2), UINT32(4, 4), INT32(5, 4), FLOAT32(6, 4), BOOL(7, 1),
    /** u64 length, then UTF-8 bytes (not NUL-terminated). */
    STRING(8, 8),
    /** u32 element type, u64 count, then the elements. */
    ARRAY(9, 12),
    UINT64(10, 8), INT64(11, 8), FLOAT64(12, 8);

    private final int id;
    private final int minBytes;

    GgufValueType(int id, int minBytes) {
        this.id = id;
        this.minBytes = minBytes;
    }

    public int id() {
        return id;
    }

    /** The fewest bytes one value of this type takes in a file (bounds counts before anything is allocated). */
    int minBytes() {
        return minBytes;
    }

    static GgufValueType byId(int id, long offset) {
        for (GgufValueType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new GgufFormatException("unknown metadata value type " + Integer.toUnsignedString(id) + " at byte " + offset);
    }
}
