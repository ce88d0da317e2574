package dev.dlforge.serve.guard;

import dev.dlforge.serve.api.ApiError;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a web page on another site must not make a browser do to this server.
 *
 * <ul>
 *   <li><b>DNS rebinding</b>: a page on {@code evil.example} whose name later resolves to 127.0.0.1
 *       reaches the server with {@code Host: evil.example}. Only names that belong to this server are
 *       answered: IP literals (rebinding needs a DNS name), {@code localhost}, the bound host, and the
 *       names given with {@code --allow-host}.</li>
 *   <li><b>Cross-site requests</b>: a form or a {@code no-cors} fetch from another origin can POST
 *       without a preflight. A state-changing request (any method but GET, HEAD, OPTIONS) whose
 *       {@code Origin} is not this server's own, or that the browser marks {@code Sec-Fetch-Site:
 *       cross-site}, is refused. Clients that are not browsers send no Origin and are unaffected.</li>
 * </ul>
 * The studio's own routes also insist on a JSON body ({@link #requireJson}), which a form cannot send.
 */
public final class CrossSiteGuard {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final Set<String> names;

    /** @param names host names answered besides IP literals and localhost (the bound host, {@code --allow-host}) */
    public CrossSiteGuard(Collection<String> names) {
        this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Throws a 403 for a foreign Host, or a state-changing request from another origin. */
    public void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !allowed(hostName(host))) {
            throw new ApiError(403, "Host '" + host + "' is not a name of this server",
                    "open the server by its address (e.g. http://127.0.0.1:PORT), or start it with --allow-host NAME");
        }
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String origin = ctx.header("Origin");
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site")) || (origin != null && !sameOrigin(origin, host))) {
            throw new ApiError(403, "cross-site request refused: a page from " + (origin == null ? "another site" : origin)
                    + " may not " + ctx.method() + " " + ctx.path(), "call the API from a program, or from a page served by this server");
        }
    }

    /** A 415 unless the request says its body is JSON: an HTML form cannot send that type. */
    public static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiError(415, "this endpoint takes JSON, not " + (type == null ? "a body without Content-Type" : type),
                    "send Content-Type: application/json");
        }
    }

    boolean allowed(String name) {
        return name.isEmpty() || IPV4.matcher(name).matches() || name.startsWith("[") || name.equals("localhost")
                || name.endsWith(".localhost") || names.contains(name);
    }

    /** The name part of a Host header value: {@code Example.org:8080 -> example.org}, {@code [::1]:80 -> [::1]}. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Whether {@code origin} ({@code http://name:port}) names the same host and port as the request's Host header. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            if (!"http".equalsIgnoreCase(o.getScheme()) || o.getHost() == null) {
                return false;
            }
            int originPort = o.getPort() < 0 ? 80 : o.getPort();
            String name = hostName(host);
            String hostValue = host.strip();
            int hostPort = hostValue.endsWith("]") || hostValue.lastIndexOf(':') < 0 ? 80
                    : Integer.parseInt(hostValue.substring(hostValue.lastIndexOf(':') + 1));
            return o.getHost().toLowerCase(Locale.ROOT).equals(name) && originPort == hostPort;
        } catch (IllegalArgumentException e) { // a malformed Origin or Host port
            return false;
        }
    }
}
