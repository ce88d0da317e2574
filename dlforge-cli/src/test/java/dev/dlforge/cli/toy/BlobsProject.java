package dev.dlforge.cli.toy;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.*;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.eval.ClassifierEvaluation;
import dev.dlforge.core.model.*;
import dev.dlforge.core.optim.*;
import dev.dlforge.core.run.*;
import dev.dlforge.core.testing.TwoBlobs;
import dev.dlforge.core.train.*;
import dev.dlforge.projects.*;
import dev.dlforge.projects.kit.*;
import dev.dlforge.projects.serving.*;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.serving.output.Classes.Score;
import java.nio.file.Path;
import java.util.*;

/** A toy project on the kit: a small MLP tells two Gaussian blobs in the plane apart. Registered by one services line. */
public final class BlobsProject extends ResumableProject<BlobsProject.Recipe, TwoBlobs> implements Evaluates, Serves {
    /** The recipe: {@code limit} points in batches of {@code batchSize}, Adam at {@code learningRate}, a constant schedule. */
    public record Recipe(String model, String dataset, int epochs, int batchSize, double learningRate, long seed, int limit) {}

    @Override public ProjectInfo info() { return new ProjectInfo("blobs", "B", "Toy", "two blobs told apart by an MLP", "the kit", "generated", ">= 0.85"); }

    @Override public List<String> models() { return List.of("mlp"); }
    @Override public List<String> datasets() { return List.of("two-blobs"); }
    @Override public List<BenchmarkTarget> benchmarkTargets() { return List.of(new BenchmarkTarget("mlp", "test_accuracy", 0.85, 0)); }
    @Override public Demo demo() { return new Demo("text", "Type a point as two numbers, e.g. 1.2 0.8.", Map.of()); }
    @Override protected Recipe defaults(TrainOptions options) { return new Recipe("mlp", "two-blobs", 3, 16, 0.05, 42, 320); }
    @Override protected Class<Recipe> recipeType() { return Recipe.class; }
    @Override protected TwoBlobs data(Recipe r, TrainOptions o) { return new TwoBlobs(2, r.batchSize(), Math.max(1, r.limit() / r.batchSize()), r.seed()); }

    @Override
    protected TrainingResult train(RunSession session, Recipe r, TwoBlobs data, Path checkpoint) throws java.io.IOException {
        try (NDManager manager = Engines.newManager()) {
            Engines.seed(r.seed());
            Block net = network(manager, null);
            TrainableParameters params = TrainableParameters.of(net);
            SupervisedTask task = new SupervisedTask(net, params, Loss.softmaxCrossEntropyLoss(), new Adam(params, Adam.Config.defaults()),
                    List.of(BatchMetric.accuracy()), 0, manager);
            TrainerState state = checkpoint == null ? TrainerState.start() : CheckpointStore.restore(checkpoint, task);
            TrainerConfig config = new TrainerConfig(r.epochs(), r.learningRate(), "constant", r.seed(), 0, EarlyStopping.off("val_accuracy", true));
            Trainer.Outcome outcome = session.fit(new Trainer(task, config, manager), card(r, Map.of()), net, data,
                    new TwoBlobs(2, 32, 2, r.seed() + 1), state);
            if (outcome.status() == Trainer.Status.STOPPED) return TrainingResult.stoppedEarly();
            Map<String, Double> metrics = new LinkedHashMap<>(Map.of("test_accuracy", test(net, r, manager)));
            metrics.putAll(outcome.summary());
            ModelArtifact.save(session.run().model(), card(r, metrics), net);
            return TrainingResult.completed(metrics);
        }
    }

    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        try (NDManager m = Engines.newManager()) { return Map.of("test_accuracy", test(network(m, run.model()), recipeOf(run), m)); }
    }

    @Override
    public Predictor<float[], Classes> predictor(Path modelDir) {
        NDManager manager = Engines.newManager();
        Block net = network(manager, modelDir);
        return new Predictor<>() {
            @Override public ModelCard card() { return ModelArtifact.readCard(modelDir); }
            @Override public List<String> accepts() { return List.of("text/plain"); }
            @Override public void close() { manager.close(); }

            @Override
            public float[] decode(Payload payload) {
                try { // "x y" or "x, y"
                    String[] xy = payload.plainText().strip().split("[\\s,]+");
                    return new float[] {Float.parseFloat(xy[0]), Float.parseFloat(xy[xy.length == 2 ? 1 : -1])};
                } catch (RuntimeException e) {
                    throw InvalidInputException.badRequest("'" + payload.plainText().strip() + "' is not a point", "send two numbers, e.g. 1.2 0.8");
                }
            }

            @Override
            public List<Classes> predict(List<float[]> batch) {
                try (NDManager m = manager.newSubManager()) {
                    NDList in = new NDList(m.create(batch.toArray(float[][]::new)));                                  // (B, 2)
                    float[] flat = net.forward(new ParameterStore(m, false), in, false).singletonOrThrow().softmax(1).toFloatArray();
                    List<Classes> out = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) { // the most probable class first
                        out.add(Classes.ofTop(List.of(new Score("low", flat[2 * i]), new Score("high", flat[2 * i + 1])).stream()
                                .sorted(Comparator.comparingDouble(Score::probability).reversed()).toList()));
                    }
                    return out;
                }
            }
        };
    }

    private static double test(Block net, Recipe r, NDManager manager) { // held-out points from another seed
        return ClassifierEvaluation.run(net, new TwoBlobs(2, 64, 4, r.seed() + 2), manager).accuracy();
    }

    /** (B, 2) points -> (B, 2) logits; fresh, or with the weights of a model folder. */
    private static Block network(NDManager manager, Path weights) {
        Block net = new SequentialBlock().add(Linear.builder().setUnits(16).build()).add(Activation::relu).add(Linear.builder().setUnits(2).build());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        if (weights != null) {
            ModelArtifact.loadWeights(weights, net);
        }
        return net;
    }

    private ModelCard card(Recipe r, Map<String, Double> metrics) {
        return ModelCard.now("blobs", r.model(), RecipeJson.write(r), List.of(2L), List.of("low", "high"), metrics, r.dataset());
    }
}
