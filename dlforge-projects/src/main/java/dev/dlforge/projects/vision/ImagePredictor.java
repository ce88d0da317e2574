package dev.dlforge.projects.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.image.ImageDecodeBusyException;
import dev.dlforge.core.image.ImageFiles;
import dev.dlforge.core.image.ImageTooLargeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.serving.output.Classes.Score;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Serves an {@link ImageClassifier}. A request is a picture (PNG, JPEG, GIF or BMP bytes), or JSON
 * {@code {"image": "<base64>"}} or {@code {"pixels": [...]}} with C*H*W values in [0, 1] already
 * framed like the training data. Option {@code top} (default: every class) limits the answer.
 */
public final class ImagePredictor implements Predictor<ImagePredictor.Input, Classes> {
    private static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/bmp", "application/octet-stream");
    private final ImageClassifier classifier;

    /** Pixels framed for the model, and how many classes to answer with. */
    public record Input(float[] pixels, int top) {}

    public ImagePredictor(ImageClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public ModelCard card() {
        return classifier.card();
    }

    @Override
    public List<String> accepts() {
        List<String> types = new ArrayList<>(IMAGE_TYPES);
        types.add("application/json");
        return types;
    }

    @Override
    public Input decode(Payload payload) {
        int classes = card().labels().size();
        int top = payload.intOption("top", classes, 1, classes);
        if (IMAGE_TYPES.contains(payload.contentType())) {
            return new Input(framed(payload.body(), payload.origin()), top);
        }
        if ("application/json".equals(payload.contentType())) {
            JsonNode json = parse(payload.body());
            if (json.hasNonNull("image")) {
                return new Input(framed(base64(json.get("image")), payload.origin()), top);
            }
            if (json.hasNonNull("pixels")) {
                return new Input(pixels(json.get("pixels")), top);
            }
            throw InvalidInputException.badRequest("the JSON body has neither \"image\" nor \"pixels\"",
                    "send {\"image\": \"<base64 PNG or JPEG>\"} or {\"pixels\": [" + pixelCount() + " values in [0, 1]]}");
        }
        throw InvalidInputException.unsupportedType("content type '" + payload.contentType() + "' is not accepted",
                "send one of: " + String.join(", ", accepts()));
    }

    @Override
    public List<Classes> predict(List<Input> batch) {
        int classes = card().labels().size();
        List<List<Score>> all = classifier.classifyBatch(batch.stream().map(Input::pixels).toList(), classes);
        List<Classes> answers = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<Score> scores = all.get(i);
            answers.add(new Classes(scores.get(0).label(), scores.get(0).probability(), scores.subList(0, batch.get(i).top()), null, null));
        }
        return answers;
    }

    @Override
    public void close() {
        classifier.close();
    }

    /**
     * The picture decoded and framed. The status says whose move it is: 413 for an image over the
     * size limits (or too large for the memory left), 503 when other requests hold the decode budget
     * (the same image succeeds later), 400 for anything else wrong with the bytes.
     */
    private float[] framed(byte[] bytes, String origin) {
        try {
            return classifier.pixelsOf(ImageFiles.decode(bytes, origin));
        } catch (InvalidInputException e) {
            throw e;
        } catch (ImageTooLargeException e) {
            throw new InvalidInputException(413, e.getMessage(), e.hint());
        } catch (ImageDecodeBusyException e) {
            throw new InvalidInputException(503, e.getMessage(), e.hint());
        } catch (DlforgeException e) {
            throw InvalidInputException.badRequest(e.getMessage(), e.hint());
        }
    }

    private float[] pixels(JsonNode node) {
        int n = pixelCount();
        if (!node.isArray() || node.size() != n) {
            throw InvalidInputException.badRequest("\"pixels\" must be an array of " + n + " numbers (" + card().inputShape() + "), got "
                    + (node.isArray() ? node.size() + " elements" : "a " + node.getNodeType().toString().toLowerCase()),
                    "send the C*H*W values row by row");
        }
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
                throw InvalidInputException.badRequest("pixels[" + i + "] = " + v + " is not a number in [0, 1]", "scale pixel values to [0, 1]");
            }
            p[i] = (float) v.asDouble();
        }
        return p;
    }

    private int pixelCount() {
        return Math.toIntExact(card().inputShape().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw InvalidInputException.badRequest("the JSON body must be an object", "send {\"image\": \"<base64>\"}");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.badRequest("the body is not valid JSON: " + e.getOriginalMessage(), "check the request body");
        } catch (IOException e) {
            throw InvalidInputException.badRequest("the body cannot be read as JSON: " + e.getMessage(), "check the request body");
        }
    }

    /** Base64 bytes, line breaks allowed, with or without a {@code data:image/png;base64,} prefix. */
    private static byte[] base64(JsonNode node) {
        String text = node.asText();
        if (text.startsWith("data:") && text.indexOf(',') > 0) {
            text = text.substring(text.indexOf(',') + 1);
        }
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.badRequest("\"image\" is not base64: " + e.getMessage(), "encode the file's bytes as base64");
        }
    }
}
