package dev.dlforge.projects.gpt;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.TiledWindows;
import dev.dlforge.models.lm.TokenWindows;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptLanguageModel;
import dev.dlforge.models.lm.gpt.GptTrainConfig;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.ResumableProject;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.kit.TrainingResult;
import dev.dlforge.projects.lm.Generates;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GPT written from scratch, trained nanoGPT's way on a text corpus with characters or byte-level
 * BPE tokens. The default recipe is nanoGPT's CPU baby run (see {@link GptRecipe}); the figure to
 * compare with is nanoGPT's validation loss of 1.88 on Shakespeare characters. A run's epochs are
 * its validations. See docs/projects/gpt.md.
 */
public final class GptProject extends ResumableProject<GptRecipe, GptCorpus> implements Generates, Evaluates {
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
    protected GptRecipe defaults(TrainOptions options) {
        return GptRecipe.defaults();
    }

    @Override
    protected Class<GptRecipe> recipeType() {
        return GptRecipe.class;
    }


    @Override
    protected GptRecipe validated(GptRecipe recipe) {
        return recipe.validated();
    }

    /** The corpus, tokenized and cut; a --limit too small for a validation split fails here, before the run folder. */
    @Override
    protected GptCorpus data(GptRecipe recipe, TrainOptions options) {
        try {
            return GptCorpus.load(recipe, options.data());
        } catch (IOException e) {
            throw new DlforgeException("cannot read dataset " + recipe.dataset() + ": " + e.getMessage(), "check the dataset with `dlforge data list`");
        }
    }

    @Override
    public RunDir resume(RunDir run, TrainOptions options) {
        requireTrained(run);
        return super.resume(run, options);
    }

    @Override
    protected TrainingResult train(RunSession session, GptRecipe recipe, GptCorpus corpus, Path checkpoint) throws IOException {
        PrintStream console = session.console();
        RunDir run = session.run();
        try (NDManager manager = Engines.newManager()) {
            GptConfig config = recipe.network().config(corpus.tokenizer().vocabSize());
            GptModelFiles.saveConfigAndTokenizer(run.model(), config, corpus.tokenizer());
            Engines.seed(recipe.train().seed());
            Gpt gpt = Gpt.create(config, manager);
            GptTrainConfig loop = recipe.train().config();
            NextTokenTask task = loop.task(gpt, manager);
            long parameters = gpt.parameterCount();
            TrainerState state = checkpoint == null ? TrainerState.start() : CheckpointStore.restore(checkpoint, task);
            int block = recipe.network().blockSize();
            console.printf(Locale.ROOT, "training gpt (%d layers, %d heads, %d channels, %,d parameters) on %s, %s tokens (vocabulary %,d):"
                    + " %,d / %,d training / validation windows of %d tokens (%,d / %,d tokens); %,d iterations of %d x %d, validating"
                    + " every %d; the rate shown is tokens/s%n", config.nLayer(), config.nHead(), config.nEmbd(), parameters,
                    corpus.datasetId(), recipe.model(), config.vocabSize(), GptCorpus.windows(corpus.train(), block),
                    GptCorpus.windows(corpus.validation(), block), block, corpus.train().length,
                    corpus.validation().length, loop.maxIters(), loop.batchSize(), config.blockSize(), loop.evalInterval());
            Trainer.Outcome outcome = session.fit(new Trainer(task, loop.trainerConfig(), manager), card(recipe, corpus, Map.of()), gpt,
                    trainWindows(recipe, corpus), validationWindows(recipe, corpus), state);
            if (outcome.status() == Trainer.Status.STOPPED) {
                return TrainingResult.stoppedEarly();
            }
            ModelArtifact.loadWeights(run.model(), gpt); // the kept weights: the lowest validation loss
            Map<String, Double> metrics = finalMetrics(outcome, parameters, recipe);
            ModelArtifact.save(run.model(), card(recipe, corpus, metrics), gpt);
            GptReport.write(run, recipe, corpus, outcome.state().history(), metrics,
                    new LoadedLanguageModel(run.id(), new GptLanguageModel(gpt), corpus.tokenizer(), generationDefaults()), manager);
            return TrainingResult.completed(metrics);
        }
    }

    static TokenWindows trainWindows(GptRecipe recipe, GptCorpus corpus) {
        return new TokenWindows(corpus.train(), recipe.network().blockSize(), recipe.train().batchSize(), recipe.train().evalInterval(),
                recipe.train().seed());
    }

    /**
     * The same validation batches at every evaluation, so successive losses differ by the model alone;
     * with {@code --limit}, as many batches as the cut validation split has windows for (at most the recipe's).
     */
    static TokenWindows validationWindows(GptRecipe recipe, GptCorpus corpus) {
        int batch = recipe.train().batchSize();
        int batches = recipe.limit() > 0
                ? Math.min(recipe.train().evalIters(), (GptCorpus.windows(corpus.validation(), recipe.network().blockSize()) + batch - 1) / batch)
                : recipe.train().evalIters();
        return new TokenWindows(corpus.validation(), recipe.network().blockSize(), batch, batches, recipe.train().seed() + 1);
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
        requireTrained(run);
        GptRecipe recipe = recipeOf(run);
        GptTrainConfig loop = recipe.train().config();
        try (NDManager manager = Engines.newManager()) {
            GptCorpus corpus = GptCorpus.load(recipe, options.data());
            Gpt gpt = GptModelFiles.load(run.model(), manager);
            NextTokenTask task = loop.task(gpt, manager);
            TiledWindows validation = TiledWindows.evaluation("validation", corpus.validation(), recipe.network().blockSize(),
                    recipe.train().batchSize(), 0);
            Map<String, Double> m = new LinkedHashMap<>(new Trainer(task, loop.trainerConfig(), manager)
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

    /**
     * An imported GPT-2 ({@code dlforge gpt import}) generates but has no training recipe, corpus or
     * checkpoint: evaluating or resuming it is refused with the reason.
     */
    private static void requireTrained(RunDir run) {
        if (GptImport.isImported(run)) {
            throw new DlforgeException("run " + run.id() + " was imported from " + run.info().recipe().path("from").asText("a GPT-2 folder")
                    + ", not trained by dlforge: it has no corpus to evaluate on or checkpoint to resume",
                    "generate with it: `dlforge generate " + run.id() + " --prompt \"...\"`");
        }
    }

    private static ModelCard card(GptRecipe recipe, GptCorpus corpus, Map<String, Double> metrics) {
        return ModelCard.now(ID, "gpt-" + recipe.model(), RecipeJson.write(recipe), List.of(-1L, (long) recipe.network().blockSize()),
                List.of(), metrics, corpus.datasetId());
    }
}
