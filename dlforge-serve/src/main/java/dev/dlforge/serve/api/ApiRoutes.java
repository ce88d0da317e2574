package dev.dlforge.serve.api;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.serve.RouteGroup;
import dev.dlforge.serve.batch.QueueFullException;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.model.ServedModel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REST API, documented in {@code /openapi.json}:
 *
 * <pre>
 *   GET  /health                       liveness and the number of models
 *   GET  /v1/models                    the models served, their labels, inputs and demos
 *   POST /v1/models/{name}/predict     one input (image bytes or JSON) -> the model's answer
 *   GET  /metrics                      Prometheus text
 *   GET  /openapi.json                 this API as OpenAPI 3
 * </pre>
 */
public final class ApiRoutes implements RouteGroup {
    private static final String STARTED = "dlforge.started";
    private final ModelRegistry registry;
    private final Catalogue catalogue;
    private final ServeMetrics metrics;
    private final ServeConfig config;

    public ApiRoutes(ModelRegistry registry, Catalogue catalogue, ServeMetrics metrics, ServeConfig config) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.metrics = metrics;
        this.config = config;
    }

    /** What {@code GET /v1/models} says of one model. */
    record ModelInfo(String name, String project, String run, String architecture, String dataset, List<Long> inputShape,
            List<String> labels, Map<String, Double> metrics, List<String> accepts, Demo demo, boolean loaded, int queueDepth) {}

    /**
     * A successful prediction: the model's name, the run whose model answered (null for a bare model
     * folder; it changes when the studio or {@code serve} picks up a newer run), and its answer.
     */
    record PredictResponse(String model, String run, Object result) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "models", registry.names().size())));
        routes.get("/v1/models", ctx -> ctx.json(Map.of("models", registry.names().stream().map(this::describe).toList())));
        routes.post("/v1/models/{name}/predict", this::predict);
        routes.after("/v1/models/{name}/predict", this::count);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/openapi.json", ctx -> {
            try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
    }

    private ModelInfo describe(String name) {
        ModelCard card = registry.card(name);
        var loaded = registry.loadedModel(name);
        return new ModelInfo(name, card.project(), registry.run(name).orElse(null), card.architecture(), card.dataset(), card.inputShape(),
                card.labels(), card.metrics(),
                loaded.map(m -> m.predictor().accepts()).orElse(null), catalogue.capable(card.project(), Serves.class).demo(), loaded.isPresent(),
                loaded.map(ServedModel::queueDepth).orElse(0));
    }

    private void predict(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String name = ctx.pathParam("name");
        ServedModel<?, ?> model = registry.get(name).orElseThrow(() -> new ApiError(404, "no model named '" + name + "'",
                "GET /v1/models lists the models this server answers for"));
        try {
            CompletableFuture<?> answer = model.submit(new Payload(mediaType(ctx), body(ctx), options(ctx)));
            ctx.json(new PredictResponse(name, model.run(), await(answer)));
        } catch (InvalidInputException e) {
            if (e.status() == 503) { // the decode budget was busy: the same input succeeds shortly
                ctx.header("Retry-After", "1");
            }
            throw new ApiError(e.status(), e.getMessage(), e.hint());
        } catch (QueueFullException e) {
            ctx.header("Retry-After", "1");
            throw new ApiError(429, e.getMessage(), "retry after a second, or send fewer requests at once");
        }
    }

    /** Counts what the client received, after the error handlers: a failure of any kind is counted as its status, never as 200. */
    private void count(Context ctx) {
        String name = ctx.pathParam("name");
        Long started = ctx.attribute(STARTED);
        if (started != null && registry.modelDir(name).isPresent()) { // unknown names get no time series of their own
            metrics.request(name, ctx.statusCode(), (System.nanoTime() - started) / 1e9);
        }
    }

    private Object await(CompletableFuture<?> answer) {
        try {
            return answer.get(config.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false); // the batcher drops it if it has not run yet
            throw new ApiError(504, "no answer within " + config.timeoutMs() + " ms", "the server is overloaded; retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "the server is shutting down", "retry later");
        } catch (ExecutionException e) {
            throw new ApiError(500, "the model failed on this request's batch: " + e.getCause(), "report this with the input that caused it");
        }
    }

    /**
     * The body, refused with 413 past the cap whether or not the client announced its length. A body
     * of up to twice the cap is read to its end before the refusal: most clients send the whole
     * body before they read the answer, and a server that closes on unread bytes resets the
     * connection, so they would see "connection reset" instead of the 413. Anything longer is
     * refused at once; it costs no more than a request that was accepted.
     */
    private byte[] body(Context ctx) {
        long cap = config.maxBodyBytes();
        long announced = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (announced > cap) {
                if (announced <= 2 * cap) {
                    discard(in, announced);
                }
                throw new ApiError(413, "request body of " + announced + " bytes is over the " + cap + "-byte limit", "send a smaller file");
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (body.length > cap) {
                discard(in, cap); // up to twice the cap in all, as above
                throw new ApiError(413, "request body is over the " + cap + "-byte limit", "send a smaller file");
            }
            if (body.length == 0) {
                throw new ApiError(400, "the request body is empty", "send an image, or JSON such as {\"image\": \"<base64>\"}");
            }
            return body;
        } catch (IOException e) {
            throw new ApiError(400, "could not read the request body: " + e.getMessage(), "send the whole body");
        }
    }

    /** Reads and drops up to {@code max} bytes, stopping early at the end of the stream or on a read error. */
    private static void discard(InputStream in, long max) {
        byte[] buffer = new byte[8192];
        try {
            for (long left = max; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            // the client went away; the refusal stands
        }
    }

    private static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            throw new ApiError(415, "the request has no Content-Type", "set Content-Type, e.g. image/png or application/json");
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> options(Context ctx) {
        Map<String, String> options = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> options.put(k, v.get(0)));
        return options;
    }
}
