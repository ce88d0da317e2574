package dev.dlforge.core.train;

import java.util.Map;

/**
 * Metrics of one finished epoch: {@code train_*} means over its batches, {@code val_*} over the
 * validation set, the learning rate at its end, and its wall time.
 */
public record EpochRecord(int epoch, double learningRate, double seconds, Map<String, Double> metrics) {}
