package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.gguf.GgufWriter;
import dev.dlforge.llm.tensor.Half;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Gpt} as a GGUF file of llama.cpp's {@code gpt2} architecture, with the keys and tensor names that llama.cpp's
 * {@code convert_hf_to_gguf.py} writes for a Hugging Face GPT-2 ({@code GPT2Model}): {@code gpt2.block_count},
 * {@code gpt2.context_length} (our block size), {@code gpt2.embedding_length}, {@code gpt2.feed_forward_length} (4C),
 * {@code gpt2.attention.head_count}, {@code gpt2.attention.layer_norm_epsilon}, {@code general.file_type}; tensors
 * {@code token_embd}, {@code position_embd}, {@code blk.N.attn_norm}, {@code attn_qkv}, {@code attn_output},
 * {@code ffn_norm}, {@code ffn_up}, {@code ffn_down}, {@code output_norm}, and {@code output}: our head is tied to the
 * token embedding, and {@code output.weight} is written as a copy of it, as the converter does, because the llama.cpp of
 * de.kherud:llama 4.2.0 refuses a {@code gpt2} file without it ("missing tensor 'output.weight'"). The tokenizer goes
 * into {@code tokenizer.ggml.*} ({@link Gpt2GgufVocabulary}).
 *
 * <p>Layout: a GGUF matrix of shape {@code [in, out]} (ggml order, {@code ne[0]} the row length) stores out rows of in
 * values, which is our Linear's (out, in) weight as it is: the transpose that the converter applies to Hugging Face's
 * Conv1D (in, out) weights is already ours. Embeddings (V, C) are {@code [C, V]}.
 *
 * <p>Types: {@link GgmlType#F32}, or {@link GgmlType#F16} for the matrices and embeddings with norms and biases kept F32
 * (as the converter's {@code MOSTLY_F16}). Bias-free models ({@code bias=false}) get zero biases: the {@code gpt2}
 * architecture requires them. GELU: llama.cpp's {@code gpt2} graph uses the tanh approximation; a run trained with the
 * exact GELU ({@code tanhGelu=false}, nanoGPT's default) is exported as it is, and its logits there differ from ours
 * by the two GELUs' gap ({@code |gelu - gelu_tanh| < 5e-4} per activation).
 */
public final class Gpt2Gguf {
    /** Keys the {@code gpt2} loaders read, as convert_hf_to_gguf names them. */
    private static final String ARCH = "gpt2";
    private static final Map<String, String> LAYER_TENSORS = Map.of("ln_1", "attn_norm", "attn.c_attn", "attn_qkv",
            "attn.c_proj", "attn_output", "ln_2", "ffn_norm", "mlp.c_fc", "ffn_up", "mlp.c_proj", "ffn_down");

    private Gpt2Gguf() {}

    /**
     * Writes {@code gpt} with {@code tokenizer} to {@code target} (atomically: beside it, then moved).
     *
     * @param type F32 or F16
     * @param name {@code general.name}, e.g. the run id
     */
    public static void write(Gpt gpt, Tokenizer tokenizer, GgmlType type, String name, Path target) {
        if (type != GgmlType.F32 && type != GgmlType.F16) {
            throw new DlforgeException("GGUF export writes F32 or F16, not " + type,
                    "export F16, then quantise with `dlforge quant FILE.gguf OUT.gguf --type " + type + "`");
        }
        GptConfig c = gpt.config();
        GgufWriter w = new GgufWriter()
                .put("general.architecture", ARCH)
                .put("general.name", name)
                .put("general.file_type", GgufValue.ofUint32(type == GgmlType.F32 ? 0 : 1))
                .put(ARCH + ".block_count", GgufValue.ofUint32(c.nLayer()))
                .put(ARCH + ".context_length", GgufValue.ofUint32(c.blockSize()))
                .put(ARCH + ".embedding_length", GgufValue.ofUint32(c.nEmbd()))
                .put(ARCH + ".feed_forward_length", GgufValue.ofUint32(4L * c.nEmbd()))
                .put(ARCH + ".attention.head_count", GgufValue.ofUint32(c.nHead()))
                .put(ARCH + ".attention.layer_norm_epsilon", GgufValue.ofFloat32(GptConfig.LAYER_NORM_EPS));
        Gpt2GgufVocabulary.put(w, tokenizer, c.vocabSize());
        for (Gpt2Tensor t : Gpt2Tensor.layout(gpt)) {
            long[] shape = t.shape();
            // ggml order: the row length first. A Conv1D tensor's checkpoint shape (in, out) already is; others reverse.
            long[] ggml = t.conv1d() || shape.length == 1 ? shape.clone() : new long[] {shape[1], shape[0]};
            float[] values = t.parameter() == null ? new float[Math.toIntExact(shape[0])] : floats(t.parameter().getArray());
            GgmlType stored = shape.length == 1 ? GgmlType.F32 : type;
            ByteBuffer data = encode(values, stored);
            w.tensor(ggufName(t.name()), stored, ggml, data);
            if (t.name().equals("wte.weight")) {
                w.tensor("output.weight", stored, ggml, data); // the tied head, (V, C) as the embedding
            }
        }
        try {
            w.write(target);
        } catch (IOException e) {
            throw new DlforgeException("cannot write " + target + ": " + e.getMessage(), "check that the folder is writable and the disk has room", e);
        }
    }

    /** {@code F32} or {@code F16} from a command-line spelling (any case). */
    public static GgmlType type(String spelled) {
        return switch (spelled.toUpperCase(Locale.ROOT)) {
            case "F32" -> GgmlType.F32;
            case "F16" -> GgmlType.F16;
            default -> throw new DlforgeException("unknown GGUF export type '" + spelled + "'",
                    "use F32 or F16; quantise afterwards with `dlforge quant`");
        };
    }

    /** The GGUF name of a Hugging Face GPT-2 tensor name ({@code h.3.attn.c_attn.weight -> blk.3.attn_qkv.weight}). */
    static String ggufName(String hf) {
        return switch (hf) {
            case "wte.weight" -> "token_embd.weight";
            case "wpe.weight" -> "position_embd.weight";
            case "ln_f.weight" -> "output_norm.weight";
            case "ln_f.bias" -> "output_norm.bias";
            default -> {
                // h.N.<module>.<weight|bias>
                int layerEnd = hf.indexOf('.', 2);
                int suffix = hf.lastIndexOf('.');
                String module = LAYER_TENSORS.get(hf.substring(layerEnd + 1, suffix));
                if (!hf.startsWith("h.") || module == null) {
                    throw new IllegalStateException("no GGUF name for GPT-2 tensor " + hf);
                }
                yield "blk." + hf.substring(2, layerEnd) + "." + module + hf.substring(suffix);
            }
        };
    }

    /** The parameter's values in row-major order (a (out, in) Linear weight: out rows of in). */
    private static float[] floats(NDArray p) {
        return p.toFloatArray();
    }

    private static ByteBuffer encode(float[] values, GgmlType type) {
        ByteBuffer b = ByteBuffer.allocate(values.length * (type == GgmlType.F32 ? 4 : 2)).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (type == GgmlType.F32) {
                b.putFloat(v);
            } else {
                b.putShort(Half.fromFloat(v));
            }
        }
        return b.flip();
    }
}
