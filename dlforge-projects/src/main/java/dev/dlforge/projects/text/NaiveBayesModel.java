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
 *
 * <p>Naive Bayes counts every word as independent evidence, so its log-odds are far too large: on mail most texts get
 * p = 1.0 in float, spam and ham alike, and no decision threshold can separate them. The scores are therefore
 * temperature-scaled (Guo et al. 2017, "On calibration of modern neural networks"): p = softmax(logits / T), with T
 * the value in [1, 10^4] that minimises the negative log-likelihood of the validation texts (golden-section search
 * on log T; T = 1 without validation texts). Dividing every log-probability of the table by T stores it: the argmax,
 * hence accuracy, is unchanged.
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
        float t = (float) temperature(table, bag, v, training.split().validation());
        for (int i = 0; i < table.length; i++) {
            table[i] /= t;
        }
        training.console().printf(java.util.Locale.ROOT, "naive Bayes: log-probabilities scaled by 1/T, T = %.2f (validation NLL)%n", t);
        return new Classifier(train.classes(), bag, table);
    }

    /** The T of the class comment: the minimiser of the mean of -log softmax(l_i / T)[y_i] over {@code texts}. */
    static double temperature(float[] table, BagOfWords bag, int v, LabeledTexts texts) {
        if (texts.size() == 0) {
            return 1;
        }
        int k = table.length / v;
        double[][] logits = new double[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            logits[i] = logits(table, k, v, bag.counts(texts.texts().get(i)));
        }
        java.util.function.DoubleUnaryOperator nll = logT -> {
            double t = Math.exp(logT);
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double l : logits[i]) {
                    max = Math.max(max, l / t);
                }
                double z = 0;
                for (double l : logits[i]) {
                    z += Math.exp(l / t - max);
                }
                sum += max + Math.log(z) - logits[i][texts.labels()[i]] / t;
            }
            return sum / logits.length;
        };
        double lo = 0;
        double hi = Math.log(1e4);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int step = 0; step < 60; step++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (nll.applyAsDouble(a) <= nll.applyAsDouble(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** log P(c) + sum_w x_w log P(w | c) for every class c. */
    static double[] logits(float[] table, int k, int v, SparseVector x) {
        double[] logits = new double[k];
        for (int c = 0; c < k; c++) {
            logits[c] = table[c * v];
            for (int w : x.indices()) {
                logits[c] += table[c * v + w];
            }
        }
        return logits;
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
                out[i] = Softmax.of(logits(table, k, v, bag.counts(texts.get(i))));
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
