package de.kherud.llama;

/**
 * A llama.cpp prompt of token ids (its server reads a JSON array of ids as the prompt). The binding's InferenceParameters
 * offers text prompts only; its parameter map is package-private, hence this one class in its package.
 */
public final class LlamaPrompt {
    private LlamaPrompt() {
    }

    /** {@code ids}: a JSON array such as {@code [1, 300, 301]}. */
    public static InferenceParameters tokens(String ids) {
        InferenceParameters p = new InferenceParameters("");
        p.parameters.put("prompt", ids);
        return p;
    }
}
