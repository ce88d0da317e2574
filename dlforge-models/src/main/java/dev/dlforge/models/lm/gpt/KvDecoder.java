package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** A transformer decoder that scores ids after the positions held in a {@link KvCache}: {@link Gpt}, the Llama. */
public interface KvDecoder {
    int vocabSize();

    /** The most positions it attends to. */
    int contextLength();

    /** Attention layers, one cache slot each. */
    int layers();

    /** Logits (B, T, V) for ids (B, T) that follow the {@code cache}'s P positions (none when null), appending to it. */
    NDArray logits(ParameterStore store, NDArray ids, KvCache cache, boolean training);
}
