package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.text.Vocabulary;
import dev.dlforge.data.text.LabeledTexts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Multinomial naive Bayes with Laplace (additive) smoothing on Boolean word counts (x_w = 1 when w
 * occurs in the text, else 0), the variant Metsis, Androutsopoulos and Paliouras (2006, "Spam
 * filtering with naive Bayes - which naive Bayes?") found best for mail: raw counts let a few long
 * texts dominate. log P(c | x) = log P(c) + sum_w x_w log P(w | c) + const, where
 * P(w | c) = (n_cw + alpha) / (n_c + alpha |V|), n_cw is the number of training texts of class c
 * containing w and n_c = sum_w n_cw; P(c) is the class's share of training texts (add-one).
 */
public final class NaiveBayesModel implements TextModel {
    public static final String NAME = "naive-bayes";
    static final String FILE = "naive-bayes.bin";
    static final String VOCABULARY = "vocabulary.txt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "multinomial naive Bayes on Boolean word counts (Laplace smoothing)";
    }

    @Override
    public TextClassifier train(TextTraining training) {
        LabeledTexts train = training.split().train();
        TextClassifierRecipe r = training.recipe();
        Vocabulary vocabulary = BagOfWords.vocabulary(train.texts(), 1, r.features().vocabularySize());
        BagOfWords bag = new BagOfWords(vocabulary);
        int k = train.classes().size();
        int v = vocabulary.size();
        double[] wordCounts = new double[k * v];
        double[] classWords = new double[k];
        int[] classTexts = train.classCounts();
        for (int i = 0; i < train.size(); i++) {
            int c = train.labels()[i];
            SparseVector x = bag.counts(train.texts().get(i));
            for (int j = 0; j < x.size(); j++) {
                wordCounts[c * v + x.indices()[j]] += 1;
                classWords[c] += 1;
            }
        }
        // Row c: log P(c) in column 0 (<pad>, never a feature), log P(w | c) in the others.
        float[] table = new float[k * v];
        int known = v - 2; // <pad> and <unk> are not words
        for (int c = 0; c < k; c++) {
            table[c * v] = (float) Math.log((classTexts[c] + 1.0) / (train.size() + k));
            double denominator = classWords[c] + r.naiveBayes().laplace() * known;
            for (int w = 2; w < v; w++) {
                table[c * v + w] = (float) Math.log((wordCounts[c * v + w] + r.naiveBayes().laplace()) / denominator);
            }
        }
        return new Classifier(train.classes(), bag, table);
    }

    @Override
    public TextClassifier load(Path dir, ModelCard card) throws IOException {
        int[] shape = new int[2];
        float[] table = FloatMatrixFile.read(dir.resolve(FILE), shape);
        return new Classifier(card.labels(), new BagOfWords(Vocabulary.load(dir.resolve(VOCABULARY))), table);
    }

    private record Classifier(List<String> classes, BagOfWords bag, float[] table) implements TextClassifier {
        @Override
        public String model() {
            return NAME;
        }

        @Override
        public float[][] probabilities(List<String> texts) {
            int k = classes.size();
            int v = bag.vocabulary().size();
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                SparseVector x = bag.counts(texts.get(i));
                double[] logits = new double[k];
                for (int c = 0; c < k; c++) {
                    logits[c] = table[c * v];
                    for (int w : x.indices()) {
                        logits[c] += table[c * v + w];
                    }
                }
                out[i] = Softmax.of(logits);
            }
            return out;
        }

        @Override
        public void save(Path dir) throws IOException {
            bag.vocabulary().save(dir.resolve(VOCABULARY));
            FloatMatrixFile.write(dir.resolve(FILE), table, classes.size(), bag.vocabulary().size());
        }
    }
}
