package dev.dlforge.projects.pos;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.text.WordTokenizer;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.models.text.BiLstmTagger;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.kit.ResumableProject;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.kit.TrainingResult;
import dev.dlforge.projects.serving.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sequence labelling with a BiLSTM-CRF: parts of speech on the Brown corpus (12 universal tags,
 * held out by document), and the same pipeline for named entities on CoNLL-2003 files the user
 * supplies. See docs/projects/pos.md.
 */
public final class PosProject extends ResumableProject<PosRecipe, TaggingData> implements Evaluates, Serves {
    public static final String ID = "pos";
    static final int EVAL_BATCH = 64;
    /** Longest text the predictor takes; beyond it the text is cut, with a note. */
    static final int MAX_TEXT_CHARS = 100_000;
    static final int MAX_SENTENCE_TOKENS = 200;

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return List.of("bilstm-crf");
    }

    @Override
    public List<String> datasets() {
        return List.of(TaggingDatasets.BROWN, TaggingDatasets.CONLL);
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(new BenchmarkTarget("bilstm-crf", "test_accuracy", 0.95, 900));
    }

    @Override
    protected PosRecipe defaults(TrainOptions options) {
        return PosRecipe.defaults();
    }

    @Override
    protected Class<PosRecipe> recipeType() {
        return PosRecipe.class;
    }


    @Override
    protected PosRecipe validated(PosRecipe recipe) {
        return recipe.validated();
    }

    @Override
    protected TaggingData data(PosRecipe recipe, TrainOptions options) {
        return TaggingDatasets.load(recipe, options.data());
    }

    @Override
    protected TrainingResult train(RunSession session, PosRecipe recipe, TaggingData data, Path checkpoint) throws IOException {
        RunDir run = session.run();
        try (NDManager manager = Engines.newManager()) {
            Engines.seed(recipe.train().seed());
            // The vocabularies are a function of the training split alone, so a resumed run rebuilds the same ones.
            TokenFeatures features = TokenFeatures.fit(data.train().stream().map(TaggedSentence::words).toList(),
                    recipe.network().minWordCount(), 50_000);
            Files.createDirectories(run.model());
            features.save(run.model());
            Map<String, Integer> tagIds = tagIds(data.tags());
            BiLstmTagger network = new BiLstmTagger(recipe.taggerConfig(features.wordCount(), features.suffixCount(), data.tags().size()));
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1));
            TrainableParameters params = TrainableParameters.of(network);
            CrfTaggingTask task = new CrfTaggingTask(network, params, new Adam(params, Adam.Config.defaults()), recipe.train().clipNorm(),
                    manager);
            TrainerState state = checkpoint == null ? TrainerState.start() : CheckpointStore.restore(checkpoint, task);
            session.console().printf(Locale.ROOT, "training pos (BiLSTM-CRF, %,d parameters) on %s: %,d / %,d / %,d sentences (train / validation"
                    + " / test), %,d training tokens, %d tags; the rate shown is tokens/s%n", params.count(), data.datasetId(), data.train().size(),
                    data.validation().size(), data.test().size(), data.trainTokens(), data.tags().size());
            Trainer.Outcome outcome = session.fit(new Trainer(task, recipe.trainerConfig(), manager), card(recipe, data, Map.of()), network,
                    TaggedBatches.training(data.train(), features, tagIds, recipe.train().batchSize(), recipe.train().seed()),
                    data.validation().isEmpty() ? null : TaggedBatches.evaluation(data.validation(), features, tagIds, EVAL_BATCH), state);
            if (outcome.status() == Trainer.Status.STOPPED) {
                return TrainingResult.stoppedEarly();
            }
            TaggingEvaluation test;
            try (Tagger tagger = Tagger.load(run.model())) { // the kept weights: the best validation epoch's
                test = TaggingEvaluation.of(data.tags(), data.test(), tagger.tag(words(data.test())), data.entities());
            }
            Map<String, Double> metrics = finalMetrics(test, outcome, params.count());
            ModelArtifact.loadWeights(run.model(), network); // the kept epoch's weights get the final card
            ModelArtifact.save(run.model(), card(recipe, data, metrics), network);
            TaggingReport.write(run, recipe, data, outcome.state().history(), test, metrics);
            return TrainingResult.completed(metrics);
        }
    }

    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        PosRecipe recipe = recipeOf(run);
        try (Tagger tagger = Tagger.load(run.model())) {
            TaggingData data = TaggingDatasets.load(recipe, options.data());
            TaggingEvaluation test = TaggingEvaluation.of(tagger.tags(), data.test(), tagger.tag(words(data.test())), data.entities());
            return test.metrics("test_");
        }
    }

    /** Words of a text, cut at {@value #MAX_TEXT_CHARS} characters. */
    static List<String> tokens(String text) {
        return WordTokenizer.caseSensitive().tokens(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text);
    }

    /** Runs of at most {@value #MAX_SENTENCE_TOKENS} words: a text with no sentence breaks is tagged piece by piece. */
    static List<List<String>> chunks(List<String> words) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < words.size(); from += MAX_SENTENCE_TOKENS) {
            chunks.add(words.subList(from, Math.min(words.size(), from + MAX_SENTENCE_TOKENS)));
        }
        return chunks;
    }

    @Override
    public TagPredictor predictor(Path modelDir) {
        return new TagPredictor(Tagger.load(modelDir));
    }

    @Override
    public Demo demo() {
        return new Demo("tags", "Type a sentence; each word gets its part of speech.", Map.of());
    }

    private static List<List<String>> words(List<TaggedSentence> sentences) {
        return sentences.stream().map(TaggedSentence::words).toList();
    }

    private static Map<String, Integer> tagIds(List<String> tags) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            ids.put(tags.get(i), i);
        }
        return ids;
    }

    private static ModelCard card(PosRecipe recipe, TaggingData data, Map<String, Double> metrics) {
        return ModelCard.now(ID, recipe.model(), RecipeJson.write(recipe), List.of(-1L), data.tags(), metrics, recipe.dataset());
    }

    private static Map<String, Double> finalMetrics(TaggingEvaluation test, Trainer.Outcome outcome, long parameters) {
        Map<String, Double> m = new LinkedHashMap<>(test.metrics("test_"));
        m.putAll(outcome.summary());
        m.put("parameters", (double) parameters);
        return m;
    }
}
