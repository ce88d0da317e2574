package dev.dlforge.serve;

import dev.dlforge.serve.api.ApiError;
import io.javalin.config.RoutesConfig;

/** A set of routes the server mounts (the API, the studio); the server adds keys, guards, errors and metrics around them. */
public interface RouteGroup {
    void register(RoutesConfig routes);

    /** The body of an error answered on {@code path} when this group writes errors its own way; null leaves the server's. */
    default Object errorBody(String path, ApiError error) {
        return null;
    }
}
