package dev.dlforge.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types a safetensors header may name, with their width in bits. All are little-endian.
 * The list follows the reference implementation (huggingface/safetensors), so a valid file of any
 * type opens and its header validates; which types can be loaded as numbers is up to the loader.
 */
public enum SafetensorsDtype {
    BOOL(8), F4(4), F6_E2M3(6), F6_E3M2(6), U8(8), I8(8), F8_E5M2(8), F8_E4M3(8), F8_E8M0(8),
    I16(16), U16(16), F16(16), BF16(16), I32(32), U32(32), F32(32), C64(64), F64(64), I64(64), U64(64);

    private final int bits;

    SafetensorsDtype(int bits) {
        this.bits = bits;
    }

    /** Width of one element in bits (4 and 6 for the packed micro-scaling floats). */
    public int bits() {
        return bits;
    }

    /** The dtype spelled exactly as in a header ("F32", "BF16", ...), if it is one. */
    public static Optional<SafetensorsDtype> parse(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
