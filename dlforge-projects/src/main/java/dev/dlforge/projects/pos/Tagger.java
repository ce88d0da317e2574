package dev.dlforge.projects.pos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.models.text.BiLstmTagger;
import dev.dlforge.models.text.Crf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained tagger loaded from a model folder: words in, a Viterbi tag and its CRF marginal
 * probability p(y_t = tag | sentence) per word out.
 */
final class Tagger implements AutoCloseable {
    static final int BATCH = 64;

    /** One sentence's answer. */
    record Tagged(List<String> words, List<String> tags, double[] probabilities) {}

    private final NDManager manager;
    private final BiLstmTagger network;
    private final TokenFeatures features;
    private final ModelCard card;
    private final Map<String, Integer> tagIds = new HashMap<>();

    private Tagger(NDManager manager, BiLstmTagger network, TokenFeatures features, ModelCard card) {
        this.manager = manager;
        this.network = network;
        this.features = features;
        this.card = card;
        for (int i = 0; i < card.labels().size(); i++) {
            tagIds.put(card.labels().get(i), i);
        }
    }

    static Tagger load(Path modelDir) {
        ModelCard card = ModelArtifact.readCard(modelDir);
        if (!"pos".equals(card.project())) {
            throw new DlforgeException("model " + modelDir + " was trained by project " + card.project() + ", not pos",
                    "use a model folder of a pos run");
        }
        PosRecipe recipe = RecipeJson.read(card.recipe(), PosRecipe.class, "model " + modelDir);
        TokenFeatures features;
        try {
            features = TokenFeatures.load(modelDir);
        } catch (IOException e) {
            throw new DlforgeException("model " + modelDir + " lacks its vocabularies: " + e.getMessage(), "retrain it");
        }
        NDManager manager = Engines.newManager();
        try {
            BiLstmTagger network = new BiLstmTagger(recipe.taggerConfig(features.wordCount(), features.suffixCount(), card.labels().size()));
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1));
            ModelArtifact.loadWeights(modelDir, network);
            return new Tagger(manager, network, features, card);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    ModelCard card() {
        return card;
    }

    List<String> tags() {
        return card.labels();
    }

    /** Tags sentences of words (each non-empty). */
    List<Tagged> tag(List<List<String>> sentences) {
        List<TaggedSentence> asTagged = sentences.stream()
                .map(s -> new TaggedSentence(s, s.stream().map(w -> card.labels().get(0)).toList())).toList();
        TaggedBatches batches = TaggedBatches.evaluation(asTagged, features, tagIds, BATCH);
        Crf.Scores scores = network.crf().scores();
        ParameterStore store = new ParameterStore(manager, false);
        List<Tagged> out = new ArrayList<>(sentences.size());
        for (int b = 0; b < batches.batchesPerEpoch(); b++) {
            try (NDManager batchManager = manager.newSubManager()) {
                var batch = batches.batch(0, b, batchManager);
                NDList in = batch.inputs();
                NDArray emissions = network.forward(store, new NDList(in.get(0), in.get(1), in.get(2)), false).head(); // (B, T, K)
                int t = (int) emissions.getShape().get(1);
                int k = (int) emissions.getShape().get(2);
                float[] e = emissions.toFloatArray();
                int[] members = batches.members(0, b);
                for (int r = 0; r < members.length; r++) {
                    List<String> words = sentences.get(members[r]);
                    int n = words.size();
                    float[] row = new float[n * k];
                    System.arraycopy(e, r * t * k, row, 0, n * k);
                    int[] path = Crf.viterbi(scores, row, n);
                    double[] marginals = Crf.marginals(scores, row, n);
                    List<String> tags = new ArrayList<>(n);
                    double[] p = new double[n];
                    for (int i = 0; i < n; i++) {
                        tags.add(card.labels().get(path[i]));
                        p[i] = marginals[i * k + path[i]];
                    }
                    out.add(new Tagged(words, tags, p));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
