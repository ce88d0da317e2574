package dev.dlforge.core.engine;

/**
 * Derives independent seeds from a run seed and a position, so that what happens at a given
 * (epoch, step) is the same whether the run got there in one go or after a resume.
 */
public final class Seeds {
    private Seeds() {}

    /** Mixes the parts with SplitMix64's finaliser; nearby inputs give unrelated outputs. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = splitMix(h ^ p);
        }
        return h;
    }

    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
