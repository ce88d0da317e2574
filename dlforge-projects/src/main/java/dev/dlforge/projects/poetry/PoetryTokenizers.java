package dev.dlforge.projects.poetry;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tokenizer of a recipe, fitted on the training text alone (a resumed run fits the same one) and
 * kept in the model folder: characters ({@link CharTokenizer}, saved as {@value #CHAR_FILE}) or
 * lines of words ({@link LineWordTokenizer}, saved as {@value #WORD_FILE}).
 */
final class PoetryTokenizers {
    static final String CHAR_FILE = "tokenizer.json";
    static final String WORD_FILE = "vocabulary.txt";

    private PoetryTokenizers() {}

    static Tokenizer fit(PoetryRecipe recipe, String trainText) {
        return recipe.wordLevel() ? LineWordTokenizer.build(trainText, recipe.words().minWordCount(), recipe.words().maxVocab())
                : CharTokenizer.build(List.of(trainText));
    }

    static void save(Tokenizer tokenizer, Path modelDir) throws IOException {
        if (tokenizer instanceof CharTokenizer c) {
            c.save(modelDir.resolve(CHAR_FILE));
        } else {
            ((LineWordTokenizer) tokenizer).save(modelDir.resolve(WORD_FILE));
        }
    }

    static Tokenizer load(PoetryRecipe recipe, Path modelDir) {
        try {
            return recipe.wordLevel() ? LineWordTokenizer.load(modelDir.resolve(WORD_FILE)) : CharTokenizer.load(modelDir.resolve(CHAR_FILE));
        } catch (IOException e) {
            throw new DlforgeException("model " + modelDir + " lacks its tokenizer: " + e.getMessage(), "retrain it");
        }
    }
}
