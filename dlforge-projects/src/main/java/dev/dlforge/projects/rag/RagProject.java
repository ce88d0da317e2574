package dev.dlforge.projects.rag;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.WordNet;
import dev.dlforge.data.docs.RetrievalEvalSet;
import dev.dlforge.data.wordnet.WordNetQuestions;
import dev.dlforge.data.wordnet.WordNetSynset;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.retrieval.ChunkIndexWriter;
import dev.dlforge.models.retrieval.HybridRetriever;
import dev.dlforge.models.retrieval.MiniLmEmbedder;
import dev.dlforge.models.text.MiniLmEncoder;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.kit.RecipeOptions;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.kit.TrainingProject;
import dev.dlforge.projects.kit.TrainingResult;
import dev.dlforge.projects.serving.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Retrieval-augmented question answering over an embedded Lucene index with MiniLM embeddings. A
 * run ({@code dlforge train rag}) is the WordNet retrieval evaluation: the glosses are indexed into
 * the run's {@code model/index}, and recall@1/5/10 and MRR of BM25, vector and hybrid retrieval
 * (and of the paper's unweighted RRF, for reference) go into the report. Predicting answers
 * questions extractively over that index; {@code dlforge rag} indexes and asks the user's own
 * documents. See docs/projects/rag.md.
 *
 * <p>Nothing is trained, so the run lifecycle ({@link TrainingProject}) is used without resume: a run
 * is complete or to be started again, and it takes no --epochs, --batch-size or --lr.
 */
public final class RagProject extends TrainingProject<RagRecipe, RetrievalEvalSet> implements Evaluates, Serves {
    public static final String ID = "rag";
    static final String INDEX = "index";

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return List.of("minilm-lucene");
    }

    @Override
    public List<String> datasets() {
        return List.of(WordNet.ID);
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(); // `dlforge bench rag` checks the relative target: hybrid recall@10 above both bm25 and vector
    }

    @Override
    public Headline headline() {
        return new Headline("hybrid_recall_at_10", true);
    }

    /** The indexes {@code dlforge rag index} wrote under {@code $DLFORGE_HOME/rag}, e.g. "indexed: moby-dick, notes". */
    @Override
    public String readyBesidesRuns() {
        Path indexes = DlforgeHome.current().root().resolve("rag");
        if (!Files.isDirectory(indexes)) {
            return "";
        }
        try (Stream<Path> folders = Files.list(indexes)) {
            List<String> names = folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
            return names.isEmpty() ? "" : "indexed: " + String.join(", ", names);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    protected RagRecipe defaults(TrainOptions options) {
        return RagRecipe.defaults();
    }

    @Override
    protected Class<RagRecipe> recipeType() {
        return RagRecipe.class;
    }

    /** No epochs, batches or learning rate: nothing is trained. {@code --seed} seeds the question set; {@code --limit} sizes it. */
    @Override
    public RecipeOptions recipeOptions() {
        return RecipeOptions.flat().withTrainingUnder("questionSet").withoutTraining();
    }

    @Override
    protected RagRecipe validated(RagRecipe recipe) {
        return recipe.validated();
    }

    @Override
    protected RetrievalEvalSet data(RagRecipe recipe, TrainOptions options) {
        return questionSet(recipe, options.data());
    }

    /** Indexes the question set's glosses into the run's {@code model/index} and asks its questions in each retrieval mode. */
    @Override
    protected TrainingResult train(RunSession session, RagRecipe recipe, RetrievalEvalSet set, Path checkpoint) throws IOException {
        RunDir run = session.run();
        var console = session.console();
        try (MiniLmEncoder encoder = MiniLmEncoder.open();
                ChunkIndexWriter index = ChunkIndexWriter.open(run.model().resolve(INDEX), new MiniLmEmbedder(encoder))) {
            console.printf(Locale.ROOT, "rag on WordNet: %,d documents, %,d questions (seed %d, synonym rate %.2f)%n",
                    set.documents().size(), set.questions().size(), recipe.questionSet().seed(), recipe.questionSet().synonymRate());
            double seconds = RagEvaluation.index(set, index);
            RagEvaluation.Result result = RagEvaluation.evaluate(set, index.reader(), seconds);
            Map<String, Double> metrics = result.metrics();
            Json.writeFile(run.model().resolve("model.json"),
                    ModelCard.now(ID, recipe.model(), RecipeJson.write(recipe), List.of(), List.of(), metrics, recipe.dataset()));
            RagEvaluation.writeReport(run, set, result, setup(recipe));
            for (RetrievalScores s : result.overall()) {
                console.printf(Locale.ROOT, "%-7s recall@1 %.4f  recall@5 %.4f  recall@10 %.4f  MRR@10 %.4f%n", s.mode(), s.recallAt1(),
                        s.recallAt5(), s.recallAt10(), s.mrr());
            }
            return TrainingResult.completed(metrics);
        }
    }

    private static String setup(RagRecipe recipe) {
        RagRecipe.QuestionSet q = recipe.questionSet();
        return String.format(Locale.ROOT, "WordNet 3.0 (Debian wordnet-base): %,d questions over %,d synset glosses (seed %d), half from "
                + "paraphrased definitions, half from usage examples with the term blanked and paraphrased; each content word is "
                + "swapped for a random synonym with probability %.2f (dev.dlforge.data.wordnet.WordNetQuestions). Each gloss is one "
                + "chunk; retrieval returns the top 10. Embeddings: all-MiniLM-L6-v2; hybrid = weighted reciprocal rank fusion "
                + "(k = %d, BM25 weight 1, vector weight %.2f) of the top 50 of BM25 and of vector search; rrf60 = the "
                + "paper's fusion (k = 60, equal weights), for reference.", q.questions(), q.documents(), q.seed(),
                q.synonymRate(), HybridRetriever.DEFAULT_FUSION.k(), HybridRetriever.DEFAULT_FUSION.weights().get(1));
    }

    /** The WordNet question set of a recipe, from {@code data} or the dataset cache (fetched when absent). */
    static RetrievalEvalSet questionSet(RagRecipe recipe, Path data) {
        WordNet wordnet = new WordNet();
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(wordnet.spec(), data);
        List<WordNetSynset> synsets;
        try {
            synsets = wordnet.read(dir);
        } catch (IOException e) {
            throw new DlforgeException("WordNet in " + dir + " is unreadable: " + e.getMessage(),
                    data != null ? "check --data" : "delete " + dir + " and run `dlforge data fetch wordnet`");
        }
        return WordNetQuestions.generate(synsets, recipe.questionConfig());
    }

    /** Asks the recipe's questions again of the run's index. */
    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        if (run.info().recipe() != null && run.info().recipe().has("questions") && !run.info().recipe().has("synonymRate")) {
            throw new DlforgeException("run " + run.id() + " was made by an older dlforge whose question set cannot be made again",
                    "train a new run to evaluate: `dlforge train rag` (predict and serve still work on this one)");
        }
        RagRecipe recipe = recipeOf(run);
        RetrievalEvalSet set = questionSet(recipe, options.data());
        try (MiniLmEncoder encoder = MiniLmEncoder.open();
                ChunkIndexReader index = ChunkIndexReader.open(run.model().resolve(INDEX), new MiniLmEmbedder(encoder))) {
            return RagEvaluation.evaluate(set, index, 0).metrics();
        }
    }

    @Override
    public RagPredictor predictor(Path modelDir) {
        ModelCard card = ModelArtifact.readCard(modelDir);
        if (!ID.equals(card.project())) {
            throw new DlforgeException("model " + modelDir + " belongs to project " + card.project() + ", not rag", "serve it with its own project");
        }
        MiniLmEncoder encoder = MiniLmEncoder.open();
        try {
            return new RagPredictor(card, encoder, ChunkIndexReader.open(modelDir.resolve(INDEX), new MiniLmEmbedder(encoder)));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    @Override
    public Demo demo() {
        return new Demo("text", "Ask a question; the answer is quoted from the indexed documents, with its source.",
                Map.of("placeholder", "a large sea mammal that breathes through a blowhole"));
    }
}
