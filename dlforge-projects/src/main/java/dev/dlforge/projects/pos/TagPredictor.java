package dev.dlforge.projects.pos;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a tagger: takes {@code text/plain} or JSON {@code {"text": "..."}} and answers
 * {@code {"tokens": [{"token", "tag", "probability"}]}}, the probability being the CRF marginal of the tag.
 */
public final class TagPredictor implements Predictor<List<List<String>>, Tags> {

    private final Tagger tagger;

    TagPredictor(Tagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public ModelCard card() {
        return tagger.card();
    }

    @Override
    public List<List<String>> decode(Payload payload) {
        String text = switch (payload.contentType()) {
            case "text/plain" -> payload.plainText();
            case "application/json" -> payload.jsonText();
            default -> throw InvalidInputException.unsupportedType("pos takes text, not " + payload.contentType(),
                    "send text/plain, or application/json {\"text\": \"...\"}");
        };
        List<List<String>> chunks = PosProject.chunks(PosProject.tokens(text));
        if (chunks.isEmpty()) {
            throw InvalidInputException.badRequest("the text holds no words", "send a sentence");
        }
        return chunks;
    }

    @Override
    public List<Tags> predict(List<List<List<String>>> batch) {
        List<List<String>> all = new ArrayList<>();
        batch.forEach(all::addAll);
        List<Tagger.Tagged> tagged = tagger.tag(all);
        List<Tags> answers = new ArrayList<>();
        int next = 0;
        for (List<List<String>> request : batch) {
            List<Tags.Token> tokens = new ArrayList<>();
            for (int c = 0; c < request.size(); c++) {
                Tagger.Tagged t = tagged.get(next++);
                for (int w = 0; w < t.words().size(); w++) {
                    tokens.add(new Tags.Token(t.words().get(w), t.tags().get(w), t.probabilities()[w]));
                }
            }
            answers.add(new Tags(tokens));
        }
        return answers;
    }

    @Override
    public List<String> accepts() {
        return List.of("text/plain", "application/json");
    }

    @Override
    public void close() {
        tagger.close();
    }
}
