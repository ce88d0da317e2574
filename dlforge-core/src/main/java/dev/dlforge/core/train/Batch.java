package dev.dlforge.core.train;

import ai.djl.ndarray.NDList;

/** One mini-batch: model inputs, targets, and how many examples it holds. */
public record Batch(NDList inputs, NDList labels, int size) {}
