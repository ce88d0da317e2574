package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.util.EnumMap;
import java.util.Map;

/** One codec per {@link GgmlType}; the codecs hold no state, so one instance each serves every thread. */
final class Codecs {
    private static final Map<GgmlType, RowCodec> BY_TYPE = new EnumMap<>(GgmlType.class);

    static {
        for (RowCodec c : new RowCodec[] {new F32Codec(), new F16Codec(), new BF16Codec(), new Q8_0Codec(), new Q4_0Codec(),
                new Q4_1Codec(), new Q4_KCodec(), new Q5_KCodec(), new Q6_KCodec()}) {
            BY_TYPE.put(c.type(), c);
        }
        for (GgmlType t : GgmlType.values()) {
            if (!BY_TYPE.containsKey(t)) {
                throw new ExceptionInInitializerError("no codec for " + t);
            }
        }
    }

    private Codecs() {
    }

    static RowCodec of(GgmlType type) {
        return BY_TYPE.get(type);
    }
}
