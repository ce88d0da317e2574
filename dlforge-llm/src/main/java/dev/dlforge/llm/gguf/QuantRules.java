package dev.dlforge.llm.gguf;

import java.util.List;
import java.util.Map;

/**
 * Which type each tensor of a model gets when the model is quantised to a target type: llama.cpp's default rules
 * ({@code llama_model_quantize} without an imatrix, --pure or overrides; src/llama-quant.cpp), for the target types
 * dlforge writes. The target stands for one llama.cpp file type (general.file_type):
 * F32 → ALL_F32 (0), F16 → MOSTLY_F16 (1), BF16 → MOSTLY_BF16 (32), Q4_0 → MOSTLY_Q4_0 (2), Q4_1 → MOSTLY_Q4_1 (3),
 * Q8_0 → MOSTLY_Q8_0 (7), Q4_K → MOSTLY_Q4_K_S (14), Q5_K → MOSTLY_Q5_K_S (16), Q6_K → MOSTLY_Q6_K (18).
 *
 * <p>The rules:
 * <ul>
 *   <li>Only tensors of 2 or more dimensions whose name ends in "weight" are quantised, except norms
 *       ({@code *_norm.weight}), MoE gates ({@code ffn_gate_inp.weight}), position embeddings and token types, conv1d
 *       and relative-position weights; the rest keep their type (norms and biases stay F32).
 *   <li>For a quantised target, {@code output.weight} (or {@code token_embd.weight} when the model has no
 *       output.weight, i.e. tied embeddings) becomes Q6_K, or Q8_0 when the target is Q8_0 or its rows are not a
 *       multiple of 256. {@code token_embd.weight} of an untied model keeps the target type.
 *   <li>Q4_K (as Q4_K_S): the first 4 attn_v (attn_qkv) tensors and the ffn_down tensors of the first eighth of the
 *       layers become Q5_K.
 *   <li>A row length that is not a multiple of the chosen type's block: Q6_K falls back to Q8_0 as in llama.cpp;
 *       Q4_K and Q5_K fall back to Q8_0 where llama.cpp uses Q5_0 / Q5_1 (types dlforge does not write); a row
 *       that is not a multiple of 32 becomes F16 (llama.cpp: F16 for the k-quants, an error for Q4_0/Q4_1/Q8_0).
 * </ul>
 */
public final class QuantRules {
    private static final List<String> NEVER = List.of("_norm.weight", "ffn_gate_inp.weight", "position_embd.weight", "token_types.weight",
            "ssm_conv1d", "attn_rel_b.weight");
    private static final Map<GgmlType, Integer> FILE_TYPE = Map.of(GgmlType.F32, 0, GgmlType.F16, 1, GgmlType.BF16, 32, GgmlType.Q4_0, 2,
            GgmlType.Q4_1, 3, GgmlType.Q8_0, 7, GgmlType.Q4_K, 14, GgmlType.Q5_K, 16, GgmlType.Q6_K, 18);

    private final GgmlType target;
    private final boolean tied;
    private final int ffnDownCount;
    private int attnVSeen;
    private int ffnDownSeen;

    /** Rules for quantising {@code tensors} (in file order) to {@code target}. Call {@link #typeOf} in file order too. */
    public QuantRules(GgmlType target, List<TensorInfo> tensors) {
        this.target = target;
        this.tied = tensors.stream().noneMatch(t -> t.name().equals("output.weight"));
        this.ffnDownCount = (int) tensors.stream().filter(t -> t.name().contains("ffn_down")).count();
    }

    /** llama.cpp's general.file_type for the target. */
    public int fileType() {
        return fileType(target);
    }

    /** llama.cpp's general.file_type (llama_ftype) for a model quantised to {@code target}. */
    public static int fileType(GgmlType target) {
        return FILE_TYPE.get(target);
    }

    public static boolean quantisable(TensorInfo t) {
        String name = t.name();
        return t.shape().length >= 2 && name.endsWith("weight") && NEVER.stream().noneMatch(name::contains);
    }

    /** The type {@code t} gets; tensors must be asked in file order (the layer rules count them). */
    public GgmlType typeOf(TensorInfo t) {
        if (!quantisable(t)) {
            return t.type();
        }
        String name = t.name();
        if (name.contains("ffn_down")) {
            ffnDownSeen++;
        }
        if (isAttnV(name)) {
            attnVSeen++;
        }
        if (!target.quantised()) {
            return target;
        }
        GgmlType chosen = target;
        if (name.equals("output.weight") || tied && name.equals("token_embd.weight")) {
            chosen = target == GgmlType.Q8_0 || t.rowLength() % 256 != 0 ? GgmlType.Q8_0 : GgmlType.Q6_K;
        } else if (target == GgmlType.Q4_K && isAttnV(name) && attnVSeen <= 4) {
            chosen = GgmlType.Q5_K;
        } else if (target == GgmlType.Q4_K && name.contains("ffn_down") && ffnDownSeen - 1 < ffnDownCount / 8) {
            chosen = GgmlType.Q5_K;
        }
        return fallback(chosen, t.rowLength());
    }

    private static GgmlType fallback(GgmlType type, long rowLength) {
        if (rowLength % type.blockSize() == 0) {
            return type;
        }
        return rowLength % 32 == 0 ? GgmlType.Q8_0 : GgmlType.F16;
    }

    private static boolean isAttnV(String name) {
        return name.contains("attn_v.weight") || name.contains("attn_qkv.weight") || name.contains("attn_kv_b.weight");
    }
}
