package dev.dlforge.projects.pos;

import dev.dlforge.core.metrics.ConfusionMatrix;
import dev.dlforge.core.metrics.EntityScores;
import dev.dlforge.data.text.TaggedSentence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tagger scored on held-out sentences: the confusion matrix over tags (token accuracy, per-tag
 * precision, recall, F1) and, for entity tags, conlleval's entity-level scores.
 */
record TaggingEvaluation(List<String> tags, ConfusionMatrix confusion, EntityScores entities, int sentences) {

    static TaggingEvaluation of(List<String> tags, List<TaggedSentence> gold, List<Tagger.Tagged> predicted, boolean entities) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            ids.put(tags.get(i), i);
        }
        ConfusionMatrix cm = new ConfusionMatrix(tags.size());
        EntityScores scores = entities ? new EntityScores() : null;
        for (int s = 0; s < gold.size(); s++) {
            List<String> truth = gold.get(s).tags();
            List<String> guess = predicted.get(s).tags();
            for (int i = 0; i < truth.size(); i++) {
                Integer t = ids.get(truth.get(i));
                if (t != null) { // a tag never seen in training cannot be predicted; it counts as a miss below
                    cm.add(t, ids.get(guess.get(i)));
                }
            }
            if (scores != null) {
                scores.add(truth, guess);
            }
        }
        return new TaggingEvaluation(tags, cm, scores, gold.size());
    }

    double accuracy() {
        return confusion.accuracy();
    }

    Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "accuracy", accuracy());
        if (entities != null) {
            m.put(prefix + "entity_f1", entities.f1());
            m.put(prefix + "entity_precision", entities.precision());
            m.put(prefix + "entity_recall", entities.recall());
        }
        m.put(prefix + "tokens", (double) confusion.total());
        return m;
    }
}
