package dev.dlforge.serve;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.image.ImageDecodeBusyException;
import dev.dlforge.core.image.ImageTooLargeException;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.serve.api.ApiError;
import dev.dlforge.serve.api.ApiKey;
import dev.dlforge.serve.api.ApiRoutes;
import dev.dlforge.serve.api.SecurityConfig;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.guard.ConnectionCap;
import dev.dlforge.serve.guard.CrossSiteGuard;
import dev.dlforge.serve.guard.JsonErrorHandler;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One HTTP server for the API and, when asked, the studio. Every error is JSON
 * ({@code {"status", "error", "hint"}}), Jetty's own included: 4xx for anything the caller can fix,
 * 500 only for bugs, an {@link Error} such as running out of memory too. Off loopback every API call
 * needs the key, checked on the route the request matched; pages and {@code /health} do not.
 * Foreign Host names and cross-site state changes are refused ({@link CrossSiteGuard}), and one
 * client address may hold only so many connections ({@link ConnectionCap}).
 */
public final class DlforgeServer implements AutoCloseable {
    private final Javalin app;
    private final ServeConfig config;
    private final Studio studio;
    private final ConnectionCap connections;

    private DlforgeServer(Javalin app, ServeConfig config, Studio studio, ConnectionCap connections) {
        this.app = app;
        this.config = config;
        this.studio = studio;
        this.connections = connections;
    }

    /** Starts the API (and the studio, when {@code studio} is not null) and returns once it listens. */
    public static DlforgeServer start(ServeConfig config, ModelRegistry registry, Catalogue catalogue, ServeMetrics metrics, Studio studio) {
        List<RouteGroup> groups = new ArrayList<>(List.of(new ApiRoutes(registry, catalogue, metrics, config)));
        if (studio != null) {
            groups.add(studio);
        }
        return start(config, metrics, studio, groups);
    }

    /** The same with the route groups given; {@code studio}, when not null, is one of them and also gets its pages served. */
    public static DlforgeServer start(ServeConfig config, ServeMetrics metrics, Studio studio, List<RouteGroup> groups) {
        return start(config, metrics, studio, studio != null ? "/studio/" : null, groups);
    }

