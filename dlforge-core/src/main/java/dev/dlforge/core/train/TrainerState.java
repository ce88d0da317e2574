package dev.dlforge.core.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, everything besides tensors that a resume needs.
 *
 * @param epoch the current epoch, from 0
 * @param batch the next batch of that epoch to run; equal to the batch count when only the
 *     epoch's validation is left
 * @param globalStep optimiser steps taken
 * @param epochSums training metric sums of the unfinished epoch
 * @param history finished epochs
 * @param bestValue best value of the monitored metric so far (NaN before the first)
 * @param bestEpoch epoch (1-based) that reached it, 0 before the first
 * @param elapsedSeconds training time across all sessions of this run
 */
public record TrainerState(
        int epoch,
        int batch,
        long globalStep,
        MetricSums.Snapshot epochSums,
        List<EpochRecord> history,
        double bestValue,
        int bestEpoch,
        double elapsedSeconds) {

    public TrainerState {
        history = List.copyOf(history);
    }

    public static TrainerState start() {
        return new TrainerState(0, 0, 0, MetricSums.Snapshot.empty(), List.of(), Double.NaN, 0, 0);
    }

    TrainerState atBatch(int nextBatch, long step, MetricSums sums, double elapsed) {
        return new TrainerState(epoch, nextBatch, step, sums.snapshot(), history, bestValue, bestEpoch, elapsed);
    }

    TrainerState nextEpoch(EpochRecord record, double best, int bestAt, double elapsed) {
        List<EpochRecord> h = new ArrayList<>(history);
        h.add(record);
        return new TrainerState(epoch + 1, 0, globalStep, MetricSums.Snapshot.empty(), h, best, bestAt, elapsed);
    }

    /** Epochs since the best one. */
    public int epochsSinceBest() {
        return history.size() - bestEpoch;
    }
}
