package dev.dlforge.serve;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.serve.api.ApiError;
import dev.dlforge.serve.api.ApiKey;
import dev.dlforge.serve.api.ApiRoutes;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;

/**
 * One HTTP server for the API and, when asked, the studio. Every error is JSON
 * ({@code {"status", "error", "hint"}}): 4xx for anything the caller can fix, 500 only for bugs.
 * Off loopback every API call needs the key; pages and {@code /health} do not.
 */
public final class DlforgeServer implements AutoCloseable {
    private final Javalin app;
    private final ServeConfig config;
    private final Studio studio;

    private DlforgeServer(Javalin app, ServeConfig config, Studio studio) {
        this.app = app;
        this.config = config;
        this.studio = studio;
    }

    /** Starts the API (and the studio, when {@code studio} is not null) and returns once it listens. */
    public static DlforgeServer start(ServeConfig config, ModelRegistry registry, Catalogue catalogue, ServeMetrics metrics, Studio studio) {
        ApiKey key = new ApiKey(config.apiKey());
        ApiRoutes api = new ApiRoutes(registry, catalogue, metrics, config);
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxBodyBytes();
            if (studio != null) {
                c.staticFiles.add(s -> {
                    s.hostedPath = "/studio";
                    s.directory = "/studio";
                    s.location = Location.CLASSPATH;
                });
                c.staticFiles.enableWebjars();
            }
            c.routes.before(ctx -> {
                if (needsKey(ctx.path()) && !key.accepts(ctx)) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw new ApiError(401, "missing or wrong API key", "send the key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'");
                }
            });
            api.register(c.routes);
            if (studio != null) {
                c.routes.get("/", ctx -> ctx.redirect("/studio/"));
                studio.register(c.routes);
            }
            c.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
            c.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, new ApiError(e.status(), e.getMessage(), e.hint())));
            c.routes.exception(DlforgeException.class, (e, ctx) -> error(ctx, new ApiError(400, e.getMessage(), e.hint())));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, new ApiError(e.getStatus(), e.getMessage(), "")));
            c.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("dlforge serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                e.printStackTrace();
                error(ctx, new ApiError(500, "internal error: " + e.getClass().getSimpleName(), "this is a bug in dlforge; the server log has the details"));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, new ApiError(404, "no such endpoint: " + ctx.method() + " " + ctx.path(), "GET /openapi.json lists the API"));
                }
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new DlforgeException("cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e),
                    "pick another port with --port, or stop what is using it");
        }
        return new DlforgeServer(app, config, studio);
    }

    public int port() {
        return app.port();
    }

    /** e.g. {@code http://127.0.0.1:8080} */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    /** Ends the studio's event streams first: they hold requests open that Jetty would wait for. */
    @Override
    public void close() {
        if (studio != null) {
            studio.close();
        }
        app.stop();
    }

    /** API calls and the studio's data need the key; pages, front-end libraries and health do not. */
    static boolean needsKey(String path) {
        return path.startsWith("/v1/") || path.equals("/metrics") || path.startsWith("/studio/api/");
    }

    private static void error(Context ctx, ApiError e) {
        ctx.status(e.status()).json(e.body());
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
