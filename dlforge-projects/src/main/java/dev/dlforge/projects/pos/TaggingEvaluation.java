package dev.dlforge.projects.pos;

import dev.dlforge.core.metrics.ConfusionMatrix;
import dev.dlforge.core.metrics.EntityScores;
import dev.dlforge.data.text.TaggedSentence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tagger scored on held-out sentences: the confusion matrix over tags (per-tag precision, recall,
 * F1), token accuracy, and, for entity tags, conlleval's entity-level scores. A gold tag never seen
 * in training cannot be predicted: it is outside the matrix but counted in {@code unseen}, a miss.
 */
record TaggingEvaluation(List<String> tags, ConfusionMatrix confusion, long unseen, EntityScores entities, int sentences) {

    static TaggingEvaluation of(List<String> tags, List<TaggedSentence> gold, List<Tagger.Tagged> predicted, boolean entities) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            ids.put(tags.get(i), i);
        }
        ConfusionMatrix cm = new ConfusionMatrix(tags.size());
        EntityScores scores = entities ? new EntityScores() : null;
        long unseen = 0;
        for (int s = 0; s < gold.size(); s++) {
            List<String> truth = gold.get(s).tags();
            List<String> guess = predicted.get(s).tags();
            for (int i = 0; i < truth.size(); i++) {
                Integer t = ids.get(truth.get(i));
                if (t == null) {
                    unseen++;
                } else {
                    cm.add(t, ids.get(guess.get(i)));
                }
            }
            if (scores != null) {
                scores.add(truth, guess);
            }
        }
        return new TaggingEvaluation(tags, cm, unseen, scores, gold.size());
    }

    /** Correct tokens over all tokens, those with an unseen gold tag included. */
    double accuracy() {
        long tokens = tokens();
        return tokens == 0 ? Double.NaN : confusion.accuracy() * confusion.total() / tokens;
    }

    long tokens() {
        return confusion.total() + unseen;
    }

    Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "accuracy", accuracy());
        if (entities != null) {
            m.put(prefix + "entity_f1", entities.f1());
            m.put(prefix + "entity_precision", entities.precision());
            m.put(prefix + "entity_recall", entities.recall());
        }
        m.put(prefix + "tokens", (double) tokens());
        return m;
    }
}
