package dev.dlforge.projects.poetry;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a poetry model: takes a prompt as {@code text/plain} or JSON {@code {"text": "..."}}, with
 * options {@code ?tokens=N} (1..2000, default 200), {@code ?temperature=T} (0..5, default 0.8) and
 * {@code ?seed=S}, and answers {@code {"prompt", "text", "tokens", "meanLogProbability"}}.
 */
public final class PoetryPredictor implements Predictor<PoetryPredictor.Request, Poet.Continuation> {
    static final int MAX_PROMPT_CHARS = 2_000;

    /** A decoded request. */
    public record Request(String prompt, int tokens, double temperature, long seed) {}

    private final Poet poet;

    PoetryPredictor(Poet poet) {
        this.poet = poet;
    }

    @Override
    public ModelCard card() {
        return poet.card();
    }

    @Override
    public Request decode(Payload payload) {
        String text = switch (payload.contentType()) {
            case "text/plain" -> TextDecoder.decode(payload.body(), new TextRepairs());
            case "application/json" -> payload.jsonText();
            default -> throw InvalidInputException.unsupportedType("poetry takes a prompt as text, not " + payload.contentType(),
                    "send text/plain, or application/json {\"text\": \"...\"}");
        };
        String prompt = PoetryProject.prompt(text);
        int tokens = payload.intOption("tokens", PoetryProject.PREDICT_TOKENS, 1, 2000);
        int seed = payload.intOption("seed", (int) poet.recipe().seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new Request(prompt, tokens, temperature(payload), seed);
    }

    private static double temperature(Payload payload) {
        String v = payload.options().get("temperature");
        if (v == null) {
            return PoetryProject.PREDICT_TEMPERATURE;
        }
        try {
            double t = Double.parseDouble(v.strip());
            if (t >= 0 && t <= 5) {
                return t;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw InvalidInputException.badRequest("option temperature=" + v + " is not a number in [0, 5]",
                "pass ?temperature=0.8 (0 is greedy)");
    }

    @Override
    public List<Poet.Continuation> predict(List<Request> batch) {
        List<Poet.Continuation> out = new ArrayList<>(batch.size());
        for (Request r : batch) {
            out.add(poet.write(r.prompt(), r.temperature(), r.tokens(), r.seed()));
        }
        return out;
    }

    @Override
    public List<String> accepts() {
        return List.of("text/plain", "application/json");
    }

    @Override
    public void close() {
        poet.close();
    }
}
