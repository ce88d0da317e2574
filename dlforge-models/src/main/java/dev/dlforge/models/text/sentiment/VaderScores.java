package dev.dlforge.models.text.sentiment;

/**
 * VADER's output for one text, rounded as the reference implementation rounds it.
 *
 * @param neg share of the text's sentiment mass that is negative (3 decimals)
 * @param neu share that is neutral (3 decimals)
 * @param pos share that is positive (3 decimals)
 * @param compound the normalised sum of valences, {@code x / sqrt(x^2 + 15)}, in [-1, 1] (4 decimals)
 */
public record VaderScores(double neg, double neu, double pos, double compound) {

    /** Scores of a text with no tokens at all. */
    public static final VaderScores EMPTY = new VaderScores(0, 0, 0, 0);

    /** VADER's README convention: positive at compound >= 0.05, negative at <= -0.05, else neutral. */
    public static final double POLARITY_THRESHOLD = 0.05;

    public boolean positive() {
        return compound >= POLARITY_THRESHOLD;
    }

    public boolean negative() {
        return compound <= -POLARITY_THRESHOLD;
    }
}