    /**
     * The same, serving the studio's pages (static files under {@code /studio}, no key needed) when {@code home} is not null, with
     * {@code /} redirected to {@code home}: the studio's gallery, or the chat page of a server with no {@link Studio} ({@code dlforge
     * llm serve}).
     */
    public static DlforgeServer start(ServeConfig config, ServeMetrics metrics, Studio studio, String home, List<RouteGroup> groups) {
        ApiKey key = new ApiKey(config.apiKey());
        SecurityConfig security = config.security();
        List<String> names = new ArrayList<>(security.allowedHosts());
        names.add(config.host());
        CrossSiteGuard guard = new CrossSiteGuard(names);
        ConnectionCap connections = new ConnectionCap(security.connectionsPerClient());
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            QueuedThreadPool threads = new QueuedThreadPool(security.maxThreads(), 8, 60_000);
            threads.setName("dlforge-http");
            c.jetty.threadPool = threads;
            c.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(security.idleTimeoutMs()));
            c.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setIdleTimeout(security.idleTimeoutMs());
                connector.addEventListener(connections);
                return connector;
            });
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            if (studio != null) {
                c.jetty.modifyServletContextHandler(h -> h.addFilter(new FilterHolder(new EventStreamAccept()), EventStreamAccept.PATH,
                        EnumSet.of(DispatcherType.REQUEST)));
            }
            c.router.handlerWrapper(DlforgeServer::faultsAsExceptions);
            c.router.javaLangErrorHandler((response, error) -> lastResortError(response, error));
            if (home != null) {
                c.staticFiles.add(s -> {
                    s.hostedPath = "/studio";
                    s.directory = "/studio";
                    s.location = Location.CLASSPATH;
                });
                c.staticFiles.enableWebjars();
            }
            c.routes.before(guard::check);
            c.routes.beforeMatched(ctx -> {
                if (needsKey(routeOf(ctx)) && !key.accepts(ctx)) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw new ApiError(401, "missing or wrong API key", "send the key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'");
                }
            });
            c.routes.after(ctx -> metrics.response(routeOf(ctx), ctx.statusCode()));
            groups.forEach(g -> g.register(c.routes));
            if (home != null) {
                c.routes.get("/", ctx -> ctx.redirect(home + (ctx.queryString() == null ? "" : "?" + ctx.queryString()))); // ?key=KEY kept
            }
            c.routes.exception(ApiError.class, (e, ctx) -> error(ctx, groups, e));
            c.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, groups, new ApiError(e.status(), e.getMessage(), e.hint())));
            c.routes.exception(ImageTooLargeException.class, (e, ctx) -> error(ctx, groups, new ApiError(413, e.getMessage(), e.hint())));
            c.routes.exception(ImageDecodeBusyException.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                error(ctx, groups, new ApiError(503, e.getMessage(), e.hint()));
            });
            c.routes.exception(DlforgeException.class, (e, ctx) -> error(ctx, groups, new ApiError(400, e.getMessage(), e.hint())));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, groups, new ApiError(e.getStatus(), e.getMessage(), "")));
            c.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("dlforge serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                e.printStackTrace();
                String what = e instanceof ServerFault ? e.getMessage() : e.getClass().getSimpleName();
                error(ctx, groups, new ApiError(500, "internal error: " + what, "this is a bug in dlforge, or the server ran short of memory;"
                        + " the server log has the details, and it goes on serving"));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, groups, new ApiError(404, "no such endpoint: " + ctx.method() + " " + ctx.path(), "GET /openapi.json lists the API"));
                }
            });
        });
        FreePort.require(config.host(), config.port());
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new DlforgeException("cannot listen on " + config.url(config.port()) + ": " + rootMessage(e),
                    config.port() == 0 ? "check the address with --host" : "port " + config.port() + " is in use or not allowed; try --port "
                            + (config.port() + 1));
        }
        return new DlforgeServer(app, config, studio, connections);
    }

    public int port() {
        return app.port();
    }

    /** e.g. {@code http://127.0.0.1:8080}, or {@code http://[::1]:8080} */
    public String url() {
        return config.url(port());
    }

    /** Method and path pattern of every route, e.g. {@code GET /v1/models} (what the key test walks). */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod()).map(e -> e.method + " " + e.path).distinct().toList();
    }

    /** Connections closed on opening because their client address had too many open. */
    public long refusedConnections() {
        return connections.refused();
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
    static boolean needsKey(String route) {
        return route.startsWith("/v1/") || route.equals("/metrics") || route.startsWith("/studio/api/");
    }

    /** The path pattern of the route the request matched ({@code /metrics/} matches {@code /metrics}), or "unmatched". */
    private static String routeOf(Context ctx) {
        try {
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "unmatched" : matched.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private static io.javalin.http.Handler faultsAsExceptions(Endpoint endpoint) {
        return ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Error e) {
                throw new ServerFault(e);
            }
        };
    }

    /** An Error outside any handler: Javalin's own code ran out of memory, say. */
    private static void lastResortError(jakarta.servlet.http.HttpServletResponse response, Error error) {
        System.err.println("dlforge serve: " + error);
        try {
            if (!response.isCommitted()) {
                response.setStatus(500);
                response.setContentType("application/json");
                response.getOutputStream().write(("{\"status\":500,\"error\":\"internal error: " + error.getClass().getSimpleName()
                        + "\",\"hint\":\"the server log has the details\"}").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone; nothing more to tell it
        }
    }

    /** The error's JSON: the shape the matched route's group writes (OpenAI's for its API), else {"status", "error", "hint"}. */
    private static void error(Context ctx, List<RouteGroup> groups, ApiError e) {
        for (RouteGroup g : groups) {
            Object body = g.errorBody(ctx.path(), e);
            if (body != null) {
                ctx.status(e.status()).json(body);
                return;
            }
        }
        ctx.status(e.status()).json(e.body());
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
