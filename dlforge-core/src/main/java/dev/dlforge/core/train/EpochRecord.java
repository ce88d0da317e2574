package dev.dlforge.core.train;

import java.util.Map;

/**
 * Metrics of one finished epoch: {@code train_*} means over its batches, {@code val_*} over the
 * validation set, the learning rate at its end, its wall time, and the process's resident memory at
 * its end (flat from epoch to epoch when native memory is scoped right).
 */
public record EpochRecord(int epoch, double learningRate, double seconds, double rssMegabytes, Map<String, Double> metrics) {}
