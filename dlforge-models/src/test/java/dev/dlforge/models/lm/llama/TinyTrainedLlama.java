package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.models.lm.TokenWindows;
import dev.dlforge.models.lm.gpt.GptTrainConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny Llama (dim 64, 2 layers, GQA 4/2) and a 400-token byte-level BPE, both trained on the opening of Moby-Dick for
 * a few steps: enough for clear-cut greedy choices, so two engines' continuations are comparable token for token.
 */
final class TinyTrainedLlama {
    static final String TEXT = """
            Call me Ishmael. Some years ago--never mind how long precisely--having little or no money in my purse, and \
            nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of \
            the world. It is a way I have of driving off the spleen and regulating the circulation. Whenever I find \
            myself growing grim about the mouth; whenever it is a damp, drizzly November in my soul; whenever I find \
            myself involuntarily pausing before coffin warehouses, and bringing up the rear of every funeral I meet; and \
            especially whenever my hypos get such an upper hand of me, that it requires a strong moral principle to \
            prevent me from deliberately stepping into the street, and methodically knocking people's hats off--then, I \
            account it high time to get to sea as soon as I can. This is my substitute for pistol and ball. With a \
            philosophical flourish Cato throws himself upon his sword; I quietly take to the ship. There is nothing \
            surprising in this. If they but knew it, almost all men in their degree, some time or other, cherish very \
            nearly the same feelings towards the ocean with me.

            There now is your insular city of the Manhattoes, belted round by wharves as Indian isles by coral \
            reefs--commerce surrounds it with her surf. Right and left, the streets take you waterward. Its extreme \
            downtown is the battery, where that noble mole is washed by waves, and cooled by breezes, which a few hours \
            previous were out of sight of land. Look at the crowds of water-gazers there.
            """;

    final ByteLevelBpe tokenizer;
    final Llama llama;
    final double firstLoss;
    final double lastLoss;

    private TinyTrainedLlama(ByteLevelBpe tokenizer, Llama llama, double firstLoss, double lastLoss) {
        this.tokenizer = tokenizer;
        this.llama = llama;
        this.firstLoss = firstLoss;
        this.lastLoss = lastLoss;
    }

    /** Trains in {@code manager} (the model's weights live there), checkpoints under {@code dir}. */
    static TinyTrainedLlama train(NDManager manager, Path dir, boolean tied) {
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(List.of(TEXT), 400, List.of(LlamaGguf.END_OF_TEXT));
        LlamaConfig tiny = LlamaConfig.tiny(bpe.vocabSize());
        LlamaConfig config = tied ? new LlamaConfig(tiny.dim(), tiny.layers(), tiny.heads(), tiny.kvHeads(), tiny.ffn(), tiny.vocab(),
                tiny.context(), tiny.ropeTheta(), tiny.rmsEps(), true) : tiny;
        Engines.seed(17);
        Llama llama = Llama.create(config, manager);
        int[] ids = bpe.encode(TEXT);
        GptTrainConfig loop = new GptTrainConfig(120, 60, 2, 8, 3e-3, 3e-4, 12, 0.1f, 0.9f, 0.99f, 1.0, 17);
        Trainer.Outcome outcome = new Trainer(loop.task(llama, manager), loop.trainerConfig(), manager)
                .fit(new TokenWindows(ids, config.context(), loop.batchSize(), loop.evalInterval(), loop.seed()),
                        new TokenWindows(ids, config.context(), loop.batchSize(), loop.evalIters(), loop.seed() + 1),
                        new CheckpointStore(dir, 1), TrainerState.start());
        var history = outcome.state().history();
        return new TinyTrainedLlama(bpe, llama, history.get(0).metrics().get("train_loss"),
                history.get(history.size() - 1).metrics().get("train_loss"));
    }
}
