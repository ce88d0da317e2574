package dev.dlforge.projects.gpt;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.MetricText;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunRecorder;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.train.ConsoleProgress;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.TiledWindows;
import dev.dlforge.models.lm.TokenWindows;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptLanguageModel;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.ResumePoint;
import dev.dlforge.projects.RunFailure;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.lm.GenerativeProject;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GPT written from scratch, trained nanoGPT's way on a text corpus with characters or byte-level
 * BPE tokens. The default recipe is nanoGPT's CPU baby run (see {@link GptRecipe}); the figure to
 * compare with is nanoGPT's validation loss of 1.88 on Shakespeare characters. See
 * docs/projects/gpt.md.
 */
public final class GptProject implements GenerativeProject {
    public static final String ID = "gpt";

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return List.of(GptRecipe.CHAR, GptRecipe.BPE);
    }

    @Override
    public List<String> datasets() {
        return List.of("moby-dick", "brown-text", "nlp-corpus", "fortunes");
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(); // `dlforge bench gpt` compares with PyTorch in the same run instead of a fixed figure
    }

    @Override
    public Headline headline() {
        return new Headline("val_loss", false);
    }

    @Override
    public RunDir train(TrainOptions options) {
        GptRecipe recipe = GptRecipe.defaults().with(options);
        GptCorpus corpus = corpus(recipe, options); // a --limit too small for a validation split fails here, before the run folder
        RunDir run = new RunStore(DlforgeHome.current()).create(ID, Json.MAPPER.valueToTree(recipe), options.outDir());
        return runTraining(run, recipe, corpus, null, options);
    }

    @Override
    public RunDir resume(RunDir run, TrainOptions options) {
        RunInfo info = run.info();
        GptRecipe recipe = recipeOf(run);
        ResumePoint from = ResumePoint.of(run, options.console());
        int evals = from.totalEpochs(run, options.epochs(), recipe.train().epochs());
        if (evals != recipe.train().epochs()) {
            recipe = recipe.withEvaluations(evals);
        }
        run.writeInfo(new RunInfo(info.id(), info.project(), "running", info.created(), Instant.now().toString(),
                Json.MAPPER.valueToTree(recipe), info.metrics(), ""));
        options.console().println("resuming " + run.path() + " from " + from.checkpoint().getFileName());
        return runTraining(run, recipe, corpus(recipe, options), from.checkpoint(), options);
    }

    private static GptCorpus corpus(GptRecipe recipe, TrainOptions options) {
        try {
            return GptCorpus.load(recipe, options.data());
        } catch (IOException e) {
            throw new DlforgeException("cannot read dataset " + recipe.dataset() + ": " + e.getMessage(), "check the dataset with `dlforge data list`");
        }
    }

    private RunDir runTraining(RunDir run, GptRecipe recipe, GptCorpus corpus, Path checkpoint, TrainOptions options) {
        PrintStream console = options.console();
        try (NDManager manager = Engines.newManager()) {
            GptConfig config = recipe.model(corpus.tokenizer().vocabSize());
            GptModelFiles.saveConfigAndTokenizer(run.model(), config, corpus.tokenizer());
            Engines.seed(recipe.train().seed());
            Gpt gpt = Gpt.create(config, manager);
            NextTokenTask task = recipe.train().task(gpt, manager);
            long parameters = gpt.parameterCount();
            TrainerState state = checkpoint == null ? TrainerState.start() : CheckpointStore.restore(checkpoint, task);
            Trainer trainer = new Trainer(task, recipe.train().trainerConfig(), manager)
                    .stopSignal(options.stop())
                    .addListener(new ConsoleProgress(console))
                    .addListener(new RunRecorder(run, card(recipe, corpus, Map.of()), gpt, state));
            if (options.listener() != null) {
                trainer.addListener(options.listener());
            }
            console.printf(Locale.ROOT, "training gpt (%d layers, %d heads, %d channels, %,d parameters) on %s, %s tokens (vocabulary %,d):"
                    + " %,d / %,d training / validation windows of %d tokens (%,d / %,d tokens); %,d iterations of %d x %d, validating"
                    + " every %d; the rate shown is tokens/s%n", config.nLayer(), config.nHead(), config.nEmbd(), parameters,
                    corpus.datasetId(), recipe.tokens(), config.vocabSize(), GptCorpus.windows(corpus.train(), recipe.blockSize()),
                    GptCorpus.windows(corpus.validation(), recipe.blockSize()), recipe.blockSize(), corpus.train().length,
                    corpus.validation().length, recipe.train().maxIters(),
                    recipe.train().batchSize(), config.blockSize(), recipe.train().evalInterval());
            Thread hook = options.stop().installShutdownHook(Duration.ofMinutes(2));
            Trainer.Outcome outcome;
            try {
                outcome = trainer.fit(trainWindows(recipe, corpus), validationWindows(recipe, corpus), run.checkpoints(), state);
            } finally {
                StopSignal.uninstall(hook);
            }
            if (outcome.status() == Trainer.Status.STOPPED) {
                console.println("run: " + run.path());
                return run;
            }
            ModelArtifact.loadWeights(run.model(), gpt); // the kept weights: the lowest validation loss
            Map<String, Double> metrics = finalMetrics(outcome, parameters, recipe);
            run.writeMetrics(metrics);
            ModelArtifact.save(run.model(), card(recipe, corpus, metrics), gpt);
            GptReport.write(run, recipe, corpus, outcome.state().history(), metrics,
                    new LoadedLanguageModel(run.id(), new GptLanguageModel(gpt), corpus.tokenizer(), generationDefaults()), manager);
            run.writeInfo(run.info().with("completed", metrics, ""));
            console.println("run: " + run.path());
            console.println(MetricText.line(metrics));
            console.println("report: " + run.report());
            return run;
        } catch (IOException | RuntimeException e) {
            throw RunFailure.record(run, ID, e);
        }
    }

    static TokenWindows trainWindows(GptRecipe recipe, GptCorpus corpus) {
        return new TokenWindows(corpus.train(), recipe.blockSize(), recipe.train().batchSize(), recipe.train().evalInterval(),
                recipe.train().seed());
    }

    /**
     * The same validation batches at every evaluation, so successive losses differ by the model alone;
     * with {@code --limit}, as many batches as the cut validation split has windows for (at most the recipe's).
     */
    static TokenWindows validationWindows(GptRecipe recipe, GptCorpus corpus) {
        int batch = recipe.train().batchSize();
        int batches = recipe.limit() > 0
                ? Math.min(recipe.train().evalIters(), (GptCorpus.windows(corpus.validation(), recipe.blockSize()) + batch - 1) / batch)
                : recipe.train().evalIters();
        return new TokenWindows(corpus.validation(), recipe.blockSize(), batch, batches, recipe.train().seed() + 1);
    }

    private static Map<String, Double> finalMetrics(Trainer.Outcome outcome, long parameters, GptRecipe recipe) {
        Map<String, Double> m = new LinkedHashMap<>(outcome.summary());
        var history = outcome.state().history();
        if (!history.isEmpty()) {
            m.put("train_loss", history.get(history.size() - 1).metrics().get("train_loss"));
        }
        m.put("iterations", (double) history.size() * recipe.train().evalInterval());
        m.put("parameters", (double) parameters);
        return m;
    }

    /**
     * The loss on every token of the validation split (a --limit run's cut of it), cut in order into non-overlapping
     * windows of the block size (training validates on 20 random batches, nanoGPT's way; this is the exact figure).
     */
    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        GptRecipe recipe = recipeOf(run);
        try (NDManager manager = Engines.newManager()) {
            GptCorpus corpus = GptCorpus.load(recipe, options.data());
            Gpt gpt = GptModelFiles.load(run.model(), manager);
            NextTokenTask task = recipe.train().task(gpt, manager);
            TiledWindows validation = TiledWindows.evaluation("validation", corpus.validation(), recipe.blockSize(),
                    recipe.train().batchSize(), 0);
            Map<String, Double> m = new LinkedHashMap<>(new Trainer(task, recipe.train().trainerConfig(), manager)
                    .evaluate(validation).means("val_"));
            m.put("val_perplexity", Math.exp(m.get("val_loss")));
            m.put("val_tokens", (double) validation.tokens());
            return m;
        } catch (IOException e) {
            throw new DlforgeException("cannot evaluate run " + run.id() + ": " + e.getMessage(), "check the dataset with `dlforge data list`");
        }
    }

    @Override
    public LoadedLanguageModel loadLanguageModel(Path modelDir, NDManager manager) {
        Gpt gpt = GptModelFiles.load(modelDir, manager);
        GptConfig c = gpt.config();
        String name = String.format(Locale.ROOT, "%s (%d layers, %d channels, vocabulary %,d)",
                modelDir.getParent() != null ? modelDir.getParent().getFileName() : modelDir, c.nLayer(), c.nEmbd(), c.vocabSize());
        return new LoadedLanguageModel(name, new GptLanguageModel(gpt), GptModelFiles.tokenizer(modelDir), generationDefaults());
    }

    /** nanoGPT's sample.py settings, 200 new tokens. */
    static GenerationConfig generationDefaults() {
        return GenerationConfig.defaults().withMaxTokens(200);
    }

    static GptRecipe recipeOf(RunDir run) {
        try {
            return Json.MAPPER.treeToValue(run.info().recipe(), GptRecipe.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DlforgeException("run " + run.id() + " has a recipe this dlforge cannot read: " + e.getMessage(), "train a new run");
        }
    }

    private static ModelCard card(GptRecipe recipe, GptCorpus corpus, Map<String, Double> metrics) {
        return new ModelCard(ID, "gpt-" + recipe.tokens(), Json.MAPPER.valueToTree(recipe), List.of(-1L, (long) recipe.blockSize()),
                List.of(), metrics, corpus.datasetId(), Instant.now().toString(), ModelArtifact.FORMAT);
    }
}
