package dev.dlforge.data.source;

import dev.dlforge.core.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;

/**
 * Files from their canonical URLs over HTTP(S), each checked against its published SHA-256. A file
 * whose bytes differ is rejected, never cached.
 *
 * @param label where the files come from, e.g. {@code Zalando's S3 bucket}
 * @param downloads one entry per file
 */
public record UrlSource(String label, List<Download> downloads) implements DataSource {

    /**
     * One file: its URL, the name it gets in the dataset folder, and its SHA-256 (hex), or null for a
     * file its publisher regenerates (e.g. Project Gutenberg's headers); the cache manifest still
     * records the hash of what was downloaded.
     */
    public record Download(String url, String fileName, String sha256) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    public UrlSource {
        downloads = List.copyOf(downloads);
    }

    @Override
    public String describe() {
        return "download from " + label + " (" + URI.create(downloads.get(0).url()).getHost() + ")";
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        for (Download d : downloads) {
            download(d, target.resolve(d.fileName()));
        }
    }

    static void download(Download d, Path file) throws SourceUnavailableException, IOException {
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofMinutes(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SourceUnavailableException(d.url() + " unreachable: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("download of " + d.url() + " interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new SourceUnavailableException(d.url() + " answered HTTP " + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest sha = sha256();
            try (ProgressBar bar = Progress.bar("downloading " + d.fileName(), length, 0, "MB", 1 << 20);
                    InputStream in = new DigestInputStream(body, sha);
                    OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    bar.stepBy(n);
                }
            } catch (IOException e) {
                throw new SourceUnavailableException("download of " + d.url() + " broke off: " + describe(e), e);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (d.sha256() != null && !actual.equalsIgnoreCase(d.sha256())) {
                Files.deleteIfExists(file);
                throw new SourceUnavailableException(d.fileName() + " from " + d.url() + " has SHA-256 " + actual
                        + ", expected " + d.sha256() + ": refusing a file that is not the published one");
            }
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
