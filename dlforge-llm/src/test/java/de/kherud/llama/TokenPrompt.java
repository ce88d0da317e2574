package de.kherud.llama;

import java.util.Arrays;

/**
 * llama.cpp's server takes a prompt as a JSON array of token ids; the binding only offers a text prompt, so this test
 * helper (in the binding's package, to reach its parameter map) puts the ids there: both engines then start from the
 * same tokens whatever either tokenizer does.
 */
public final class TokenPrompt {
    private TokenPrompt() {
    }

    public static InferenceParameters of(int[] ids) {
        InferenceParameters p = new InferenceParameters("");
        p.parameters.put("prompt", Arrays.toString(ids));
        return p;
    }
}
