package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.image.ImageFiles;
import dev.dlforge.data.text.TextFiles;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.projects.serving.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One thing {@code dlforge predict} answers for, a file or a {@code --text}, turned into the {@link Payload}
 * a project's predictor takes over HTTP too. A file's media type comes from its extension when the
 * predictor accepts that type; otherwise the predictor reads it as a file of its own kind: a mail
 * (spam reads any bytes as one), a picture (image predictors sniff the format), or text.
 *
 * @param shown how the output names it: the path, or the text in quotes (cut at 40 characters)
 * @param file the file; null for a typed text
 * @param text the typed text; null for a file
 */
record PredictInput(String shown, Path file, String text) {
    /** A text file is read this far (a 10 MB line is cut, as the text cleaner would cut it anyway). */
    static final long MAX_TEXT_BYTES = 8L * TextLimits.DEFAULT.maxChars();
    private static final Map<String, String> BY_EXTENSION = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "bmp", "image/bmp", "eml", "message/rfc822", "txt", "text/plain", "json", "application/json");
    private static final List<String> FALLBACKS = List.of("message/rfc822", "application/octet-stream", "text/plain");

    static PredictInput ofFile(Path file) {
        return new PredictInput(file.toString(), file, null);
    }

    static PredictInput ofText(String text) {
        return new PredictInput("\"" + (text.length() > 40 ? text.substring(0, 39) + "\u2026" : text) + "\"", null, text);
    }

    /** The request as the predictor gets it: typed text as {@code text/plain}, which every text predictor takes. */
    Payload payload(List<String> accepts, Map<String, String> options) {
        if (file == null) {
            return new Payload("text/plain", text.getBytes(StandardCharsets.UTF_8), options, shown);
        }
        String type = mediaType(file, accepts);
        return new Payload(type, read(file, type), options, file.toString());
    }

    /** Where a picture answered for this input is written: {@code NAME-predicted.png} in {@code dir}, or next to the file. */
    Path pictureTarget(Path dir, int index, String extension) {
        String stem = file == null ? "text-" + index : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path folder = dir != null ? dir : file != null && file.toAbsolutePath().getParent() != null ? file.toAbsolutePath().getParent() : Path.of("");
        return folder.resolve(stem + "-predicted." + extension);
    }

    static String mediaType(Path file, List<String> accepts) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String byName = name.contains(".") ? BY_EXTENSION.get(name.substring(name.lastIndexOf('.') + 1)) : null;
        if (byName != null && accepts.contains(byName)) {
            return byName;
        }
        return FALLBACKS.stream().filter(accepts::contains).findFirst().orElse(byName != null ? byName : "text/plain");
    }

    private static byte[] read(Path file, String type) {
        try {
            if (type.startsWith("image/") || type.equals("application/octet-stream")) {
                long size = Files.size(file);
                if (size > ImageFiles.MAX_BYTES) {
                    throw new DlforgeException("image " + file + " is " + (size >> 20) + " MB, over the " + (ImageFiles.MAX_BYTES >> 20) + " MB limit",
                            "scale it down first");
                }
                return Files.readAllBytes(file);
            }
            return TextFiles.readPrefix(file, MAX_TEXT_BYTES, new TextRepairs());
        } catch (NoSuchFileException e) {
            throw new DlforgeException("file " + file + " does not exist", "check the path");
        } catch (IOException e) {
            throw new DlforgeException("cannot read " + file + ": " + e.getMessage(), "check the path and its permissions");
        }
    }
}
