package dev.dlforge.serve.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests java.net.http will not send (a foreign
 * Host, broken bytes, a stalled body): the attack benchmark and the hardening tests.
 */
public record RawHttp(int status, String headers, String body) {

    /** Sends {@code request} (bytes as ISO-8859-1) to 127.0.0.1:{@code port} and reads the whole answer. */
    public static RawHttp send(int port, String request) throws IOException {
        return send("127.0.0.1", port, request, false);
    }

    /** The status and headers only, for streams that do not end (server-sent events). */
    public static RawHttp head(int port, String request) throws IOException {
        return send("127.0.0.1", port, request, true);
    }

    public static RawHttp send(String host, int port, String request, boolean headOnly) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(120_000); // an unhardened server takes ~15 s over one image bomb
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                String text = all.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0 && (headOnly || complete(text, end))) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            return new RawHttp(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }

    /** Request line and headers, closed with "Connection: close" so the body ends with the stream. */
    public static String request(String method, String path, String... headers) {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    private static boolean complete(String text, int headerEnd) {
        String head = text.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT);
        int i = head.indexOf("content-length:");
        if (i < 0) {
            return false;
        }
        int length = Integer.parseInt(head.substring(i + 15).split("\r\n", 2)[0].strip());
        return text.getBytes(StandardCharsets.UTF_8).length - headerEnd - 4 >= length;
    }
}
