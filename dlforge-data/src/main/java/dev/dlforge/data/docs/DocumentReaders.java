package dev.dlforge.data.docs;

import dev.dlforge.data.text.TextCleaner;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextFiles;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a document file by its extension ({@link #EXTENSIONS}) into a {@link DocumentText}, or says
 * why not with {@link Skipped}; it never throws. Text formats are read only up to
 * {@code 4 * maxChars} bytes (a larger file is cut there and counted as truncated, never loaded
 * whole), checked for binary content ({@link BinaryContent}), decoded ({@link TextDecoder}: BOM,
 * UTF-8, else windows-1252; HTML may declare its charset in {@code <meta>}) and cleaned
 * ({@link TextCleaner}: control characters dropped, over-long lines cut, the whole capped at
 * {@code maxChars}). Repairs are counted in the caller's {@link TextRepairs}.
 */
public final class DocumentReaders {
    /** 5 million characters (about 10 MB of memory, Moby-Dick four times) and 100,000 per line. */
    public static final TextLimits DEFAULT_LIMITS = new TextLimits(5_000_000, 100_000);
    public static final List<String> EXTENSIONS = List.of("txt", "text", "md", "markdown", "html", "htm", "pdf");

    private final TextLimits limits;

    public DocumentReaders() {
        this(DEFAULT_LIMITS);
    }

    public DocumentReaders(TextLimits limits) {
        this.limits = limits;
    }

    /** Whether the file's extension is one this reads. */
    public static boolean supports(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /** The document in {@code file}, or why it was skipped. */
    public DocumentResult read(Path file, TextRepairs repairs) {
        String ext = extension(file);
        try {
            if (!Files.isRegularFile(file)) {
                return new Skipped(file, Skipped.Reason.UNREADABLE, "not a regular file");
            }
            if (!supports(file)) {
                return new Skipped(file, Skipped.Reason.UNSUPPORTED, (ext.isEmpty() ? "no extension" : "." + ext)
                        + "; supported: ." + String.join(", .", EXTENSIONS));
            }
            if (Files.size(file) == 0) {
                return new Skipped(file, Skipped.Reason.EMPTY, "0 bytes");
            }
            if (ext.equals("pdf")) {
                return PdfReader.read(file, limits, repairs);
            }
            return readText(file, ext, repairs);
        } catch (IOException | RuntimeException e) {
            return new Skipped(file, Skipped.Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private DocumentResult readText(Path file, String ext, TextRepairs repairs) throws IOException {
        byte[] bytes = TextFiles.readPrefix(file, 4L * limits.maxChars(), repairs);
        Optional<String> binary = BinaryContent.why(bytes);
        if (binary.isPresent()) {
            return new Skipped(file, Skipped.Reason.BINARY, binary.get());
        }
        boolean html = ext.equals("html") || ext.equals("htm");
        String decoded = html ? TextDecoder.decode(bytes, HtmlReader.declaredCharset(bytes), repairs) : TextDecoder.decode(bytes, repairs);
        String text = new TextCleaner(limits).clean(decoded, repairs);
        Optional<DocumentText> doc = switch (ext) {
            case "md", "markdown" -> MarkdownReader.parse(file, text);
            case "html", "htm" -> HtmlReader.parse(file, text);
            default -> PlainTextReader.parse(file, text);
        };
        return doc.<DocumentResult>map(d -> d).orElseGet(() -> new Skipped(file, Skipped.Reason.EMPTY, "no text"));
    }

    static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
