package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.models.lm.NextTokenTask;
import java.util.Locale;

/**
 * How a GPT trains, in nanoGPT's terms. {@link #nanoGptChar} is the CPU baby run of nanoGPT's README
 * (shakespeare_char config with --max_iters=2000 --lr_decay_iters=2000 --eval_iters=20): AdamW with
 * betas (0.9, 0.99) and weight decay 0.1 on matrices only, learning rate warmed up over 100
 * iterations then cosine-decayed from 1e-3 to 1e-4 at the last iteration, gradients clipped to norm
 * 1.0, validation every 250 iterations on 20 batches.
 *
 * @param maxIters optimiser steps in the whole run
 * @param evalInterval steps between validations (one trainer "epoch")
 * @param evalIters batches averaged by each validation
 * @param batchSize sequences per step (each block-size tokens long)
 */
public record GptTrainConfig(
        int maxIters,
        int evalInterval,
        int evalIters,
        int batchSize,
        double learningRate,
        double minLearningRate,
        int warmupIters,
        float weightDecay,
        float beta1,
        float beta2,
        double gradClip,
        long seed) {

    public GptTrainConfig {
        if (maxIters < 1 || evalInterval < 1 || evalIters < 1 || batchSize < 1) {
            throw new IllegalArgumentException("iterations, eval interval, eval iterations and batch size must be positive");
        }
        if (maxIters % evalInterval != 0) {
            throw new IllegalArgumentException("max iterations (" + maxIters + ") must be a multiple of the eval interval ("
                    + evalInterval + ")");
        }
        if (!(minLearningRate <= learningRate) || warmupIters < 0 || warmupIters >= maxIters) {
            throw new IllegalArgumentException("need min lr <= lr and 0 <= warm-up < max iterations");
        }
    }

    public static GptTrainConfig nanoGptChar() {
        return new GptTrainConfig(2000, 250, 20, 12, 1e-3, 1e-4, 100, 0.1f, 0.9f, 0.99f, 1.0, 1337);
    }

    /** Validations, each closing one trainer epoch. */
    public int epochs() {
        return maxIters / evalInterval;
    }

    /** The loop: cosine from lr to min lr after warm-up, best "epoch" by validation loss. */
    public TrainerConfig trainerConfig() {
        String schedule = String.format(Locale.ROOT, "cosine:%s:%s", warmupIters / (double) maxIters, minLearningRate / learningRate);
        return new TrainerConfig(epochs(), learningRate, schedule, seed, 0, EarlyStopping.off("val_loss", false));
    }

    /** Next-token cross-entropy under AdamW with clipping, for the parameters of {@code model} (a {@link Gpt}, a Llama). */
    public NextTokenTask task(Block model, NDManager manager) {
        TrainableParameters params = TrainableParameters.of(model);
        Adam adam = new Adam(params, Adam.Config.adamW(weightDecay).withBetas(beta1, beta2).decayingMatricesOnly());
        return new NextTokenTask(model, params, adam, gradClip, manager);
    }
}
