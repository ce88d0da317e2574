package dev.dlforge.core.optim;

import java.util.Locale;

/**
 * How the learning rate moves during training, as a factor on the base rate. {@code step} counts
 * optimiser steps from 0; {@code total} is the number of steps the run will take.
 */
public sealed interface LrSchedule {

    double factor(long step, long total);

    /** The rate at {@code step} for a base rate. */
    default double rate(double baseRate, long step, long total) {
        return baseRate * factor(step, total);
    }

    /** The base rate throughout. */
    record Constant() implements LrSchedule {
        @Override
        public double factor(long step, long total) {
            return 1;
        }
    }

    /**
     * Linear warm-up over the first {@code warmupFraction} of the run, then half a cosine from 1
     * down to {@code minFactor}: f = min + (1 - min) (1 + cos(pi p)) / 2, p the progress after warm-up.
     */
    record Cosine(double warmupFraction, double minFactor) implements LrSchedule {
        @Override
        public double factor(long step, long total) {
            long warmup = Math.round(warmupFraction * total);
            if (step < warmup) {
                return (step + 1) / (double) warmup;
            }
            double progress = total <= warmup ? 1 : Math.min(1, (step - warmup) / (double) (total - warmup));
            return minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
    }

    /** Multiplies the rate by {@code gamma} after each {@code fraction} of the run. */
    record StepDecay(double fraction, double gamma) implements LrSchedule {
        @Override
        public double factor(long step, long total) {
            long every = Math.max(1, Math.round(fraction * total));
            return Math.pow(gamma, step / every);
        }
    }

    /** Parses {@code constant}, {@code cosine} or {@code step}, the names the CLI accepts. */
    static LrSchedule parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "constant" -> new Constant();
            case "cosine" -> new Cosine(0.02, 0.0);
            case "step" -> new StepDecay(1 / 3.0, 0.1);
            default -> throw new IllegalArgumentException(
                    "unknown learning-rate schedule '" + name + "' (choose constant, cosine or step)");
        };
    }
}
