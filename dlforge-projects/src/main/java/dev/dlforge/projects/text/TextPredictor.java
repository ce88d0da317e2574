package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.serving.output.Classes.Score;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a {@link TextClassifier}. A request is text ({@code text/plain}, any encoding), JSON
 * {@code {"text": "..."}}, or a type the project adds (spam: {@code message/rfc822}, a raw mail).
 * Option {@code top} (default: every class) limits the answer, shaped as the image predictor's. A
 * model with a {@link DecisionThreshold} answers at it, and the answer says the threshold.
 */
public final class TextPredictor implements Predictor<TextPredictor.Input, Classes> {
    private final TextClassificationProject project;
    private final ServedTextClassifier classifier;
    private final ModelCard card;

    /** The text as the model reads it, and how many classes to answer with. */
    public record Input(String text, int top) {}

    TextPredictor(TextClassificationProject project, ServedTextClassifier classifier, ModelCard card) {
        this.project = project;
        this.classifier = classifier;
        this.card = card;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public List<String> accepts() {
        List<String> types = new ArrayList<>(List.of("text/plain", "application/json"));
        types.addAll(project.extraContentTypes());
        return types;
    }

    @Override
    public Input decode(Payload payload) {
        int classes = card.labels().size();
        int top = payload.intOption("top", classes, 1, classes);
        String type = payload.contentType();
        if ("text/plain".equals(type)) {
            return new Input(project.textOfTyped(payload.plainText()), top);
        }
        if ("application/json".equals(type)) {
            return new Input(project.textOfTyped(payload.jsonText()), top);
        }
        if (project.extraContentTypes().contains(type)) {
            return new Input(project.textOfFile(payload.body(), new TextRepairs()), top);
        }
        throw InvalidInputException.unsupportedType("content type '" + type + "' is not accepted", "send one of: " + String.join(", ", accepts()));
    }

    @Override
    public List<Classes> predict(List<Input> batch) {
        float[][] p = classifier.probabilities(batch.stream().map(Input::text).toList());
        List<Classes> answers = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<Score> top = classifier.top(p[i], batch.get(i).top());
            int answer = classifier.answer(p[i]);
            DecisionThreshold d = classifier.decision();
            answers.add(new Classes(classifier.classes().get(answer), p[i][answer], top, d == null ? null : d.threshold(),
                    d == null ? null : d.rule()));
        }
        return answers;
    }

    @Override
    public void close() {
        classifier.close();
    }
}
