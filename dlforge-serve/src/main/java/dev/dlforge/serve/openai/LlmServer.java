package dev.dlforge.serve.openai;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.serving.Scheduler;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import java.util.List;

/**
 * {@code dlforge llm serve}: one language model behind OpenAI's API, its requests batched by a {@link Scheduler}. The
 * HTTP server is dlforge's own (keys off loopback, Host and cross-site guards, connection caps, JSON errors). It also serves the
 * studio's chat page, {@value #CHAT_PAGE} ({@code /} redirects there): a browser talking to {@code /v1/chat/completions}.
 */
public final class LlmServer implements AutoCloseable {
    /** The chat page (resources/studio/chat/index.html). */
    public static final String CHAT_PAGE = "/studio/chat/";
    private final DlforgeServer http;
    private final ServedLlm llm;
    private final OpenAiRoutes routes;

    private LlmServer(DlforgeServer http, ServedLlm llm, OpenAiRoutes routes) {
        this.http = http;
        this.llm = llm;
        this.routes = routes;
    }

    /** Serves {@code model} as {@code name}; the server owns the model from here and closes it. */
    public static LlmServer start(ServeConfig config, SchedulerConfig scheduling, String name, DecoderModel model) {
        Scheduler scheduler = new Scheduler(model, scheduling);
        ServedLlm llm = new ServedLlm(name, scheduler);
        OpenAiRoutes routes = new OpenAiRoutes(llm);
        try {
            return new LlmServer(DlforgeServer.start(config, new ServeMetrics(), null, CHAT_PAGE, List.of(routes)), llm, routes);
        } catch (RuntimeException e) {
            scheduler.close();
            model.close();
            throw e;
        }
    }

    public DlforgeServer http() {
        return http;
    }

    public ServedLlm llm() {
        return llm;
    }

    public String url() {
        return http.url();
    }

    @Override
    public void close() {
        http.close();
        llm.scheduler().close();
        routes.close();
        llm.model().close();
    }
}
