package dev.dlforge.data.wordnet;

/**
 * How {@link WordNetQuestions} builds its set.
 *
 * @param seed the same seed and synsets give the same set
 * @param questions how many questions, half from definitions and half from examples
 * @param documents how many synsets to index: every gold synset plus random others; 0 means all
 * @param synonymRate the chance that a content word of a definition is replaced by a synonym
 * @param shuffleWindow how far a word may move: word {@code i} sorts by {@code i + U(0, window)}
 */
public record WordNetQuestionConfig(long seed, int questions, int documents, double synonymRate, double shuffleWindow) {
    /** 1,000 questions over 20,000 synsets, a third of content words swapped, words moved up to 3 places. */
    public static WordNetQuestionConfig defaults() {
        return new WordNetQuestionConfig(2_006L, 1_000, 20_000, 0.33, 3.0);
    }

    public WordNetQuestionConfig {
        if (questions < 1 || documents < 0 || synonymRate < 0 || synonymRate > 1 || shuffleWindow < 0) {
            throw new IllegalArgumentException("need questions >= 1, documents >= 0, 0 <= synonymRate <= 1, shuffleWindow >= 0");
        }
    }
}
