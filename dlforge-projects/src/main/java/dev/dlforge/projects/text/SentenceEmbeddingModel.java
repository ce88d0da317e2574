package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.models.text.MiniLmEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Pretrained sentence embeddings and a trained softmax head: each text becomes MiniLM's 384-d unit
 * vector e (all-MiniLM-L6-v2, frozen; see {@link SentenceEmbeddings} for long texts), then
 * p(c | e) = softmax(W e + b)_c with W (K, 384) fitted like {@link TfidfLogisticModel}'s: mean
 * cross-entropy + (lambda / 2) ||W||^2 by mini-batch Adam, {@code logisticEpochs} passes at
 * {@code logisticRate}. Every text is encoded once per run and the epochs reuse the vectors.
 *
 * <p>The head is plain Java rather than a DJL block trained by the shared Trainer: it is a
 * linear model on a few thousand 384-d vectors (seconds per run), so it needs no engine, no
 * checkpoints and no resume; the run's time goes into the encoder.
 */
public final class SentenceEmbeddingModel implements TextModel {
    public static final String NAME = "minilm";
    static final String WEIGHTS = "head.bin";

    /** A pretrained 22M-parameter encoder under the head: the most complex model a run compares. */
    @Override
    public ModelComplexity complexity() {
        return ModelComplexity.PRETRAINED;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "MiniLM sentence embeddings (all-MiniLM-L6-v2, frozen, 384-d) + softmax logistic-regression head";
    }

    @Override
    public TextClassifier train(TextTraining training) {
        TextClassifierRecipe r = training.recipe();
        LabeledTexts train = training.split().train();
        LabeledTexts val = training.split().validation();
        SentenceEmbeddings embeddings = SentenceEmbeddings.open();
        try {
            float[][] x = embeddings.embed(train.texts()); // (N, 384)
            embeddings.embed(val.texts()); // cached for the validation score the pipeline asks for next
            training.console().printf(Locale.ROOT, "%s: encoded %,d texts (%,d chunks) in %.1f s: %.1f texts/s%n", NAME,
                    embeddings.encodedTexts(), embeddings.encodedChunks(), embeddings.encodeSeconds(),
                    embeddings.encodedTexts() / Math.max(embeddings.encodeSeconds(), 1e-9));
            int k = train.classes().size();
            float[] w = new float[k * (MiniLmEncoder.DIMENSION + 1)];
            long start = System.nanoTime();
            TfidfLogisticModel.fit(w, dense(x), train.labels(), k, MiniLmEncoder.DIMENSION, r);
            training.console().printf(Locale.ROOT, "%s: head trained in %.1f s (%d epochs)%n", NAME,
                    (System.nanoTime() - start) / 1e9, r.logistic().epochs());
            return new Classifier(train.classes(), embeddings, w);
        } catch (RuntimeException e) {
            embeddings.close();
            throw e;
        }
    }

    /** Each embedding as a vector with all 384 indices, the form the logistic fit reads. */
    static List<SparseVector> dense(float[][] x) {
        int[] all = IntStream.range(0, MiniLmEncoder.DIMENSION).toArray();
        return java.util.Arrays.stream(x).map(e -> new SparseVector(all, e)).toList();
    }

    @Override
    public TextClassifier load(Path dir, ModelCard card) throws IOException {
        int[] shape = new int[2];
        float[] w = FloatMatrixFile.read(dir.resolve(WEIGHTS), shape);
        if (shape[0] != card.labels().size() || shape[1] != MiniLmEncoder.DIMENSION + 1) {
            throw new IOException(dir.resolve(WEIGHTS) + " is " + shape[0] + "x" + shape[1] + ", expected "
                    + card.labels().size() + "x" + (MiniLmEncoder.DIMENSION + 1));
        }
        return new Classifier(card.labels(), SentenceEmbeddings.open(), w);
    }

    /** The head on the encoder; closing it closes the encoder's ONNX session. */
    static final class Classifier implements TextClassifier {
        private final List<String> classes;
        private final SentenceEmbeddings embeddings;
        private final float[] weights; // (K, 385): W then b per row

        Classifier(List<String> classes, SentenceEmbeddings embeddings, float[] weights) {
            this.classes = List.copyOf(classes);
            this.embeddings = embeddings;
            this.weights = weights;
        }

        @Override
        public String model() {
            return NAME;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public float[][] probabilities(List<String> texts) {
            List<SparseVector> x = dense(embeddings.embed(texts));
            int k = classes.size();
            int v = MiniLmEncoder.DIMENSION;
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                double[] logits = new double[k];
                for (int c = 0; c < k; c++) {
                    logits[c] = x.get(i).dot(weights, c * (v + 1)) + weights[c * (v + 1) + v];
                }
                out[i] = Softmax.of(logits);
            }
            return out;
        }

        /** Texts encoded so far by this classifier's encoder (for tests: a cache hit encodes nothing). */
        long encodedTexts() {
            return embeddings.encodedTexts();
        }

        @Override
        public void save(Path dir) throws IOException {
            FloatMatrixFile.write(dir.resolve(WEIGHTS), weights, classes.size(), MiniLmEncoder.DIMENSION + 1);
        }

        @Override
        public void close() {
            embeddings.close();
        }
    }
}
