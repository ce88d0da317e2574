package dev.dlforge.projects.quant;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.models.lm.TokenWindows;
import dev.dlforge.models.lm.gpt.GptTrainConfig;
import dev.dlforge.models.lm.llama.Llama;
import dev.dlforge.models.lm.llama.LlamaConfig;
import dev.dlforge.models.lm.llama.LlamaGguf;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.gpt.GptCorpus;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.kit.TrainingProject;
import dev.dlforge.projects.kit.TrainingResult;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quantisation, measured on a model of our own: a Llama-architecture decoder trained with DJL on a text corpus
 * (byte-level BPE, warm-up plus cosine decay, clipped gradients), exported to GGUF F32 ({@link LlamaGguf}), quantised
 * by {@code dlforge quant} to each of the recipe's types, and each file's size, held-out perplexity and decode speed
 * measured by dlforge-llm's pure-Java engine ({@link QuantTable}). See docs/projects/quant.md.
 */
public final class QuantProject extends TrainingProject<QuantRecipe, GptCorpus> implements Evaluates {
    public static final String ID = "quant";

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return List.of(QuantRecipe.FULL, QuantRecipe.MINI);
    }

    @Override
    public List<String> datasets() {
        return List.of("moby-dick", "brown-text", "nlp-corpus", "fortunes");
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of();
    }

    /** The held-out perplexity of the F32 export, the baseline every quantised file is compared with. */
    @Override
    public Headline headline() {
        return new Headline("f32_perplexity", false);
    }

    /**
     * Re-measures every GGUF file of the run ({@code model/model-<type>.gguf}) on the run's held-out tokens with the
     * pure-Java engine: {@code <type>_perplexity} for each.
     */
    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        QuantRecipe recipe = recipeOf(run);
        GptCorpus corpus = data(recipe, options);
        int[] heldOut = Arrays.copyOf(corpus.validation(), Math.min(corpus.validation().length, recipe.evalTokens() + 1));
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> types = new java.util.ArrayList<>(List.of("F32"));
        types.addAll(recipe.types());
        try (RowPool pool = new RowPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            for (String type : types) {
                Path file = run.model().resolve("model-" + type.toLowerCase(Locale.ROOT) + ".gguf");
                if (!Files.isRegularFile(file)) {
                    throw new DlforgeException("run " + run.id() + " has no " + file.getFileName(), "train it to the end: `dlforge train quant`");
                }
                try (DecoderModel model = DecoderModels.open(file, pool)) {
                    m.put(type.toLowerCase(Locale.ROOT) + "_perplexity", QuantTable.perplexity(model, heldOut, recipe.network().context()));
                }
            }
        } catch (IOException e) {
            throw new DlforgeException("cannot read the GGUF files of run " + run.id() + ": " + e.getMessage(), "train the run again");
        }
        m.put("held_out_tokens", (double) (heldOut.length - 1));
        return m;
    }

    @Override
    protected QuantRecipe defaults(TrainOptions options) {
        return QuantRecipe.of(options.model());
    }

    @Override
    protected Class<QuantRecipe> recipeType() {
        return QuantRecipe.class;
    }

    @Override
    protected QuantRecipe validated(QuantRecipe recipe) {
        return recipe.validated();
    }

    @Override
    protected GptCorpus data(QuantRecipe recipe, TrainOptions options) {
        try {
            return GptCorpus.load(recipe.corpusRecipe(), options.data());
        } catch (IOException e) {
            throw new DlforgeException("cannot read dataset " + recipe.dataset() + ": " + e.getMessage(), "check the dataset with `dlforge data list`");
        }
    }

    @Override
    protected TrainingResult train(RunSession session, QuantRecipe recipe, GptCorpus corpus, Path checkpoint) throws IOException {
        PrintStream console = session.console();
        RunDir run = session.run();
        ByteLevelBpe tokenizer = (ByteLevelBpe) corpus.tokenizer();
        try (NDManager manager = Engines.newManager()) {
            LlamaConfig config = recipe.network().config(tokenizer.vocabSize());
            Engines.seed(recipe.train().seed());
            Llama llama = Llama.create(config, manager);
            GptTrainConfig loop = recipe.train().config();
            int context = config.context();
            console.printf(Locale.ROOT, "training llama (dim %d, %d layers, GQA %d/%d, FFN %d, %,d parameters) on %s, BPE vocabulary %,d:"
                    + " %,d / %,d training / validation tokens; %,d iterations of %d x %d, validating every %d%n", config.dim(), config.layers(),
                    config.heads(), config.kvHeads(), config.ffn(), llama.parameterCount(), corpus.datasetId(), config.vocab(),
                    corpus.train().length, corpus.validation().length, loop.maxIters(), loop.batchSize(), context, loop.evalInterval());
            int batch = recipe.train().batchSize();
            int validationBatches = Math.max(1, Math.min(recipe.train().evalIters(),
                    (GptCorpus.windows(corpus.validation(), context) + batch - 1) / batch));
            Trainer.Outcome outcome = session.fit(new Trainer(loop.task(llama, manager), loop.trainerConfig(), manager), card(recipe, corpus, Map.of()),
                    llama, new TokenWindows(corpus.train(), context, batch, recipe.train().evalInterval(), recipe.train().seed()),
                    new TokenWindows(corpus.validation(), context, batch, validationBatches, recipe.train().seed() + 1), TrainerState.start());
            if (outcome.status() == Trainer.Status.STOPPED) {
                return TrainingResult.stoppedEarly();
            }
            ModelArtifact.loadWeights(run.model(), llama); // the kept weights: the lowest validation loss
            var history = outcome.state().history();
            double firstLoss = history.get(0).metrics().get("train_loss");
            double lastLoss = history.get(history.size() - 1).metrics().get("train_loss");
            console.printf(Locale.ROOT, "train loss %.4f after the first validation interval, %.4f after the last%s%n", firstLoss, lastLoss,
                    lastLoss < firstLoss ? "" : " (it did not go down: check the learning rate)");
            Map<String, Double> metrics = new LinkedHashMap<>(outcome.summary());
            metrics.put("train_loss", lastLoss);
            metrics.put("iterations", (double) history.size() * recipe.train().evalInterval());
            metrics.put("parameters", (double) llama.parameterCount());
            ModelArtifact.save(run.model(), card(recipe, corpus, metrics), llama);

            Path f32 = run.model().resolve("model-f32.gguf");
            LlamaGguf.write(llama, tokenizer, "dlforge-quant-" + run.id(), GgmlType.F32, f32);
            int[] heldOut = Arrays.copyOf(corpus.validation(), Math.min(corpus.validation().length, recipe.evalTokens() + 1));
            console.printf(Locale.ROOT, "exported %s; measuring %d files on %,d held-out tokens%n", f32.getFileName(), recipe.types().size() + 1,
                    heldOut.length - 1);
            List<QuantTable.Row> rows = QuantTable.measure(f32, recipe.ggmlTypes(), heldOut, context, recipe.decodeTokens(), console);
            for (QuantTable.Row r : rows) {
                String k = r.type().toLowerCase(Locale.ROOT);
                metrics.put(k + "_perplexity", r.perplexity());
                metrics.put(k + "_megabytes", r.bytes() / 1e6);
            }
            QuantReport.write(run, recipe, corpus, llama.parameterCount(), metrics, rows, heldOut.length - 1);
            Files.writeString(run.model().resolve("README.txt"), "GGUF files of this run: model-<type>.gguf; load one with"
                    + " `dlforge generate` (pure-Java engine) or llama.cpp.\n");
            return TrainingResult.completed(metrics);
        }
    }

    private static ModelCard card(QuantRecipe recipe, GptCorpus corpus, Map<String, Double> metrics) {
        return ModelCard.now(ID, recipe.model(), RecipeJson.write(recipe), List.of(-1L, (long) recipe.network().context()), List.of(), metrics,
                corpus.datasetId());
    }
}
