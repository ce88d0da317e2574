package dev.dlforge.serve.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dlforge.core.io.Json;
import dev.dlforge.serve.api.ApiError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches dlforge (bad bytes in the path, a URI
 * or headers too long, a malformed request line), in the same JSON as every other error instead of
 * Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        ApiError error = new ApiError(status, message.toLowerCase(java.util.Locale.ROOT), hint(status));
        try {
            return Json.MAPPER.writeValueAsBytes(error.body());
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 414 -> "the URI is too long: send the data in the request body";
            case 431 -> "the request headers are too large: send fewer or shorter headers";
            case 400 -> "the request is malformed: check the path (percent-encode special characters) and the headers";
            default -> "";
        };
    }
}
