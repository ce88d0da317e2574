package dev.dlforge.models.retrieval;

/**
 * What the index knows about one source file.
 *
 * @param source the path or URI the chunks were read from
 * @param fingerprint the caller's fingerprint of the file (e.g. size + mtime, or a hash); an equal
 *     fingerprint means the file need not be read again
 * @param chunks chunks stored for it
 * @param duplicates chunks skipped because an equal text was already indexed
 */
public record SourceRecord(String source, String fingerprint, int chunks, int duplicates) {}
