package dev.dlforge.serve;

import io.javalin.config.RoutesConfig;

/** A set of routes the server mounts (the API, the studio); the server adds keys, guards, errors and metrics around them. */
public interface RouteGroup {
    void register(RoutesConfig routes);
}
