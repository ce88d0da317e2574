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

    /**
     * Parses the names the CLI accepts: {@code constant}, {@code step}, {@code cosine} (2% warm-up, down
     * to 0) or {@code cosine:W:M} (warm-up fraction W, final factor M; nanoGPT's char recipe is
     * {@code cosine:0.05:0.1}).
     */
    static LrSchedule parse(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split(":", -1);
        if (parts[0].equals("cosine") && parts.length == 3) {
            try {
                double warmup = Double.parseDouble(parts[1]);
                double min = Double.parseDouble(parts[2]);
                if (warmup >= 0 && warmup < 1 && min >= 0 && min <= 1) {
                    return new Cosine(warmup, min);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("bad schedule '" + name + "': cosine:W:M needs a warm-up fraction W in [0, 1)"
                    + " and a final factor M in [0, 1], e.g. cosine:0.05:0.1");
        }
        return switch (parts.length == 1 ? parts[0] : "") {
            case "constant" -> new Constant();
            case "cosine" -> new Cosine(0.02, 0.0);
            case "step" -> new StepDecay(1 / 3.0, 0.1);
            default -> throw new IllegalArgumentException(
                    "unknown learning-rate schedule '" + name + "' (choose constant, cosine, cosine:W:M or step)");
        };
    }
}
