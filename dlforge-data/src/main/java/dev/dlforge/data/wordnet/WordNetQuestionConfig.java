package dev.dlforge.data.wordnet;

/**
 * How {@link WordNetQuestions} builds its set.
 *
 * @param seed the same seed and synsets give the same set
 * @param questions how many questions, half from definitions and half from examples
 * @param documents how many synsets to index: every gold synset plus random others; 0 means all
 * @param synonymRate the chance that a content word is replaced by a synonym (when WordNet has one)
 */
public record WordNetQuestionConfig(long seed, int questions, int documents, double synonymRate) {
    /** 1,000 questions over 20,000 synsets, every content word that has a synonym swapped for one. */
    public static WordNetQuestionConfig defaults() {
        return new WordNetQuestionConfig(2_006L, 1_000, 20_000, 1.0);
    }

    public WordNetQuestionConfig {
        if (questions < 1 || documents < 0 || !(synonymRate >= 0 && synonymRate <= 1)) {
            throw new IllegalArgumentException("need questions >= 1, documents >= 0, 0 <= synonymRate <= 1");
        }
    }
}
