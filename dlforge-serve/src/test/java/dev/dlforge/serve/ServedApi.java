package dev.dlforge.serve;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.serve.api.ServeConfig;
import java.util.Map;

/** A real API server on loopback serving one run's model as {@code name}, with a client for it. */
public record ServedApi(ModelServer server, Http http) implements AutoCloseable {

    public static ServedApi start(ServeConfig config, String name, RunDir run) {
        ModelServer server = ModelServer.start(config, Map.of(name, run.model()));
        return new ServedApi(server, Http.to(server.http().url()));
    }

    public int port() {
        return server.http().port();
    }

    @Override
    public void close() {
        server.close();
    }
}
