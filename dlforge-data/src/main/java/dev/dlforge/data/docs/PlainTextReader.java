package dev.dlforge.data.docs;

import java.nio.file.Path;
import java.util.Optional;

/** A .txt file: one section holding the whole (decoded, cleaned) text; no headings, no pages. */
final class PlainTextReader {
    private PlainTextReader() {}

    static Optional<DocumentText> parse(Path source, String text) {
        DocumentTextBuilder doc = new DocumentTextBuilder(text);
        doc.range(0, text.length(), null, null);
        return doc.build(source, source.getFileName().toString());
    }
}
