package dev.dlforge.projects.gpt;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.projects.ExampleLimit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A corpus made ready for a GPT: its running text split nanoGPT's way (the first 90% trains, the
 * last 10% validates, by characters), a tokenizer, and both halves as token ids. The character
 * vocabulary comes from the whole text, as nanoGPT's prepare.py builds it; a BPE tokenizer is
 * trained on the training half only, so validation text never shapes it. With {@code --limit} both
 * halves are then cut ({@link #limited}).
 */
public record GptCorpus(String datasetId, Tokenizer tokenizer, int[] train, int[] validation, long characters) {

    public static GptCorpus load(GptRecipe recipe, Path explicitData) throws IOException {
        TextCorpusDataset dataset = DatasetRegistry.builtIn().textCorpus(recipe.dataset());
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(dataset.spec(), explicitData);
        return of(recipe, dataset.spec().id(), dataset.runningText(dir)).limited(recipe.limit(), recipe.network().blockSize());
    }

    /**
     * {@code --limit N}: the first N training windows of {@code block} tokens ({@code N * block + 1}
     * tokens, all of them when the split holds fewer) and the first {@link ExampleLimit#heldOut} of N
     * validation windows, the validation split's share of the full one; a limit that leaves no
     * validation window is refused. The tokenizer is the full corpus's either way. 0: no limit.
     */
    GptCorpus limited(int limit, int block) {
        if (limit <= 0) {
            return this;
        }
        int fullTrain = windows(train, block);
        int fullValidation = windows(validation, block);
        int heldOut = ExampleLimit.heldOut(limit, fullTrain, fullValidation);
        ExampleLimit.requireNonEmpty(limit, heldOut, "validation windows of " + block + " tokens",
                ExampleLimit.minimumFor(1, fullTrain, fullValidation));
        return new GptCorpus(datasetId, tokenizer, Arrays.copyOf(train, Math.min(limit, fullTrain) * block + 1),
                Arrays.copyOf(validation, heldOut * block + 1), characters);
    }

    /** Non-overlapping windows of {@code block} tokens (each with its next-token target) that {@code tokens} holds. */
    public static int windows(int[] tokens, int block) {
        return Math.max(0, (tokens.length - 1) / block);
    }

    static GptCorpus of(GptRecipe recipe, String datasetId, String text) {
        if (text.length() < 2 * (recipe.network().blockSize() + 1)) {
            throw new DlforgeException("dataset " + datasetId + " holds " + text.length() + " characters, too few for a "
                    + recipe.network().blockSize() + "-token context", "use a larger corpus");
        }
        int cut = (int) Math.round(text.length() * (1 - recipe.corpus().validationFraction()));
        if (Character.isLowSurrogate(text.charAt(Math.min(cut, text.length() - 1)))) {
            cut--; // never split a surrogate pair
        }
        String trainText = text.substring(0, cut);
        String validationText = text.substring(cut);
        Tokenizer tokenizer = recipe.model().equals(GptRecipe.BPE)
                ? ByteLevelBpeTrainer.train(List.of(trainText), recipe.corpus().bpeVocab(), List.of())
                : CharTokenizer.build(List.of(text));
        GptCorpus corpus = new GptCorpus(datasetId, tokenizer, tokenizer.encode(trainText), tokenizer.encode(validationText), text.length());
        int needed = recipe.network().blockSize() + 1;
        if (corpus.train.length < needed || corpus.validation.length < needed) {
            throw new DlforgeException("dataset " + datasetId + " is too small: " + corpus.train.length + " training and "
                    + corpus.validation.length + " validation tokens, each split needs more than " + recipe.network().blockSize(),
                    "use a larger corpus");
        }
        return corpus;
    }
}
