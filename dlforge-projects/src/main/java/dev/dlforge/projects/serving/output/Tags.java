package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** A tagger's answer (part of speech, entities): one tag per token, in text order. */
@JsonTypeName("tags")
public record Tags(List<Token> tokens) implements Output {

    /**
     * One word's tag.
     *
     * @param probability the model's probability of {@code tag} for this token (a CRF: its marginal)
     */
    public record Token(String token, String tag, double probability) {}

    public Tags {
        tokens = List.copyOf(tokens);
    }
}
