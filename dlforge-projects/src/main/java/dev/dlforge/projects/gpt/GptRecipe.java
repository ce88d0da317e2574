package dev.dlforge.projects.gpt;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptTrainConfig;
import dev.dlforge.projects.TrainOptions;

/**
 * How the {@code gpt} project trains. The defaults are nanoGPT's CPU baby run on characters (see
 * {@link GptConfig#baby} and {@link GptTrainConfig#nanoGptChar}), here on Moby-Dick: 2,000
 * iterations of 12 x 64 tokens, validated every 250.
 *
 * @param dataset a text corpus (moby-dick, brown-text, nlp-corpus, ...)
 * @param tokens {@code char} (one token per character, as nanoGPT's shakespeare_char) or {@code bpe}
 *     (byte-level BPE trained on the training split)
 * @param bpeVocab vocabulary size of the BPE tokenizer
 * @param validationFraction the corpus's tail held out for validation (nanoGPT: 0.1)
 * @param limit train on the first {@code limit} windows of {@code blockSize} tokens of the training split (see
 *     {@link GptCorpus#limited}); 0 all
 */
public record GptRecipe(String dataset, String tokens, int bpeVocab, int nLayer, int nHead, int nEmbd, int blockSize,
        float dropout, boolean bias, double validationFraction, GptTrainConfig train, int limit) {

    public static final String CHAR = "char";
    public static final String BPE = "bpe";

    /** Checked here too, since a recipe is also read back from a run's run.json on resume. */
    public GptRecipe {
        require(dataset != null && !dataset.isBlank(), "the recipe names no dataset");
        require(CHAR.equals(tokens) || BPE.equals(tokens), "project gpt has no model '" + tokens + "' (choose char or bpe)");
        require(bpeVocab > 256, "a byte-level BPE needs more than 256 tokens, got " + bpeVocab);
        require(validationFraction > 0 && validationFraction < 1, "the validation fraction must be in (0, 1), got " + validationFraction);
        require(train != null, "the recipe has no training settings");
        require(limit >= 0, "--limit must be at least 1 training window, got " + limit);
    }

    public static GptRecipe defaults() {
        GptConfig baby = GptConfig.baby(1);
        return new GptRecipe("moby-dick", CHAR, 2048, baby.nLayer(), baby.nHead(), baby.nEmbd(), baby.blockSize(),
                baby.dropout(), baby.bias(), 0.1, GptTrainConfig.nanoGptChar(), 0);
    }

    /**
     * Applies command-line overrides: {@code --model char|bpe}, {@code --epochs} = validations (each
     * after eval-interval iterations), {@code --limit N} = N training windows (sequences of block-size
     * tokens: the training text is cut to them, validation to its share, see {@link GptCorpus#limited}), each
     * validation then coming after one pass's worth of them, ceil(N / batch) iterations (at most the
     * recipe's interval), {@code --batch-size}, {@code --lr}, {@code --seed}.
     */
    public GptRecipe with(TrainOptions o) {
        GptTrainConfig t = train;
        int evals = o.epochs() != null ? o.epochs() : t.epochs();
        double lr = o.learningRate() != null ? o.learningRate() : t.learningRate();
        int batch = o.batchSize() != null ? o.batchSize() : t.batchSize();
        int windows = o.limit() != null ? o.limit() : limit;
        require(evals >= 1, "--epochs (validations) must be at least 1, got " + evals);
        require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number, got " + lr);
        require(batch >= 1, "--batch-size must be at least 1, got " + batch);
        require(windows >= 0, "--limit must be at least 1 training window, got " + windows);
        int interval = windows > 0 ? (int) Math.min(t.evalInterval(), ((long) windows + batch - 1) / batch) : t.evalInterval();
        if (evals != t.epochs() || interval != t.evalInterval()) {
            t = t.resized(evals, interval, t.evalIters());
        }
        t = t.with(batch, lr, o.seed() != null ? o.seed() : t.seed());
        String model = o.model() != null ? o.model() : tokens;
        require(model.equals(CHAR) || model.equals(BPE), "project gpt has no model '" + model + "' (choose char or bpe)");
        return new GptRecipe(o.dataset() != null ? o.dataset() : dataset, model, bpeVocab, nLayer, nHead, nEmbd, blockSize,
                dropout, bias, validationFraction, t, windows);
    }

    GptRecipe withEvaluations(int evals) {
        GptTrainConfig t = train.resized(evals, train.evalInterval(), train.evalIters());
        return new GptRecipe(dataset, tokens, bpeVocab, nLayer, nHead, nEmbd, blockSize, dropout, bias, validationFraction, t, limit);
    }

    /** The network for a vocabulary of {@code vocabSize} tokens. */
    GptConfig model(int vocabSize) {
        return new GptConfig(vocabSize, blockSize, nLayer, nHead, nEmbd, dropout, bias, false);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help` and docs/projects/gpt.md");
        }
    }
}
