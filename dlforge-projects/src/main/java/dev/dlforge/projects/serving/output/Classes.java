package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A classifier's answer (images, texts): the answer and the most probable classes, most probable first.
 *
 * @param label the answer: the most probable class, or with a threshold the positive class only when p(positive) >= threshold
 * @param probability the model's probability of {@code label}
 * @param top the most probable classes, as many as asked for
 * @param threshold the least p(positive) answered as positive; null (absent from JSON) for a model without one
 * @param rule the threshold in words, e.g. "spam when p(spam) >= 0.9620 (chosen for ...)"; null without one
 */
@JsonTypeName("classes")
public record Classes(String label, double probability, List<Score> top,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double threshold, @JsonInclude(JsonInclude.Include.NON_NULL) String rule) implements Output {

    /** One class and its probability. */
    public record Score(String label, double probability) {}

    public Classes {
        top = List.copyOf(top);
    }

    /** The most probable class is the answer: {@code top}'s first. */
    public static Classes ofTop(List<Score> top) {
        return new Classes(top.get(0).label(), top.get(0).probability(), top, null, null);
    }
}
