package dev.dlforge.llm.tensor;

import java.util.SplittableRandom;

/** Deterministic rows that reach the quantisers' corners, one super-block (256 values) per kind of data. */
final class TestRows {
    private TestRows() {
    }

    /** 16 super-blocks: weights-like gaussians, outliers, one-signed, constant, zero, tiny, huge, ties and mixed scales. */
    static float[] corners(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[16 * 256];
        for (int kind = 0; kind < 16; kind++) {
            for (int j = 0; j < 256; j++) {
                x[kind * 256 + j] = value(kind, j, r);
            }
        }
        return x;
    }

    private static float value(int kind, int j, SplittableRandom r) {
        double g = gaussian(r);
        return switch (kind) {
            case 0 -> (float) g;
            case 1 -> (float) (0.02 * g);
            case 2 -> (float) (2 * r.nextDouble() - 1);
            case 3 -> (float) Math.abs(g) + 0.1f;           // all positive: the k-quants' min is 0
            case 4 -> (float) -Math.abs(g) - 0.1f;          // all negative
            case 5 -> j % 37 == 0 ? 40f : (float) (0.05 * g); // outliers
            case 6 -> 0.75f;                                 // constant
            case 7 -> 0f;                                    // all zero
            case 8 -> (float) (1e-6 * g);                    // scales in f16's subnormal range
            case 9 -> (float) (3e4 * g);                     // scales near f16's top
            case 10 -> (j % 17 - 8) * 0.5f;                  // exact ties for the rounders
            case 11 -> j % 32 < 16 ? (float) (1e-3 * g) : (float) (10 * g); // sub-blocks of very different scale
            case 12 -> j % 2 == 0 ? -1f : 1f;
            case 13 -> (float) (g * g * g);
            case 14 -> j == 100 ? -7f : (float) r.nextDouble();
            default -> (float) (StrictMath.sin(j * 0.1) + 0.01 * g);
        };
    }

    /** {@code n} gaussian values of standard deviation {@code sigma}. */
    static float[] gaussian(long seed, int n, double sigma) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (sigma * gaussian(r));
        }
        return x;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller in StrictMath: the same values on every JDK and CPU (Math.log and nextGaussian may differ), so the
        // digests in ReferenceDigestsTest hold everywhere
        double u = 1 - r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * r.nextDouble());
    }
}
