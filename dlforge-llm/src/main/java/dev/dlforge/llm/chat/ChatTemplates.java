package dev.dlforge.llm.chat;

import dev.dlforge.llm.gguf.GgufMetadata;

/**
 * The chat template for a model, chosen from {@code tokenizer.chat_template} (a Jinja template) by the markers that
 * tell the families apart: {@code <|start_header_id|>} is Llama 3, {@code <|im_start|>} ChatML (Qwen2's when it names
 * Qwen), {@code [INST]} Mistral (v0.3's spaced layout when the template writes {@code "[INST] "}). A model with no
 * template, or one dlforge does not recognise, gets plain ChatML (what
 * dlforge's own models are trained with) and a warning in the log naming the template's start: its prompts may not be
 * what the model was trained on.
 */
public final class ChatTemplates {
    private static final System.Logger LOG = System.getLogger(ChatTemplates.class.getName());

    private ChatTemplates() { }

    public static ChatTemplate fromGguf(GgufMetadata metadata) {
        return forJinja(metadata.string("tokenizer.chat_template").orElse(null));
    }

    /** The family of {@code jinja} (null: none). */
    public static ChatTemplate forJinja(String jinja) {
        if (jinja != null) {
            if (jinja.contains("<|start_header_id|>")) {
                return Llama3Template.today();
            }
            if (jinja.contains("<|im_start|>")) {
                return jinja.contains("You are Qwen") ? ChatMlTemplate.qwen() : ChatMlTemplate.plain();
            }
            if (jinja.contains("[INST]")) {
                return new MistralTemplate(jinja.contains("[INST] \""));
            }
        }
        String what = jinja == null ? "the model has no tokenizer.chat_template"
                : "chat template \"" + jinja.substring(0, Math.min(60, jinja.length())).replace("\n", "\\n") + "...\" is not one dlforge knows"
                + " (Llama 3, ChatML, Mistral)";
        LOG.log(System.Logger.Level.WARNING, what + ": using ChatML; if the model answers badly, give it a ChatML, Llama 3 or "
                + "Mistral template");
        return ChatMlTemplate.plain();
    }
}
