package dev.dlforge.data.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects a document's text and its sections. Readers of extracted text (HTML, PDF) append
 * sections, separated by a blank line; readers of a file's own text (.txt, .md) start from that text
 * and mark ranges of it. Either way a section is trimmed of surrounding whitespace and a blank one is
 * dropped, so every section holds text.
 */
final class DocumentTextBuilder {
    private final StringBuilder text;
    private final List<Section> sections = new ArrayList<>();

    /** Appending mode: the text grows with each section. */
    DocumentTextBuilder() {
        this.text = new StringBuilder();
    }

    /** Range mode: sections are ranges of {@code fixedText}. */
    DocumentTextBuilder(String fixedText) {
        this.text = new StringBuilder(fixedText);
    }

    /** Text that belongs to no section (a heading line), separated from what precedes by a blank line. */
    void appendOutside(String raw) {
        separate();
        text.append(raw);
    }

    /** Appends {@code body} as a section (unless blank). */
    void appendSection(String body, String heading, Integer page) {
        if (body.isBlank()) {
            return;
        }
        separate();
        int start = text.length();
        text.append(body);
        range(start, text.length(), heading, page);
    }

    /** Marks {@code [start, end)} of the text as a section, trimmed; nothing when it is blank. */
    void range(int start, int end, String heading, Integer page) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sections.add(new Section(text.substring(start, end), heading, page, start, end));
        }
    }

    int length() {
        return text.length();
    }

    /** The document, or empty when no section holds text. */
    Optional<DocumentText> build(Path source, String title) {
        return sections.isEmpty() ? Optional.empty() : Optional.of(new DocumentText(source, title, text.toString(), sections));
    }

    private void separate() {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
    }
}
