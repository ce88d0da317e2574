package dev.dlforge.models.lm.gpt;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * One tensor of a Hugging Face GPT-2 checkpoint and the {@link Gpt} parameter it holds.
 *
 * @param name the tensor's name without the {@code transformer.} prefix, e.g. {@code h.0.attn.c_attn.weight}
 * @param shape its shape in the checkpoint; GPT-2's Conv1D layers store weights as (in, out)
 * @param parameter the parameter it maps to, or null for a bias the model leaves out (nanoGPT's
 *     {@code bias=False}), which a checkpoint holds as zeros
 * @param conv1d whether the checkpoint stores the transpose of the parameter: Conv1D (in, out)
 *     against our Linear (out, in)
 */
record Gpt2Tensor(String name, long[] shape, Parameter parameter, boolean conv1d) {

    /**
     * Every tensor of {@code gpt} in checkpoint order. c_attn's fused (C, 3C) weight is our qkv
     * Linear's (3C, C) transposed: columns [0, C) are q, [C, 2C) k, [2C, 3C) v in both.
     */
    static List<Gpt2Tensor> layout(Gpt gpt) {
        GptConfig c = gpt.config();
        long v = c.vocabSize();
        long t = c.blockSize();
        long e = c.nEmbd();
        List<Gpt2Tensor> out = new ArrayList<>();
        out.add(new Gpt2Tensor("wte.weight", new long[] {v, e}, gpt.wte(), false));
        out.add(new Gpt2Tensor("wpe.weight", new long[] {t, e}, gpt.wpe(), false));
        List<TransformerBlock> blocks = gpt.blocks();
        for (int l = 0; l < blocks.size(); l++) {
            TransformerBlock b = blocks.get(l);
            String p = "h." + l + ".";
            norm(out, p + "ln_1", b.ln1(), e);
            conv1d(out, p + "attn.c_attn", b.attn().qkv(), e, 3 * e);
            conv1d(out, p + "attn.c_proj", b.attn().proj(), e, e);
            norm(out, p + "ln_2", b.ln2(), e);
            conv1d(out, p + "mlp.c_fc", b.mlp().fc(), e, 4 * e);
            conv1d(out, p + "mlp.c_proj", b.mlp().proj(), 4 * e, e);
        }
        norm(out, "ln_f", gpt.lnF(), e);
        return out;
    }

    private static void norm(List<Gpt2Tensor> out, String prefix, LayerNorm norm, long channels) {
        out.add(new Gpt2Tensor(prefix + ".weight", new long[] {channels}, norm.weight(), false));
        out.add(new Gpt2Tensor(prefix + ".bias", new long[] {channels}, norm.bias(), false));
    }

    private static void conv1d(List<Gpt2Tensor> out, String prefix, Linear linear, long in, long outUnits) {
        out.add(new Gpt2Tensor(prefix + ".weight", new long[] {in, outUnits}, linear.getParameters().get("weight"), true));
        out.add(new Gpt2Tensor(prefix + ".bias", new long[] {outUnits}, linear.getParameters().get("bias"), false));
    }
}
