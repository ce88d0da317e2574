package dev.dlforge.projects.lm;

import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.TextGenerator;

/**
 * A trained language model ready to write: the model, the tokenizer it was trained with, and the
 * sampling settings its project recommends.
 *
 * @param name what to call it in messages, e.g. {@code gpt/20261125-101500 (char, 0.8M parameters)}
 */
public record LoadedLanguageModel(String name, LanguageModel model, Tokenizer tokenizer, GenerationConfig defaults) {

    public TextGenerator generator() {
        return new TextGenerator(model, tokenizer);
    }
}
