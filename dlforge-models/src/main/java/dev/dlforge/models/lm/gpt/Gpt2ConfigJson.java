package dev.dlforge.models.lm.gpt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link GptConfig} as a Hugging Face GPT-2 {@code config.json}. Only settings that dlforge's
 * {@link Gpt} computes exactly are accepted; anything else (another epsilon, another activation, an
 * MLP width other than 4C, untied output weights, unscaled attention) is refused by name, because
 * loading it would give different logits without saying so.
 *
 * <p>dlforge's bias-free models (nanoGPT's {@code bias=False}) are written with zero biases, which
 * Hugging Face computes identically, and the extra key {@code "dlforge_bias": false} so that an
 * import gives back the bias-free model; Hugging Face keeps unknown keys as plain attributes.
 */
final class Gpt2ConfigJson {
    static final String FILE = "config.json";
    static final String BIAS_KEY = "dlforge_bias";
    private static final double EPS_TOLERANCE = 1e-12;

    private Gpt2ConfigJson() {}

    static GptConfig read(Path hfDir) {
        Path file = hfDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new DlforgeException("no " + FILE + " in " + hfDir, "a Hugging Face GPT-2 folder holds config.json and model.safetensors");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DlforgeException(file + " is not readable JSON: " + e.getMessage(), "restore the file from the checkpoint's source");
        }
        if (json == null || !json.isObject()) {
            throw new DlforgeException(file + " is not a JSON object", "restore the file from the checkpoint's source");
        }
        String type = json.path("model_type").asText("");
        if (!type.equals("gpt2")) {
            throw new DlforgeException(file + " describes model_type '" + type + "', not gpt2",
                    "dlforge imports GPT-2 layout checkpoints (model_type gpt2) only");
        }
        int vocab = positive(json, file, "vocab_size");
        int positions = json.has("n_positions") ? positive(json, file, "n_positions") : positive(json, file, "n_ctx");
        int embd = positive(json, file, "n_embd");
        int layers = positive(json, file, "n_layer");
        int heads = positive(json, file, "n_head");
        double eps = json.path("layer_norm_epsilon").asDouble(1e-5);
        if (Math.abs(eps - 1e-5) > EPS_TOLERANCE) {
            throw unsupported(file, "layer_norm_epsilon " + eps, "dlforge's layer norms use 1e-5, as GPT-2 does");
        }
        boolean tanhGelu = switch (json.path("activation_function").asText("gelu_new")) {
            case "gelu_new", "gelu_pytorch_tanh" -> true;
            case "gelu" -> false;
            default -> throw unsupported(file, "activation_function '" + json.get("activation_function").asText() + "'",
                    "dlforge's GPT computes gelu_new (tanh approximation) and gelu (exact) only");
        };
        JsonNode inner = json.path("n_inner");
        if (!inner.isMissingNode() && !inner.isNull() && inner.asLong() != 4L * embd) {
            throw unsupported(file, "n_inner " + inner.asText(), "dlforge's MLP is 4 x n_embd = " + 4L * embd + " wide");
        }
        if (!json.path("scale_attn_weights").asBoolean(true) || json.path("scale_attn_by_inverse_layer_idx").asBoolean(false)) {
            throw unsupported(file, "attention scaling other than 1/sqrt(head size)", "set scale_attn_weights true and scale_attn_by_inverse_layer_idx false");
        }
        if (!json.path("tie_word_embeddings").asBoolean(true)) {
            throw unsupported(file, "tie_word_embeddings false", "dlforge's GPT ties its output layer to wte, as GPT-2 does");
        }
        boolean bias = json.path(BIAS_KEY).asBoolean(true);
        float dropout = (float) json.path("resid_pdrop").asDouble(0);
        try {
            return new GptConfig(vocab, positions, layers, heads, embd, dropout, bias, tanhGelu);
        } catch (IllegalArgumentException e) {
            throw new DlforgeException(file + " describes an impossible model: " + e.getMessage(), "fix config.json");
        }
    }

    static void write(GptConfig c, Path file) throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("model_type", "gpt2");
        json.putArray("architectures").add("GPT2LMHeadModel");
        json.put("vocab_size", c.vocabSize());
        json.put("n_positions", c.blockSize());
        json.put("n_ctx", c.blockSize());
        json.put("n_embd", c.nEmbd());
        json.put("n_layer", c.nLayer());
        json.put("n_head", c.nHead());
        json.putNull("n_inner");
        json.put("activation_function", c.tanhGelu() ? "gelu_new" : "gelu");
        json.put("layer_norm_epsilon", 1e-5);
        json.put("resid_pdrop", c.dropout());
        json.put("embd_pdrop", c.dropout());
        json.put("attn_pdrop", c.dropout());
        json.put("initializer_range", Gpt.INIT_STD);
        json.put("scale_attn_weights", true);
        json.put("tie_word_embeddings", true);
        if (!c.bias()) {
            json.put(BIAS_KEY, false);
        }
        Json.writeFile(file, json);
    }

    private static int positive(JsonNode json, Path file, String key) {
        JsonNode n = json.get(key);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw new DlforgeException(file + " needs a positive integer " + key + ", got " + (n == null ? "nothing" : n.toString()),
                    "fix config.json: GPT-2 configs hold vocab_size, n_positions, n_embd, n_layer and n_head");
        }
        return n.asInt();
    }

    private static DlforgeException unsupported(Path file, String what, String hint) {
        return new DlforgeException(file + " asks for " + what + ", which dlforge's GPT does not compute", hint);
    }
}
