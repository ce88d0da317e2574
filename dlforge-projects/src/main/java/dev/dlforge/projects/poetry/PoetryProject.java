package dev.dlforge.projects.poetry;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.run.MetricText;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunRecorder;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.core.train.ConsoleProgress;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.TiledWindows;
import dev.dlforge.models.lm.rnn.RecurrentLm;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.ResumePoint;
import dev.dlforge.projects.RunFailure;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.lm.GenerativeProject;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recurrent language models that write verse: a character- or word-level LSTM/GRU trained on
 * fortunes' songs-poems (or Moby-Dick, or every fortune), measured by perplexity, sampled at several
 * temperatures. See docs/projects/poetry.md.
 */
public final class PoetryProject implements GenerativeProject {
    public static final String ID = "poetry";
    static final int EVAL_BATCH = 64;
    /** The report's samples: this prompt, these temperatures, this many tokens. */
    static final String SAMPLE_PROMPT = "The night";
    static final List<Double> SAMPLE_TEMPERATURES = List.of(0.5, 0.8, 1.0, 1.2);
    static final int SAMPLE_CHARS = 300;
    static final int SAMPLE_WORDS = 60;
    /** The served model's sampling temperature (the report's second sample). */
    static final double PREDICT_TEMPERATURE = 0.8;

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return PoetryRecipe.MODELS;
    }

    @Override
    public List<String> datasets() {
        return PoetryRecipe.DATASETS;
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of();
    }

    @Override
    public RunDir train(TrainOptions options) {
        PoetryRecipe recipe = PoetryRecipe.defaults().with(options).validated();
        PoetryCorpus corpus = PoetryCorpus.load(recipe.dataset(), options.data());
        corpus.requireHeldOutWindows(recipe.limit());
        RunDir run = new RunStore(DlforgeHome.current()).create(ID, Json.MAPPER.valueToTree(recipe), options.outDir());
        return runTraining(run, recipe, corpus, null, options);
    }

    @Override
    public RunDir resume(RunDir run, TrainOptions options) {
        RunInfo info = run.info();
        PoetryRecipe recipe = recipeOf(run);
        ResumePoint from = ResumePoint.of(run, options.console());
        int epochs = from.totalEpochs(run, options.epochs(), recipe.epochs());
        if (epochs != recipe.epochs()) {
            recipe = recipe.withEpochs(epochs);
        }
        PoetryCorpus corpus = PoetryCorpus.load(recipe.dataset(), options.data());
        run.writeInfo(new RunInfo(info.id(), info.project(), "running", info.created(), Instant.now().toString(),
                Json.MAPPER.valueToTree(recipe), info.metrics(), ""));
        options.console().println("resuming " + run.path() + " from " + from.checkpoint().getFileName());
        return runTraining(run, recipe, corpus, from.checkpoint(), options);
    }

    private RunDir runTraining(RunDir run, PoetryRecipe recipe, PoetryCorpus corpus, Path checkpoint, TrainOptions options) {
        PrintStream console = options.console();
        try (NDManager manager = Engines.newManager()) {
            Engines.seed(recipe.seed());
            // A function of the training text alone, so a resumed run fits the same tokenizer.
            Tokenizer tokenizer = PoetryTokenizers.fit(recipe, corpus.train());
            Files.createDirectories(run.model());
            PoetryTokenizers.save(tokenizer, run.model());
            TiledWindows train = TiledWindows.training("training", tokenizer.encode(corpus.train()), recipe.window(), recipe.batchSize(),
                    recipe.seed(), recipe.limit());
            TiledWindows validation = TiledWindows.evaluation("validation", tokenizer.encode(corpus.validation()), recipe.window(),
                    EVAL_BATCH, corpus.heldOutWindows(recipe.limit(), corpus.validation()));
            RecurrentLm network = new RecurrentLm(recipe.network(tokenizer.vocabSize()));
            network.initialize(manager);
            TrainableParameters params = TrainableParameters.of(network);
            NextTokenTask task = new NextTokenTask(network, params, new Adam(params, Adam.Config.defaults()), recipe.clipNorm(), manager);
            TrainerState state = checkpoint == null ? TrainerState.start() : CheckpointStore.restore(checkpoint, task);
            Trainer trainer = new Trainer(task, recipe.trainerConfig(), manager)
                    .stopSignal(options.stop())
                    .addListener(new ConsoleProgress(console))
                    .addListener(new RunRecorder(run, card(recipe, corpus, tokenizer, Map.of()), network, state));
            if (options.listener() != null) {
                trainer.addListener(options.listener());
            }
            console.printf(Locale.ROOT, "training poetry (%s, %,d parameters) on %s: %,d training windows of %d %s tokens, %,d validation "
                    + "windows, vocabulary %,d; the rate shown is tokens/s%n", recipe.model(), params.count(), corpus.datasetId(),
                    train.windows(), recipe.window(), recipe.wordLevel() ? "word" : "character", validation.windows(), tokenizer.vocabSize());
            Thread hook = options.stop().installShutdownHook(Duration.ofMinutes(2));
            Trainer.Outcome outcome;
            try {
                outcome = trainer.fit(train, validation, run.checkpoints(), state);
            } finally {
                StopSignal.uninstall(hook);
            }
            if (outcome.status() == Trainer.Status.STOPPED) {
                console.println("run: " + run.path());
                return run;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            List<Poet.Continuation> samples = new ArrayList<>();
            try (Poet poet = Poet.load(run.model())) { // the kept weights: the best validation epoch's
                testMetrics(poet, corpus, recipe).forEach(metrics::put);
                int tokens = recipe.wordLevel() ? SAMPLE_WORDS : SAMPLE_CHARS;
                for (double t : SAMPLE_TEMPERATURES) {
                    samples.add(poet.write(SAMPLE_PROMPT, t, tokens, recipe.seed()));
                }
            }
            metrics.putAll(outcome.summary());
            metrics.put("parameters", (double) params.count());
            run.writeMetrics(metrics);
            ModelArtifact.loadWeights(run.model(), network); // the kept epoch's weights get the final card
            ModelArtifact.save(run.model(), card(recipe, corpus, tokenizer, metrics), network);
            PoetryReport.write(run, recipe, corpus, tokenizer.vocabSize(), outcome.state().history(), metrics, samples, SAMPLE_TEMPERATURES);
            run.writeInfo(run.info().with("completed", metrics, ""));
            console.println("run: " + run.path());
            console.println(MetricText.line(metrics));
            console.println("sample at temperature 0.8:\n" + samples.get(1).prompt() + samples.get(1).text());
            console.println("report: " + run.report());
            return run;
        } catch (IOException | RuntimeException e) {
            throw RunFailure.record(run, ID, e);
        }
    }

    /** {@code test_loss} (nats per token), {@code test_perplexity}, {@code test_accuracy}, {@code test_tokens}. */
    private static Map<String, Double> testMetrics(Poet poet, PoetryCorpus corpus, PoetryRecipe recipe) {
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Double> scored = poet.score("test", limited(corpus.test(), corpus, recipe));
        for (String k : List.of("perplexity", "loss", "accuracy", "tokens")) {
            m.put("test_" + k, scored.get(k));
        }
        return m;
    }

    /** With --limit, the test text is cut to about its share of windows ({@link PoetryCorpus#heldOutWindows}; a word is about 8 characters). */
    private static String limited(String text, PoetryCorpus corpus, PoetryRecipe recipe) {
        long chars = (long) corpus.heldOutWindows(recipe.limit(), text) * recipe.window() * (recipe.wordLevel() ? 8 : 1) + 1;
        return recipe.limit() > 0 && text.length() > chars ? text.substring(0, (int) chars) : text;
    }

    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        PoetryRecipe recipe = recipeOf(run);
        try (Poet poet = Poet.load(run.model())) {
            return testMetrics(poet, PoetryCorpus.load(recipe.dataset(), options.data()), recipe);
        }
    }

    /** The model and tokenizer in a sub-manager of {@code manager}; sampling defaults: temperature 0.8, all tokens, 500 tokens. */
    @Override
    public LoadedLanguageModel loadLanguageModel(Path modelDir, NDManager manager) {
        Poet poet = Poet.load(modelDir, manager.newSubManager()); // closed with manager
        String name = String.format(Locale.ROOT, "poetry/%s (%s on %s)", modelDir.toAbsolutePath().getParent().getFileName(),
                poet.recipe().model(), poet.recipe().dataset());
        return new LoadedLanguageModel(name, poet.network(), poet.tokenizer(),
                new GenerationConfig(500, PREDICT_TEMPERATURE, 0, 1.0, 1.0, java.util.List.of(), poet.recipe().seed(), true));
    }

    private static PoetryRecipe recipeOf(RunDir run) {
        try {
            return Json.MAPPER.treeToValue(run.info().recipe(), PoetryRecipe.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DlforgeException("run " + run.id() + " has a recipe this dlforge cannot read: " + e.getMessage(), "train a new run");
        }
    }

    private static ModelCard card(PoetryRecipe recipe, PoetryCorpus corpus, Tokenizer tokenizer, Map<String, Double> metrics) {
        return new ModelCard(ID, recipe.model(), Json.MAPPER.valueToTree(recipe), List.of(-1L), List.of(), metrics, corpus.datasetId(),
                Instant.now().toString(), ModelArtifact.FORMAT);
    }
}
