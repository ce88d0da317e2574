package dev.dlforge.projects.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.model.Weights;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.text.Vocabulary;
import dev.dlforge.core.train.BatchMetric;
import dev.dlforge.core.train.SupervisedTask;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.data.text.LabeledTexts;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A network over token ids of lower-cased {@link dev.dlforge.core.text.WordTokenizer} words (a
 * {@link Vocabulary} of the training texts), trained by the shared {@link Trainer} (progress,
 * validation curves, checkpoints, early stopping on validation accuracy, the studio's live charts).
 * A subclass supplies the network: input (B, T) int64 ids, padding 0; output (B, K) logits.
 */
public abstract class NeuralTextModel implements TextModel {
    static final int EVAL_BATCH = 256;

    /** The untrained network, parameters initialised. */
    protected abstract Block newBlock(TextClassifierRecipe.Network network, int vocabularySize, int classes, NDManager manager);

    @Override
    public boolean neural() {
        return true;
    }

    @Override
    public TextClassifier train(TextTraining t) throws IOException {
        TextClassifierRecipe r = t.recipe();
        LabeledTexts train = t.split().train();
        LabeledTexts val = t.split().validation();
        Vocabulary vocabulary = BagOfWords.vocabulary(train.texts(), r.features().minCount(), r.features().vocabularySize());
        int maxTokens = r.network().maxTokens();
        NDManager manager = Engines.newManager();
        try {
            Engines.seed(r.seed());
            Block block = newBlock(r.network(), vocabulary.size(), train.classes().size(), manager);
            TrainableParameters params = TrainableParameters.of(block);
            SupervisedTask task = new SupervisedTask(block, params, Loss.softmaxCrossEntropyLoss(), new Adam(params, Adam.Config.defaults()),
                    List.of(BatchMetric.accuracy()), 0, manager);
            TrainerState state = t.resumeFrom() == null ? TrainerState.start() : CheckpointStore.restore(t.resumeFrom(), task);
            // The interim model/ of the run is this network's best epoch until the run picks its served model.
            vocabulary.save(t.session().run().model().resolve(NaiveBayesModel.VOCABULARY));
            t.console().printf(Locale.ROOT, "%s: %,d parameters, vocabulary %,d%n", name(), params.count(), vocabulary.size());
            Trainer.Outcome outcome = t.session().fit(new Trainer(task, r.trainerConfig(val.size() > 0), manager), t.card(), block,
                    TokenIdBatches.training(ids(vocabulary, train.texts(), maxTokens), train.labels(), r.train().batchSize(), r.seed()),
                    val.size() == 0 ? null : TokenIdBatches.evaluation(ids(vocabulary, val.texts(), maxTokens), val.labels(), EVAL_BATCH),
                    state);
            if (outcome.status() == Trainer.Status.STOPPED) {
                manager.close();
                return null;
            }
            ModelArtifact.loadWeights(t.session().run().model(), block); // the kept (best) epoch, not necessarily the last
            return new Classifier(name(), train.classes(), vocabulary, maxTokens, manager, block, outcome.state());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Token ids of each text, its first {@code maxTokens} tokens (at least one: an empty text is one padding id). */
    static int[][] ids(Vocabulary vocabulary, List<String> texts, int maxTokens) {
        int[][] ids = new int[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            List<String> tokens = BagOfWords.tokens(texts.get(i));
            int[] row = vocabulary.encode(tokens.subList(0, Math.min(maxTokens, tokens.size())));
            ids[i] = row.length == 0 ? new int[] {Vocabulary.PAD_ID} : row;
        }
        return ids;
    }

    @Override
    public TextClassifier load(Path dir, ModelCard card) throws IOException {
        TextClassifierRecipe r = RecipeJson.read(card.recipe(), TextClassifierRecipe.class, "model " + dir);
        Vocabulary vocabulary = Vocabulary.load(dir.resolve(NaiveBayesModel.VOCABULARY));
        NDManager manager = Engines.newManager();
        try {
            Block block = newBlock(r.network(), vocabulary.size(), card.labels().size(), manager);
            ModelArtifact.loadWeights(dir, block);
            return new Classifier(name(), card.labels(), vocabulary, r.network().maxTokens(), manager, block, null);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The trained network; {@code state} (training history) is null when loaded from disk. */
    static final class Classifier implements TextClassifier {
        private final String name;
        private final List<String> classes;
        private final Vocabulary vocabulary;
        private final int maxTokens;
        private final NDManager manager;
        private final Block block;
        final TrainerState state;

        Classifier(String name, List<String> classes, Vocabulary vocabulary, int maxTokens, NDManager manager, Block block, TrainerState state) {
            this.name = name;
            this.classes = List.copyOf(classes);
            this.vocabulary = vocabulary;
            this.maxTokens = maxTokens;
            this.manager = manager;
            this.block = block;
            this.state = state;
        }

        @Override
        public String model() {
            return name;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public float[][] probabilities(List<String> texts) {
            int[][] ids = ids(vocabulary, texts, maxTokens);
            int k = classes.size();
            float[][] out = new float[texts.size()][];
            TokenIdBatches batches = TokenIdBatches.evaluation(ids, new int[ids.length], EVAL_BATCH);
            ParameterStore store = new ParameterStore(manager, false);
            for (int b = 0; b < batches.batchesPerEpoch(); b++) {
                try (NDManager call = manager.newSubManager()) {
                    NDArray x = batches.batch(0, b, call).inputs().head();                         // (B, T)
                    float[] p = block.forward(store, new NDList(x), false).head().softmax(-1).toFloatArray(); // (B, K)
                    for (int i = 0; i < x.getShape().get(0); i++) {
                        out[b * EVAL_BATCH + i] = Arrays.copyOfRange(p, i * k, (i + 1) * k);
                    }
                }
            }
            return out;
        }

        @Override
        public void save(Path dir) throws IOException {
            vocabulary.save(dir.resolve(NaiveBayesModel.VOCABULARY));
            AtomicFiles.write(dir.resolve("weights.bin"), out -> {
                DataOutputStream data = new DataOutputStream(out);
                Weights.write(block, data);
                data.flush();
            });
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
