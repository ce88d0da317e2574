package dev.dlforge.serve.openai;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.serving.SchedulerStats;
import dev.dlforge.serve.RouteGroup;
import dev.dlforge.serve.api.ApiError;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's API for one served language model (docs/SERVING.md, "OpenAI-compatible API"):
 *
 * <pre>
 *   GET  /v1/models              the model, and the embedding model
 *   POST /v1/chat/completions    chat, streamed or whole, with tools
 *   POST /v1/completions         text completion
 *   POST /v1/embeddings          MiniLM sentence embeddings
 *   GET  /health                 liveness and the scheduler's state
 * </pre>
 *
 * Every error on these routes is OpenAI's error JSON, the server's own (a missing key, an unknown path) included.
 */
public final class OpenAiRoutes implements RouteGroup, AutoCloseable {
    private final ServedLlm llm;
    private final Embeddings embeddings = new Embeddings();

    public OpenAiRoutes(ServedLlm llm) {
        this.llm = llm;
    }

    @Override
    public void register(RoutesConfig routes) {
        ChatCompletions chat = new ChatCompletions(llm);
        TextCompletions text = new TextCompletions(llm);
        routes.get("/health", ctx -> ctx.json(health()));
        routes.get("/v1/models", ctx -> ctx.json(Map.of("object", "list", "data", List.of(model(llm.name(), llm.created()),
                model(Embeddings.MODEL, llm.created())))));
        routes.get("/v1/models/{model}", ctx -> {
            String name = ctx.pathParam("model");
            if (!name.equals(llm.name()) && !name.equals(Embeddings.MODEL)) {
                throw new OpenAiError(404, "The model '" + name + "' does not exist", "invalid_request_error", "model", "model_not_found");
            }
            ctx.json(model(name, llm.created()));
        });
        routes.post("/v1/chat/completions", chat::handle);
        routes.post("/v1/completions", text::handle);
        routes.post("/v1/embeddings", embeddings::handle);
        routes.exception(OpenAiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
    }

    @Override
    public Object errorBody(String path, ApiError error) {
        if (!path.startsWith("/v1/")) {
            return null;
        }
        String message = error.hint().isEmpty() ? error.getMessage() : error.getMessage() + " (" + error.hint() + ")";
        String code = error.status() == 401 ? "invalid_api_key" : error.status() == 404 ? "unknown_url" : null;
        return OpenAiError.body(error.status(), message, null, null, code);
    }

    private Map<String, Object> health() {
        SchedulerStats s = llm.scheduler().stats();
        DecoderModel.ModelInfo info = llm.model().info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("model", llm.name());
        m.put("architecture", info.architecture());
        m.put("context_length", info.contextLength());
        m.put("running", s.running());
        m.put("waiting", s.waiting());
        m.put("kv_blocks_free", s.freeBlocks());
        m.put("kv_blocks_total", s.totalBlocks());
        m.put("kv_bytes_per_token", s.bytesPerToken());
        m.put("preemptions", s.preemptions());
        m.put("reused_prompt_tokens", s.reusedTokens());
        return m;
    }

    private static Map<String, Object> model(String id, long created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", created);
        m.put("owned_by", "dlforge");
        return m;
    }

    @Override
    public void close() {
        embeddings.close();
    }
}
