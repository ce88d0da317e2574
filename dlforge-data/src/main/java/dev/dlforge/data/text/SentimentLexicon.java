package dev.dlforge.data.text;

import java.util.Map;

/**
 * A word-level sentiment lexicon: entry (a word, phrase or emoticon, lower-case) to its score.
 *
 * @param name which lexicon, e.g. {@code VADER} or {@code AFINN-165}
 * @param scale the score range in words, e.g. {@code -4..+4 (mean of 10 human ratings)}
 * @param scores entry to score
 * @param skipped lines that could not be read, by reason
 */
public record SentimentLexicon(String name, String scale, Map<String, Double> scores, TextRepairs skipped) {

    public SentimentLexicon {
        scores = Map.copyOf(scores);
    }
}
