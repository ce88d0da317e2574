package dev.dlforge.projects.lm;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.models.lm.Generation;
import dev.dlforge.models.lm.TextGenerator;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.GeneratedText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves any {@link LoadedLanguageModel}: a request is a prompt ({@code text/plain}, any encoding) or a
 * JSON {@link GenerationRequest}; the answer is the continuation with its token counts. A batch is
 * written one request after the other (each a sequence of its own length, stop and seed); batching
 * still bounds the queue and keeps the model on one thread.
 */
public final class GenerationPredictor implements Predictor<GenerationRequest, GeneratedText> {
    private final LoadedLanguageModel model;
    private final TextGenerator generator;
    private final ModelCard card;
    private final NDManager manager;

    /** Serves {@code model}, whose arrays live in {@code manager}; closing the predictor closes it. */
    public GenerationPredictor(LoadedLanguageModel model, ModelCard card, NDManager manager) {
        this.model = model;
        this.generator = model.generator();
        this.card = card;
        this.manager = manager;
    }

    /** Loads a run's model folder through its project, in a manager of its own. */
    public static GenerationPredictor load(Generates project, Path modelDir) {
        ModelCard card = ModelArtifact.readCard(modelDir);
        if (!card.project().equals(project.info().id())) {
            throw new DlforgeException("model " + modelDir + " belongs to project " + card.project() + ", not " + project.info().id(),
                    "serve it with its own project");
        }
        NDManager manager = Engines.newManager();
        try {
            return new GenerationPredictor(project.loadLanguageModel(modelDir, manager), card, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The studio's text-generation widget: a prompt, temperature and length, the continuation below. */
    public static Demo demo() {
        return new Demo("generate", "Write the start of a text; the model continues it.",
                Map.of("placeholder", "Call me Ishmael.", "rows", 6, "maxTokens", 200, "maxTokensLimit", GenerationRequest.MAX_TOKENS,
                        "temperature", 0.8, "maxTemperature", 2.0));
    }

    public LoadedLanguageModel model() {
        return model;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public List<String> accepts() {
        return List.of("text/plain", "application/json");
    }

    @Override
    public GenerationRequest decode(Payload payload) {
        GenerationRequest request = switch (payload.contentType()) {
            case "text/plain" -> GenerationRequest.ofText(TextDecoder.decode(payload.body(), new TextRepairs()), model.defaults());
            case "application/json" -> GenerationRequest.ofJson(payload.body(), model.defaults());
            default -> throw InvalidInputException.unsupportedType("content type '" + payload.contentType() + "' is not accepted",
                    "send the prompt as text/plain, or JSON {\"prompt\": \"...\"} as application/json");
        };
        if (model.tokenizer().encode(request.prompt()).length == 0) {
            throw InvalidInputException.badRequest("the prompt encodes to no tokens with this model's tokenizer",
                    "send text the model can read");
        }
        return request;
    }

    @Override
    public List<GeneratedText> predict(List<GenerationRequest> batch) {
        List<GeneratedText> out = new ArrayList<>(batch.size());
        for (GenerationRequest r : batch) {
            Generation g = generator.generate(r.prompt(), r.config(), manager, chunk -> {});
            out.add(new GeneratedText(g.text(), g.promptTokens(), g.generatedTokens(), g.finishReason(), g.tokensPerSecond()));
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
