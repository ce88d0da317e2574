package dev.dlforge.data.docs;

import java.nio.file.Path;

/**
 * A file that was not read, and why, so a caller can print "indexed 40, skipped 3 (2 encrypted,
 * 1 binary)" and list the details.
 *
 * @param source the file
 * @param reason the kind of problem, for grouping
 * @param detail one line for this file, e.g. the parser's message
 */
public record Skipped(Path source, Reason reason, String detail) implements DocumentResult {

    /** Why a file is skipped; {@link #label()} is the word used in summaries. */
    public enum Reason {
        EMPTY("empty"),
        BINARY("binary content"),
        UNSUPPORTED("unsupported type"),
        ENCRYPTED("encrypted"),
        BROKEN("broken"),
        NO_TEXT("no text"),
        UNREADABLE("unreadable"),
        /** A symbolic link below a named folder, not followed: it could lead anywhere. */
        LINK("symbolic link"),
        /** A file whose real path is outside the named folder. */
        OUTSIDE("outside the folder"),
        /** A followed link back to a folder above it. */
        LOOP("link cycle");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** E.g. {@code "docs/a.pdf: encrypted (a password is required)"}. */
    @Override
    public String toString() {
        return source + ": " + reason.label() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
