package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.text.Vocabulary;
import dev.dlforge.data.text.LabeledTexts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * TF-IDF features and multinomial logistic regression. A text's feature for word w is
 * (1 + log tf_w) * idf_w with idf_w = log((1 + N) / (1 + df_w)) + 1 over the N training texts, the
 * vector then scaled to unit L2 norm. The model p(c | x) = softmax(W x + b)_c minimises mean
 * cross-entropy + (lambda / 2) ||W||^2 by mini-batch Adam (the bias is not penalised).
 */
public final class TfidfLogisticModel implements TextModel {
    public static final String NAME = "tfidf-logreg";
    static final String WEIGHTS = "logistic.bin";
    static final String IDF = "idf.bin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "TF-IDF (sublinear tf, L2-normalised) + L2-regularised logistic regression";
    }

    @Override
    public TextClassifier train(TextTraining training) {
        TextClassifierRecipe r = training.recipe();
        LabeledTexts train = training.split().train();
        Vocabulary vocabulary = BagOfWords.vocabulary(train.texts(), r.features().minCount(), r.features().vocabularySize());
        BagOfWords bag = new BagOfWords(vocabulary);
        int v = vocabulary.size();
        List<SparseVector> counts = train.texts().stream().map(bag::counts).toList();
        float[] idf = new float[v];
        int[] df = new int[v];
        counts.forEach(x -> {
            for (int j : x.indices()) {
                df[j]++;
            }
        });
        for (int w = 0; w < v; w++) {
            idf[w] = (float) (Math.log((1.0 + train.size()) / (1.0 + df[w])) + 1);
        }
        Classifier classifier = new Classifier(train.classes(), bag, idf, new float[train.classes().size() * (v + 1)]);
        List<SparseVector> x = counts.stream().map(classifier::tfidf).toList();
        fit(classifier.weights, x, train.labels(), train.classes().size(), v, r);
        return classifier;
    }

    /** Mini-batch Adam (beta 0.9, 0.999) on W (K, V) and b (K) stored as rows of width V + 1 (bias last). */
    static void fit(float[] w, List<SparseVector> x, int[] labels, int k, int v, TextClassifierRecipe r) {
        int width = v + 1;
        double[] m = new double[w.length];
        double[] s = new double[w.length];
        double[] grad = new double[w.length];
        double beta1 = 0.9;
        double beta2 = 0.999;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            order.add(i);
        }
        Random rng = new Random(r.seed());
        long step = 0;
        for (int epoch = 0; epoch < r.logistic().epochs(); epoch++) {
            Collections.shuffle(order, rng);
            for (int start = 0; start < order.size(); start += r.train().batchSize()) {
                int end = Math.min(order.size(), start + r.train().batchSize());
                java.util.Arrays.fill(grad, 0);
                for (int b = start; b < end; b++) {
                    int i = order.get(b);
                    float[] p = Classifier.probabilities(w, x.get(i), k, v);
                    SparseVector xi = x.get(i);
                    for (int c = 0; c < k; c++) {
                        double d = (p[c] - (labels[i] == c ? 1 : 0)) / (end - start); // d(mean CE)/d(logit c)
                        for (int j = 0; j < xi.size(); j++) {
                            grad[c * width + xi.indices()[j]] += d * xi.values()[j];
                        }
                        grad[c * width + v] += d;
                    }
                }
                step++;
                double correction1 = 1 - Math.pow(beta1, step);
                double correction2 = 1 - Math.pow(beta2, step);
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < width; j++) {
                        int at = c * width + j;
                        double g = grad[at] + (j < v ? r.logistic().l2() * w[at] : 0);
                        m[at] = beta1 * m[at] + (1 - beta1) * g;
                        s[at] = beta2 * s[at] + (1 - beta2) * g * g;
                        w[at] -= (float) (r.logistic().learningRate() * (m[at] / correction1) / (Math.sqrt(s[at] / correction2) + 1e-8));
                    }
                }
            }
        }
    }

    @Override
    public TextClassifier load(Path dir, ModelCard card) throws IOException {
        int[] shape = new int[2];
        float[] weights = FloatMatrixFile.read(dir.resolve(WEIGHTS), shape);
        float[] idf = FloatMatrixFile.read(dir.resolve(IDF), new int[2]);
        return new Classifier(card.labels(), new BagOfWords(Vocabulary.load(dir.resolve(NaiveBayesModel.VOCABULARY))), idf, weights);
    }

    private record Classifier(List<String> classes, BagOfWords bag, float[] idf, float[] weights) implements TextClassifier {
        @Override
        public String model() {
            return NAME;
        }

        SparseVector tfidf(SparseVector counts) {
            float[] values = new float[counts.size()];
            double norm = 0;
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) ((1 + Math.log(counts.values()[j])) * idf[counts.indices()[j]]);
                norm += values[j] * values[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < values.length; j++) {
                values[j] /= (float) Math.max(norm, 1e-12);
            }
            return new SparseVector(counts.indices(), values);
        }

        static float[] probabilities(float[] w, SparseVector x, int k, int v) {
            double[] logits = new double[k];
            for (int c = 0; c < k; c++) {
                logits[c] = x.dot(w, c * (v + 1)) + w[c * (v + 1) + v];
            }
            return Softmax.of(logits);
        }

        @Override
        public float[][] probabilities(List<String> texts) {
            int v = bag.vocabulary().size();
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                out[i] = probabilities(weights, tfidf(bag.counts(texts.get(i))), classes.size(), v);
            }
            return out;
        }

        @Override
        public void save(Path dir) throws IOException {
            bag.vocabulary().save(dir.resolve(NaiveBayesModel.VOCABULARY));
            FloatMatrixFile.write(dir.resolve(IDF), idf, 1, idf.length);
            FloatMatrixFile.write(dir.resolve(WEIGHTS), weights, classes.size(), bag.vocabulary().size() + 1);
        }
    }
}
