package dev.dlforge.serve.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret of a server bound beyond loopback. Callers send it as
 * {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}. Keys are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual}, which takes the same time wherever the two differ, so neither
 * the key nor its length leaks through response times.
 */
public final class ApiKey {
    private final byte[] digest;

    public ApiKey(String key) {
        this.digest = key == null ? null : sha256(key);
    }

    public boolean accepts(Context ctx) {
        if (digest == null) {
            return true;
        }
        String given = ctx.header("X-API-Key");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        return given != null && MessageDigest.isEqual(digest, sha256(given));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
